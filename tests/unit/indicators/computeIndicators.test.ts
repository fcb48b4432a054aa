import { computeIndicators, INDICATOR_FAMILIES } from '../../../src/domain/indicators';
import { makeAction, makeCase, makeMeeting } from '../../support/records';
import { AGENCIES, scopeOf } from './support';

describe('all indicators together', () => {
  it('computes every family for the scope, and nothing for an empty store', () => {
    const empty = computeIndicators({ agencies: AGENCIES, cases: [], decisions: [], actions: [], meetings: [], attendance: [] }, scopeOf('2026-Q1'));
    for (const family of INDICATOR_FAMILIES) expect(empty[family]).toBeDefined();
    expect(empty.period.from).toBe('2026-01-01');
    expect(empty.referrals.total).toBe(0);
    expect(empty.meetings.attendance.map((a) => a.agencyId)).toEqual(['ag-council', 'ag-police', 'ag-health']);
  });

  it('hands each family the same records: a referral, an action and a meeting of the quarter all count', () => {
    const r = computeIndicators({
      agencies: AGENCIES,
      cases: [makeCase({ receivedAt: '2026-02-01T10:00:00.000Z' })],
      decisions: [],
      actions: [makeAction({ dueDate: '2026-02-10', status: 'completed', completedAt: '2026-02-09T10:00:00.000Z' })],
      meetings: [makeMeeting({ status: 'held', startsAt: '2026-02-05T10:00:00.000Z' })],
      attendance: [],
    }, scopeOf('2026-Q1', 'ag-police'));
    expect(r.agencyId).toBe('ag-police');
    expect([r.referrals.total, r.voice.referrals, r.capacity.referrals, r.actions.total.completedOnTime, r.meetings.held]).toEqual([1, 1, 1, 1, 1]);
  });
});
