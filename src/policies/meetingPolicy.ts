import type { Meeting } from '../domain/records';
import { type Actor, hasRole } from './actor';
import { allow, can } from './policy';

// Meeting dates and status are not personal data: every member sees the panels; coordinators and chairs run them.
allow('meeting', ['read'], (a) => hasRole(a, 'coordinator', 'chair', 'partner', 'viewer'));
// Panel members see the agenda they will discuss (references and initials); viewers (the board) its shape only.
allow('meeting', ['readAgenda'], (a) => hasRole(a, 'coordinator', 'chair', 'partner'));
// Anyone the panel sits for may be recorded as arriving; the chair corrects the line afterwards.
allow('meeting', ['join'], (a) => hasRole(a, 'coordinator', 'chair', 'partner', 'viewer'));
allow('meeting', ['manage'], (a) => hasRole(a, 'coordinator', 'chair'));

/**
 * The meeting's chair, or the deputy the coordinator named, as stored on the meeting: who drives a meeting is decided
 * from the record, never from a role or flag the client sends. A chair of another meeting is no one here.
 */
export const isMeetingChair = (a: Actor, m: Meeting | null): boolean =>
  m !== null && (a.member.id === m.chairId || (m.deputyChairId !== undefined && a.member.id === m.deputyChairId));

// Coordinators prepare the panel: schedule it, build and edit the agenda, publish the papers, issue the minutes.
allow('meeting', ['schedule', 'editAgenda', 'issueMinutes'], (a) => hasRole(a, 'coordinator'));
// Only this meeting's chair (or named deputy) drives it: start, move between items, record decisions, end.
allow('meeting', ['drive', 'approveMinutes'], (a, m) => isMeetingChair(a, m) && hasRole(a, 'chair', 'coordinator', 'partner'));
// Attendance and the draft minutes: the chair corrects them in the room, the coordinator after it.
allow('meeting', ['recordAttendance', 'editMinutes'], (a, m) => hasRole(a, 'coordinator') || (isMeetingChair(a, m) && hasRole(a, 'chair', 'partner')));

/** The caller's part in a meeting, as shown in the tab. */
export type MeetingRole = 'chair' | 'deputy' | 'coordinator' | 'member' | 'viewer';
export function meetingRoleOf(a: Actor, m: Meeting): MeetingRole {
  if (a.member.id === m.chairId) return 'chair';
  if (m.deputyChairId === a.member.id) return 'deputy';
  if (hasRole(a, 'coordinator')) return 'coordinator';
  return hasRole(a, 'chair', 'partner') ? 'member' : 'viewer';
}

/** What the caller may do with a meeting now: the policy and the meeting's state together (contract: meetingRunAbilities). */
export interface MeetingRunAbilities {
  editAgenda: boolean;
  publishAgenda: boolean;
  start: boolean;
  drive: boolean;
  recordDecision: boolean;
  recordAttendance: boolean;
  end: boolean;
  editMinutes: boolean;
  approveMinutes: boolean;
  issueMinutes: boolean;
}

export function presentMeetingRun(a: Actor, m: Meeting): MeetingRunAbilities {
  const drive = can(a, 'drive', 'meeting', m);
  const running = m.status === 'in_progress';
  const held = m.status === 'held';
  const approved = m.minutes?.approvedAt !== undefined;
  return {
    editAgenda: can(a, 'editAgenda', 'meeting', m) && m.status === 'planned',
    publishAgenda: can(a, 'editAgenda', 'meeting', m) && m.status === 'planned',
    start: drive && m.status === 'agenda_published',
    drive: drive && running,
    recordDecision: drive && running,
    recordAttendance: can(a, 'recordAttendance', 'meeting', m) && (running || m.status === 'agenda_published' || held),
    end: drive && running,
    editMinutes: can(a, 'editMinutes', 'meeting', m) && held,
    approveMinutes: can(a, 'approveMinutes', 'meeting', m) && held && !approved,
    issueMinutes: can(a, 'issueMinutes', 'meeting', m) && held && approved,
  };
}
