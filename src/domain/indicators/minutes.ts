import { hasLondonDayEnded, londonDate } from '../time';
import { addWorkingDays, MINUTES_STANDARD_WORKING_DAYS, minutesTimeliness } from '../workingDays';
import { type MeetingFields, meetingsHeldIn } from './meetings';
import { type IndicatorScope, share } from './scope';

export interface MinutesIndicator {
  /** Meetings held in the period. */
  held: number;
  /** Minutes issued within 3 working days of the meeting's end. */
  onTime: number;
  /** Issued, but later than that. */
  late: number;
  /** Not issued and the deadline has passed. */
  overdue: number;
  /** Not issued, still within the deadline. */
  pending: number;
  /** On time out of those issued or overdue. */
  onTimeShare: number | null;
  standardWorkingDays: number;
}

/**
 * Minutes issued within 3 working days (England and Wales bank holidays), counted from the meeting's end, or its
 * start when no end was recorded. Minutes are the panel's, so one agency sees the same figures.
 */
export function minutesIndicator(meetings: readonly MeetingFields[], scope: IndicatorScope): MinutesIndicator {
  const held = meetingsHeldIn(meetings, scope);
  const r = { held: held.length, onTime: 0, late: 0, overdue: 0, pending: 0 };
  for (const m of held) {
    const ended = new Date(m.endedAt ?? m.startsAt);
    if (m.minutesIssuedAt) {
      r[minutesTimeliness(ended, new Date(m.minutesIssuedAt)).met ? 'onTime' : 'late']++;
    } else {
      const dueBy = addWorkingDays(londonDate(ended), MINUTES_STANDARD_WORKING_DAYS);
      r[hasLondonDayEnded(dueBy, scope.now) ? 'overdue' : 'pending']++;
    }
  }
  return { ...r, onTimeShare: share(r.onTime, r.onTime + r.late + r.overdue), standardWorkingDays: MINUTES_STANDARD_WORKING_DAYS };
}
