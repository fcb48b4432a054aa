import { log } from '../../src/log';
import type { MeetingParticipants, TeamsMeetingRole, TeamsParticipantQuestion } from '../../src/kernel/meetingParticipants';

/** Teams can be slow or fail (throttling, a meeting that has ended): the answer never waits longer than this. */
export const PARTICIPANT_TIMEOUT_MS = 3000;

/**
 * The role, or 'unknown' when the port fails or does not answer in time; the failure is logged (ids only), and the
 * caller then goes by the app's own rule alone.
 */
export async function teamsRoleOf(
  port: MeetingParticipants,
  question: TeamsParticipantQuestion,
  timeoutMs: number = PARTICIPANT_TIMEOUT_MS,
): Promise<TeamsMeetingRole> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const answer = await Promise.race([port.roleOf(question), timeout]);
    if (answer === 'timeout') {
      log.warn({ event: 'meeting.participantRoleTimeout', teamsMeetingId: question.teamsMeetingId, timeoutMs }, 'meeting: Teams did not say the participant\'s role in time; the app\'s rule decides');
      return 'unknown';
    }
    return normalRole(answer);
  } catch (err) {
    log.warn({ event: 'meeting.participantRoleFailed', teamsMeetingId: question.teamsMeetingId, error: err instanceof Error ? err.name : typeof err }, 'meeting: Teams participant lookup failed; the app\'s rule decides');
    return 'unknown';
  } finally {
    clearTimeout(timer);
  }
}

/** Teams spells roles with a capital; anything else it might send is 'unknown', never a guess. */
export function normalRole(value: unknown): TeamsMeetingRole {
  if (typeof value !== 'string') return 'unknown';
  const lower = value.trim().toLowerCase();
  if (lower === 'organizer' || lower === 'organiser') return 'Organizer';
  if (lower === 'presenter') return 'Presenter';
  if (lower === 'attendee') return 'Attendee';
  return 'unknown';
}

export interface ChairCheck {
  /** The app's rule, unchanged: the meeting's stored chair or named deputy drives it, whatever Teams says. */
  mayDrive: boolean;
  teamsRole: TeamsMeetingRole;
  /** Said to a chair whom Teams does not let present: what they will miss and who can fix it. */
  notice?: string;
}

export const CHAIR_NOT_PRESENTER =
  'You chair this panel in RiskPanel, but in this Teams meeting you are an attendee, so Teams will not let you share ' +
  'the stage. You can still run the agenda from the side panel. Ask the meeting organiser to make you a presenter.';

/**
 * The chair check in a Teams meeting. Who drives is the app's rule (`drives`: the meeting's stored chair or deputy, as
 * the policies decide); the Teams role is a second look that can only add a notice, never grant or take away.
 * An unknown role (Teams failed, or no meeting) adds nothing.
 */
export function chairCheck(drives: boolean, teamsRole: TeamsMeetingRole): ChairCheck {
  if (drives && teamsRole === 'Attendee') return { mayDrive: true, teamsRole, notice: CHAIR_NOT_PRESENTER };
  return { mayDrive: drives, teamsRole };
}
