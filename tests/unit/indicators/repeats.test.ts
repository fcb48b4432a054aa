import { repeatsIndicator, sameAdult } from '../../../src/domain/indicators/repeats';
import { makeCase } from '../../support/records';
import { scopeOf } from './support';

const ann = { name: 'Ann Invented', dateOfBirth: '1950-01-01' };
const cases = [
  makeCase({ id: 'first', receivedAt: '2025-05-10T10:00:00.000Z', adult: { ...ann, nhsNumber: '999 000 0018' } }),
  // Same NHS number, 11 months later: a repeat.
  makeCase({ id: 'again', receivedAt: '2026-04-01T10:00:00.000Z', referrerAgencyId: 'ag-health', adult: { name: 'Ann Invented-Smith', nhsNumber: '9990000018' } }),
  // Same name and date of birth (no NHS number): a repeat of the one above.
  makeCase({ id: 'name', receivedAt: '2026-04-15T10:00:00.000Z', adult: { name: '  ann   invented ', dateOfBirth: '1950-01-01' } }),
  // Same name, a different date of birth: a different person.
  makeCase({ id: 'other', receivedAt: '2026-04-20T10:00:00.000Z', adult: { name: 'Ann Invented', dateOfBirth: '1961-07-07' } }),
  // Marked a repeat at intake.
  makeCase({ id: 'marked', receivedAt: '2026-05-02T10:00:00.000Z', adult: { name: 'Bo Invented' }, repeatOfCaseId: 'older' }),
  // Same NHS number as "first" but more than 12 months after it, and after nothing else: not a repeat.
  makeCase({ id: 'late', receivedAt: '2026-05-20T10:00:00.000Z', adult: { name: 'Cy Invented', nhsNumber: '9990000026' } }),
  makeCase({ id: 'late0', receivedAt: '2025-05-19T10:00:00.000Z', adult: { name: 'Cy Invented', nhsNumber: '9990000026' } }),
];

describe('indicator: repeat referrals within 12 months', () => {
  it('matches on NHS number, or name and date of birth, never on the name alone; a year and a day is not a repeat', () => {
    expect(repeatsIndicator(cases, scopeOf('2026-Q2'))).toEqual({ referrals: 5, repeats: 3, share: 0.6 });
  });

  it('one agency: its own referrals (the earlier one may be anyone\'s)', () => {
    expect(repeatsIndicator(cases, scopeOf('2026-Q2', 'ag-health'))).toEqual({ referrals: 1, repeats: 1, share: 1 });
  });

  it('an empty period', () => {
    expect(repeatsIndicator(cases, scopeOf('2026-01'))).toEqual({ referrals: 0, repeats: 0, share: null });
  });

  it('two NHS numbers that differ are different adults even with the same name and birth date', () => {
    expect(sameAdult({ ...ann, nhsNumber: '9990000018' }, { ...ann, nhsNumber: '9990000026' })).toBe(false);
    expect(sameAdult({ name: 'Ann Invented' }, { name: 'Ann Invented' })).toBe(false);
  });
});
