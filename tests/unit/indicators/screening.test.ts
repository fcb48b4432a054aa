import { screeningIndicator } from '../../../src/domain/indicators/screening';
import { makeCase, makeDecision } from '../../support/records';
import { scopeOf } from './support';

const a = makeCase({ id: 'a', receivedAt: '2026-03-01T10:00:00.000Z', referrerAgencyId: 'ag-police' });
const b = makeCase({ id: 'b', receivedAt: '2026-03-01T10:00:00.000Z', referrerAgencyId: 'ag-health', riskCategories: ['hoarding', 'fire_risk'] });
const c = makeCase({ id: 'c', receivedAt: '2026-02-20T10:00:00.000Z', referrerAgencyId: 'ag-police', riskCategories: ['hoarding'] });
const d = makeCase({ id: 'd', receivedAt: '2026-03-10T10:00:00.000Z', referrerAgencyId: 'ag-police' });
const decisions = [
  makeDecision({ caseId: 'a', outcome: 'accept', decidedAt: '2026-03-11T14:00:00.000Z' }), // 10 days
  makeDecision({ caseId: 'b', outcome: 'decline', decidedAt: '2026-03-21T14:00:00.000Z' }), // 20 days
  makeDecision({ caseId: 'c', outcome: 'decline', decidedAt: '2026-03-22T14:00:00.000Z' }), // 30 days
  makeDecision({ caseId: 'd', outcome: 'defer', decidedAt: '2026-03-25T14:00:00.000Z' }),
  makeDecision({ caseId: 'a', outcome: 'refer_marac', decidedAt: '2026-03-25T14:00:00.000Z' }), // not screening
  makeDecision({ caseId: 'd', outcome: 'accept', decidedAt: '2026-04-02T14:00:00.000Z' }), // next month
];

describe('indicator: acceptance rate, declines and days to screening', () => {
  it('counts the screening decisions taken in the month, declines by risk named, and days from receipt to the answer', () => {
    expect(screeningIndicator([a, b, c, d], decisions, scopeOf('2026-03'))).toEqual({
      accepted: 1,
      declined: 2,
      deferred: 1,
      acceptanceRate: 0.333,
      declinesByRiskCategory: [{ key: 'hoarding', count: 2 }, { key: 'fire_risk', count: 1 }],
      daysToScreening: { count: 3, median: 20, mean: 20, max: 30 },
    });
  });

  it('one agency: decisions on the referrals it made', () => {
    expect(screeningIndicator([a, b, c, d], decisions, scopeOf('2026-03', 'ag-police'))).toMatchObject({
      accepted: 1, declined: 1, deferred: 1, acceptanceRate: 0.5, daysToScreening: { count: 2, median: 20, mean: 20, max: 30 },
    });
  });

  it('an empty period has no rate and no days', () => {
    expect(screeningIndicator([a, b, c, d], decisions, scopeOf('2026-01'))).toEqual({
      accepted: 0, declined: 0, deferred: 0, acceptanceRate: null, declinesByRiskCategory: [],
      daysToScreening: { count: 0, median: null, mean: null, max: null },
    });
  });
});
