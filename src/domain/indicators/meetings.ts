import type { MeetingStatus } from '../enums';
import { assessQuorum } from '../quorum';
import type { Attendance, Meeting } from '../records';
import { instantInPeriod } from './period';
import { type IndicatorScope, share } from './scope';

export type MeetingFields = Pick<Meeting, 'id' | 'startsAt' | 'status' | 'chairId' | 'quorum' | 'endedAt' | 'minutesIssuedAt'>;
export type AttendanceFields = Pick<Attendance, 'meetingId' | 'agencyId' | 'status'> & { memberId?: string };

/** A meeting that has started: the ones that had a quorum or not, and minutes to write. */
export const HELD_MEETING_STATUSES: readonly MeetingStatus[] = ['in_progress', 'held', 'minutes_issued'];

export const meetingsHeldIn = <T extends MeetingFields>(meetings: readonly T[], scope: IndicatorScope): T[] =>
  meetings.filter((m) => HELD_MEETING_STATUSES.includes(m.status) && instantInPeriod(m.startsAt, scope.period));

export interface AgencyAttendance {
  agencyId: string;
  /** Meetings at which someone from the agency was present. */
  present: number;
  /** Meetings the agency sent apologies to (with or without information) and nobody came. */
  apologies: number;
  /** Meetings with nobody from the agency and no apologies. */
  absent: number;
  /** Present out of meetings held. */
  share: number | null;
}

export interface MeetingsIndicator {
  held: number;
  quorate: number;
  quorateShare: number | null;
  /** By agency (every agency given, in the order given). One agency: that agency only. */
  attendance: AgencyAttendance[];
}

/**
 * Panel meetings held in the period, how many were quorate (the meeting's own rule, chaired by its chair), and
 * attendance by agency. One agency: its attendance; the quorum counts stay the panel's.
 */
export function meetingsIndicator(
  meetings: readonly MeetingFields[], attendance: readonly AttendanceFields[], agencyIds: readonly string[], scope: IndicatorScope,
): MeetingsIndicator {
  const held = meetingsHeldIn(meetings, scope);
  const linesOf = (meetingId: string) => attendance.filter((a) => a.meetingId === meetingId);
  const quorate = held.filter((m) => assessQuorum(m.quorum, linesOf(m.id), [m.chairId]).quorate).length;
  const agencies = scope.agencyId ? agencyIds.filter((id) => id === scope.agencyId) : agencyIds;
  return {
    held: held.length,
    quorate,
    quorateShare: share(quorate, held.length),
    attendance: agencies.map((agencyId) => {
      let present = 0;
      let apologies = 0;
      for (const m of held) {
        const lines = linesOf(m.id).filter((a) => a.agencyId === agencyId);
        if (lines.some((a) => a.status === 'present')) present++;
        else if (lines.some((a) => a.status === 'apologies_info_sent' || a.status === 'apologies_no_info')) apologies++;
      }
      return { agencyId, present, apologies, absent: held.length - present - apologies, share: share(present, held.length) };
    }),
  };
}
