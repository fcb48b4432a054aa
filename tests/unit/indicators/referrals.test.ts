import { referralsIndicator } from '../../../src/domain/indicators/referrals';
import { makeCase } from '../../support/records';
import { AGENCIES, scopeOf } from './support';

const cases = [
  makeCase({ receivedAt: '2026-01-05T10:00:00.000Z', referrerAgencyId: 'ag-council' }),
  makeCase({ receivedAt: '2026-01-20T10:00:00.000Z', referrerAgencyId: 'ag-police' }),
  makeCase({ receivedAt: '2026-03-02T10:00:00.000Z', referrerAgencyId: 'ag-police' }),
  makeCase({ receivedAt: '2026-03-31T23:30:00.000Z', referrerAgencyId: 'ag-health' }), // 1 April in London (BST)
  makeCase({ receivedAt: '2025-12-31T23:59:00.000Z', referrerAgencyId: 'ag-health' }), // before the quarter
  makeCase({ status: 'draft', receivedAt: undefined, createdAt: '2026-02-01T10:00:00.000Z', referrerAgencyId: 'ag-police' }),
];

describe('indicator: referrals by agency and month', () => {
  it('counts the referrals received in the quarter by month (zeros kept) and agency, and the share from outside the council', () => {
    expect(referralsIndicator(cases, AGENCIES, scopeOf('2026-Q1'))).toEqual({
      total: 3,
      fromOutsideCouncil: 2,
      shareFromOutsideCouncil: 0.667,
      byMonth: [{ month: '2026-01', count: 2 }, { month: '2026-02', count: 0 }, { month: '2026-03', count: 1 }],
      byAgency: [{ key: 'ag-police', count: 2 }, { key: 'ag-council', count: 1 }],
    });
  });

  it('one agency: only the referrals it made', () => {
    const r = referralsIndicator(cases, AGENCIES, scopeOf('2026-Q1', 'ag-council'));
    expect(r).toMatchObject({ total: 1, fromOutsideCouncil: 0, shareFromOutsideCouncil: 0, byAgency: [{ key: 'ag-council', count: 1 }] });
  });

  it('an empty period: zero everywhere, and no share rather than a division by zero', () => {
    expect(referralsIndicator(cases, AGENCIES, scopeOf('2025-06'))).toEqual({
      total: 0, fromOutsideCouncil: 0, shareFromOutsideCouncil: null, byMonth: [{ month: '2025-06', count: 0 }], byAgency: [],
    });
  });
});
