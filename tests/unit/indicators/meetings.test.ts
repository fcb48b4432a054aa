import { meetingsIndicator } from '../../../src/domain/indicators/meetings';
import { minutesIndicator } from '../../../src/domain/indicators/minutes';
import type { AttendanceStatus } from '../../../src/domain/enums';
import { makeMeeting } from '../../support/records';
import { scopeOf } from './support';

// Core: council, police, health; half (2) needed, and the chair.
const m1 = makeMeeting({ id: 'm1', status: 'minutes_issued', startsAt: '2026-03-05T10:00:00.000Z', endedAt: '2026-03-05T12:00:00.000Z', minutesIssuedAt: '2026-03-10T16:00:00.000Z' }); // Thu → Tue: 3 working days
const m2 = makeMeeting({ id: 'm2', status: 'held', startsAt: '2026-03-27T10:00:00.000Z', endedAt: '2026-03-27T12:00:00.000Z', minutesIssuedAt: '2026-04-02T09:00:00.000Z' }); // Fri → Thu: 4
const m3 = makeMeeting({ id: 'm3', status: 'held', startsAt: '2026-03-19T10:00:00.000Z' }); // no minutes
const planned = makeMeeting({ id: 'm4', status: 'planned', startsAt: '2026-03-30T10:00:00.000Z' });
const line = (meetingId: string, agencyId: string, status: AttendanceStatus, memberId?: string) => ({ meetingId, agencyId, status, ...(memberId ? { memberId } : {}) });
const attendance = [
  line('m1', 'ag-council', 'present', 'chair'), line('m1', 'ag-police', 'present'), line('m1', 'ag-health', 'apologies_info_sent'),
  line('m2', 'ag-council', 'present', 'chair'), line('m2', 'ag-police', 'absent'), line('m2', 'ag-health', 'apologies_no_info'),
  line('m3', 'ag-council', 'present', 'deputy'), line('m3', 'ag-police', 'present'), line('m3', 'ag-health', 'present'),
];
const agencyIds = ['ag-council', 'ag-police', 'ag-health'];

describe('indicator: meetings quorate and attendance by agency', () => {
  it('counts meetings held (not planned ones), the quorate ones under each meeting\'s rule, and each agency\'s attendance', () => {
    const r = meetingsIndicator([m1, m2, m3, planned], attendance, agencyIds, scopeOf('2026-03'));
    // m2: one core agency present; m3: the chair is not there.
    expect(r).toEqual({
      held: 3, quorate: 1, quorateShare: 0.333,
      attendance: [
        { agencyId: 'ag-council', present: 3, apologies: 0, absent: 0, share: 1 },
        { agencyId: 'ag-police', present: 2, apologies: 0, absent: 1, share: 0.667 },
        { agencyId: 'ag-health', present: 1, apologies: 2, absent: 0, share: 0.333 },
      ],
    });
  });

  it('one agency: its attendance only; an empty period: nothing held', () => {
    expect(meetingsIndicator([m1, m2, m3], attendance, agencyIds, scopeOf('2026-03', 'ag-police')).attendance).toEqual([
      { agencyId: 'ag-police', present: 2, apologies: 0, absent: 1, share: 0.667 },
    ]);
    expect(meetingsIndicator([m1, m2, m3], attendance, agencyIds, scopeOf('2026-05'))).toMatchObject({ held: 0, quorate: 0, quorateShare: null });
  });
});

describe('indicator: minutes within 3 working days', () => {
  it('on time, late, and not issued (overdue once the third working day has ended, pending before)', () => {
    expect(minutesIndicator([m1, m2, m3, planned], scopeOf('2026-03', undefined, '2026-04-20T09:00:00.000Z'))).toEqual({
      held: 3, onTime: 1, late: 1, overdue: 1, pending: 0, onTimeShare: 0.333, standardWorkingDays: 3,
    });
    // m3 (Thursday 19 March) has until the end of Tuesday 24 March: on the 24th its minutes are still pending.
    expect(minutesIndicator([m1, m3], scopeOf('2026-03', undefined, '2026-03-24T09:00:00.000Z'))).toMatchObject({ onTime: 1, overdue: 0, pending: 1 });
    expect(minutesIndicator([m1, m2, m3], scopeOf('2026-03', 'ag-police', '2026-04-20T09:00:00.000Z')).held).toBe(3);
  });

  it('an empty period', () => {
    expect(minutesIndicator([m1], scopeOf('2026-06'))).toMatchObject({ held: 0, onTimeShare: null });
  });
});
