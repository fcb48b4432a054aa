import type { Activity } from '@microsoft/agents-activity';
import { commands, execute } from '../../src/commands';
import { AppError } from '../../src/domain/errors';
import type { Context } from '../../src/kernel/context';
import { log } from '../../src/log';
import { queries, runQuery } from '../../src/queries';

/** The event activities Teams sends to a bot in a meeting (RSC OnlineMeeting.ReadBasic.Chat / ChannelMeeting.ReadBasic.Group). */
export const MEETING_START_EVENT = 'application/vnd.microsoft.meetingStart';
export const MEETING_END_EVENT = 'application/vnd.microsoft.meetingEnd';

/** What handling one event came to: logged, and returned for tests. */
export type MeetingEventOutcome = 'started' | 'ended' | 'alreadyRunning' | 'notReady' | 'notLinked' | 'refused';

export interface MeetingEventDeps {
  /** The context RiskPanel itself acts in (SYSTEM_ACTOR), made by the composition root; audited as 'system'. */
  systemContext: (correlationId: string) => Context;
}

type EventActivity = Pick<Activity, 'id' | 'name' | 'conversation' | 'channelData' | 'value'>;

/**
 * Every name Teams gives the meeting in an activity: the chat's conversation id, channelData.meeting.id, and for a
 * meeting event its id and join link (Teams has sent these keys capitalised and in camel case).
 */
export function teamsMeetingNamesOf(activity: Pick<Activity, 'conversation' | 'channelData' | 'value'>): string[] {
  const value = (activity.value ?? {}) as Record<string, unknown>;
  const channelData = (activity.channelData ?? {}) as { meeting?: { id?: unknown } };
  const names = [activity.conversation?.id, channelData.meeting?.id, value.Id, value.id, value.JoinUrl, value.joinUrl];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== '' && n.length <= 2000))].slice(0, 5);
}

/** Whether an activity happened in a Teams meeting (its chat, or a channel meeting's thread). */
export function isMeetingActivity(activity: Pick<Activity, 'conversation' | 'channelData'>): boolean {
  const channelData = (activity.channelData ?? {}) as { meeting?: { id?: unknown } };
  return typeof channelData.meeting?.id === 'string' || /^19:meeting_/.test(activity.conversation?.id ?? '');
}

/**
 * A Teams meeting started or ended: the RiskPanel meeting it runs moves to in progress or held, through the same
 * commands as the chair's buttons, as RiskPanel itself (audited as 'system'). Repeats change nothing (the meeting is
 * already there, or a racing instance got there first); an unlinked Teams meeting, or a panel not ready to start (its
 * agenda unpublished or empty), is left alone and logged. Teams expects no answer to an event.
 */
export async function handleMeetingEvent(activity: EventActivity, deps: MeetingEventDeps): Promise<MeetingEventOutcome | undefined> {
  const kind = activity.name === MEETING_START_EVENT ? 'start' : activity.name === MEETING_END_EVENT ? 'end' : undefined;
  if (!kind) return undefined;
  const ctx = deps.systemContext(`teams:${kind}:${activity.id ?? activity.conversation?.id ?? 'event'}`);
  const names = teamsMeetingNamesOf(activity);
  const outcome = await (async (): Promise<{ outcome: MeetingEventOutcome; meetingId?: string; error?: string }> => {
    if (!names.length) return { outcome: 'notLinked' };
    const match = await runQuery(queries.findTeamsMeeting, ctx, { names, purpose: kind });
    if (!match) return { outcome: 'notLinked' };
    const meetingId = match.id;
    if (kind === 'start' && match.status === 'in_progress') return { outcome: 'alreadyRunning', meetingId };
    if (kind === 'start' && match.status !== 'agenda_published') return { outcome: 'notReady', meetingId };
    try {
      await execute(kind === 'start' ? commands.startMeeting : commands.endMeeting, ctx, { meetingId, expectedVersion: match.version });
      return { outcome: kind === 'start' ? 'started' : 'ended', meetingId };
    } catch (err) {
      // A stale version (another instance handled the repeat) or an empty agenda: nothing changed.
      if (err instanceof AppError && err.status < 500) return { outcome: 'refused', meetingId, error: err.name };
      throw err;
    }
  })();
  log.info({ event: 'bot.meetingEvent', teamsEvent: kind, ...outcome }, 'bot: Teams meeting event');
  return outcome.outcome;
}
