import { openCasesIndicator } from '../../../src/domain/indicators/openCases';
import { makeCase, makeOpenCase } from '../../support/records';
import { scopeOf } from './support';

const cases = [
  makeOpenCase({ acceptedAt: '2026-05-20T10:00:00.000Z', riskLevel: 'high' }), // 42 days at 30 June
  makeOpenCase({ acceptedAt: '2025-12-01T10:00:00.000Z', riskLevel: 'very_high', leadAgencyId: 'ag-health' }), // 211 days
  makeOpenCase({ acceptedAt: '2025-01-10T10:00:00.000Z', riskLevel: undefined }), // over a year
  // Closed during June: not open at its end.
  makeCase({ status: 'closed', acceptedAt: '2026-01-10T10:00:00.000Z', closedAt: '2026-06-15T10:00:00.000Z', leadAgencyId: 'ag-police' }),
  // Closed in July: still open on 30 June.
  makeCase({ status: 'closed', acceptedAt: '2026-03-10T10:00:00.000Z', closedAt: '2026-07-15T10:00:00.000Z', riskLevel: 'low', leadAgencyId: 'ag-police' }),
  // Accepted in July: not yet open on 30 June.
  makeOpenCase({ acceptedAt: '2026-07-02T10:00:00.000Z' }),
  // A referral: never accepted.
  makeCase({ status: 'submitted' }),
];

const levels = (r: ReturnType<typeof openCasesIndicator>) => Object.fromEntries(r.byRiskLevel.map((l) => [l.key, l.count]));
const ages = (r: ReturnType<typeof openCasesIndicator>) => Object.fromEntries(r.byAge.map((l) => [l.key, l.count]));

describe('indicator: open cases by risk level and age', () => {
  it('counts the cases open at the end of the period by risk level (not assessed kept) and time since acceptance', () => {
    const r = openCasesIndicator(cases, scopeOf('2026-06'));
    expect(r.asAt).toBe('2026-06-30');
    expect(r.total).toBe(4);
    expect(levels(r)).toEqual({ low: 1, medium: 0, high: 1, very_high: 1, not_assessed: 1 });
    expect(ages(r)).toEqual({ under_3_months: 1, '3_to_6_months': 1, '6_to_12_months': 1, over_12_months: 1 });
  });

  it('a period still running is counted as at today', () => {
    const r = openCasesIndicator(cases, scopeOf('2026', undefined, '2026-06-16T09:00:00.000Z'));
    expect(r.asAt).toBe('2026-06-16');
    expect(r.total).toBe(4);
  });

  it('one agency: the cases it leads', () => {
    const r = openCasesIndicator(cases, scopeOf('2026-06', 'ag-health'));
    expect(r.total).toBe(1);
    expect(levels(r).very_high).toBe(1);
  });

  it('before anything was accepted: nothing open', () => {
    const r = openCasesIndicator(cases, scopeOf('2024-01'));
    expect(r.total).toBe(0);
    expect(r.byRiskLevel.every((l) => l.count === 0)).toBe(true);
  });
});
