import type { AttendanceStatus, Role } from './enums';
import type { Meeting } from './records';
import { londonDate } from './time';

/**
 * Whether opening a meeting's side panel now counts as arriving: while it runs, or on its day once the papers are
 * out (people open the panel before the chair starts). Opening it a week early, or after it was held, records nothing.
 */
export function opensAsArrival(meeting: Pick<Meeting, 'status' | 'startsAt'>, now: Date): boolean {
  if (meeting.status === 'in_progress') return true;
  return meeting.status === 'agenda_published' && londonDate(new Date(meeting.startsAt)) === londonDate(now);
}

/** How an arrival is first recorded: panel members as present; the board's viewers observe. The chair corrects it. */
export const arrivalStatus = (roles: readonly Role[]): AttendanceStatus =>
  roles.some((r) => r === 'coordinator' || r === 'chair' || r === 'partner') ? 'present' : 'observer';
