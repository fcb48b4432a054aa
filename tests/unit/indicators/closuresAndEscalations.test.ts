import { closuresIndicator } from '../../../src/domain/indicators/closures';
import { escalationsIndicator } from '../../../src/domain/indicators/escalations';
import { makeCase, makeDecision, makeOpenCase } from '../../support/records';
import { scopeOf } from './support';

const closed = (over: Parameters<typeof makeCase>[0]) => makeCase({ status: 'closed', acceptedAt: '2026-01-10T10:00:00.000Z', leadAgencyId: 'ag-police', ...over });
const cases = [
  closed({ id: 'c1', closedAt: '2026-02-03T10:00:00.000Z', closureReason: 'risk_reduced', riskLevelAtAcceptance: 'very_high', riskLevel: 'medium' }),
  closed({ id: 'c2', closedAt: '2026-02-10T10:00:00.000Z', closureReason: 'risk_reduced', riskLevelAtAcceptance: 'high', riskLevel: 'low' }),
  closed({ id: 'c3', closedAt: '2026-02-11T10:00:00.000Z', closureReason: 'moved_to_s42', riskLevelAtAcceptance: 'high', riskLevel: 'high', leadAgencyId: 'ag-health' }),
  closed({ id: 'c4', closedAt: '2026-02-12T10:00:00.000Z', closureReason: 'moved_area', riskLevelAtAcceptance: 'low', riskLevel: 'medium' }),
  closed({ id: 'c5', closedAt: '2026-02-13T10:00:00.000Z', closureReason: 'died' }), // no levels: counted as closed, not in the matrix
  closed({ id: 'c6', closedAt: '2026-03-01T10:00:00.000Z', closureReason: 'moved_to_marac' }), // March
  makeOpenCase({ id: 'o1', leadAgencyId: 'ag-health' }),
  makeCase({ id: 'r1', status: 'submitted', referrerAgencyId: 'ag-health' }),
];

describe('indicator: risk at acceptance against closure, and closure reasons', () => {
  it('counts closures in the period by reason, and the risk matrix with reduced/unchanged/increased', () => {
    const r = closuresIndicator(cases, scopeOf('2026-02'));
    expect(r.closed).toBe(5);
    expect(Object.fromEntries(r.reasons.map((x) => [x.key, x.count]))).toEqual({
      risk_reduced: 2, managed_by_single_agency: 0, moved_to_s42: 1, moved_to_marac: 0, moved_to_mappa: 0, moved_area: 1, died: 1,
    });
    const cell = (from: string, to: string) => r.riskAtAcceptanceVsClosure.find((row) => row.atAcceptance === from)!.atClosure.find((c) => c.key === to)!.count;
    expect([cell('very_high', 'medium'), cell('high', 'low'), cell('high', 'high'), cell('low', 'medium'), cell('low', 'low')]).toEqual([1, 1, 1, 1, 0]);
    expect([r.riskReduced, r.riskUnchanged, r.riskIncreased]).toEqual([2, 1, 1]);
  });
  it('one agency (the cases it led), and an empty period', () => {
    expect(closuresIndicator(cases, scopeOf('2026-02', 'ag-health'))).toMatchObject({ closed: 1, riskUnchanged: 1, riskReduced: 0 });
    expect(closuresIndicator(cases, scopeOf('2026-06'))).toMatchObject({ closed: 0, riskReduced: 0, riskUnchanged: 0, riskIncreased: 0 });
  });
});

describe('indicator: escalations to s42, MARAC, MAPPA and learning reviews', () => {
  const decisions = [
    makeDecision({ caseId: 'o1', outcome: 'escalate_s42', decidedAt: '2026-02-04T10:00:00.000Z' }),
    makeDecision({ caseId: 'o1', outcome: 'refer_learning_review', decidedAt: '2026-02-05T10:00:00.000Z' }),
    makeDecision({ caseId: 'c1', outcome: 'refer_marac', decidedAt: '2026-02-01T10:00:00.000Z' }),
    makeDecision({ caseId: 'r1', outcome: 'refer_mappa', decidedAt: '2026-02-06T10:00:00.000Z' }), // no lead: its referrer's
    makeDecision({ caseId: 'c2', outcome: 'continue', decidedAt: '2026-02-06T10:00:00.000Z' }), // not an escalation
    makeDecision({ caseId: 'c1', outcome: 'escalate_s42', decidedAt: '2026-01-06T10:00:00.000Z' }), // January
  ];
  const byRoute = (r: ReturnType<typeof escalationsIndicator>) => Object.fromEntries(r.byRoute.map((x) => [x.route, [x.decisions, x.closures]]));

  it('counts escalation decisions and closures into each process in the period', () => {
    const r = escalationsIndicator(cases, decisions, scopeOf('2026-02'));
    expect(byRoute(r)).toEqual({ s42: [1, 1], marac: [1, 0], mappa: [1, 0], learning_review: [1, 0] });
    expect(r.totalDecisions).toBe(4);
  });
  it('one agency (lead, or referrer before a lead), and an empty period', () => {
    expect(byRoute(escalationsIndicator(cases, decisions, scopeOf('2026-02', 'ag-health')))).toEqual({ s42: [1, 1], marac: [0, 0], mappa: [1, 0], learning_review: [1, 0] });
    expect(escalationsIndicator(cases, decisions, scopeOf('2026-05')).totalDecisions).toBe(0);
  });
});
