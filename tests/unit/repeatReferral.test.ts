import { adultKeys, earlierReferral, normalName, sameAdult } from '../../src/domain/repeatReferral';

const ann = { name: 'Ann Invented', dateOfBirth: '1950-01-01' };
const referral = (id: string, receivedAt: string, adult: { name: string; dateOfBirth?: string; nhsNumber?: string }) => ({ id, receivedAt, adult });
const now = referral('now', '2026-06-10T09:00:00.000Z', { ...ann, nhsNumber: '943 476 5919' });

describe('repeat referrals: the same adult within 12 months', () => {
  it('matches the same NHS number, whatever the spacing and even under another spelling of the name', () => {
    const earlier = referral('nhs', '2026-01-05T10:00:00.000Z', { name: 'Anne Invented-Smith', nhsNumber: '9434765919' });
    expect(earlierReferral(now, [earlier])?.id).toBe('nhs');
  });

  it('matches the same normalised name and date of birth when a referral has no NHS number', () => {
    const earlier = referral('name', '2025-09-01T10:00:00.000Z', { name: '  ANN   invented ', dateOfBirth: '1950-01-01' });
    expect(earlierReferral(now, [earlier])?.id).toBe('name');
    expect(normalName("Zoë  O'Invented-Smith")).toBe('zoe o invented smith');
  });

  it('never matches on the name alone: the same name with another date of birth, or with no date of birth, is someone else', () => {
    const otherDob = referral('dob', '2026-03-01T10:00:00.000Z', { name: 'Ann Invented', dateOfBirth: '1961-07-07' });
    const noDob = referral('nodob', '2026-03-02T10:00:00.000Z', { name: 'Ann Invented' });
    expect(earlierReferral(now, [otherDob, noDob])).toBeUndefined();
    expect(sameAdult({ name: 'Ann Invented' }, { name: 'Ann Invented' })).toBe(false);
  });

  it('two different NHS numbers are two adults even with the same name and date of birth', () => {
    const twin = referral('twin', '2026-03-01T10:00:00.000Z', { ...ann, nhsNumber: '9990000018' });
    expect(earlierReferral(now, [twin])).toBeUndefined();
  });

  it('looks back 12 calendar months in London: 10 June 2025 counts, 9 June 2025 does not; later referrals never do', () => {
    const edge = referral('edge', '2025-06-09T23:30:00.000Z', { ...ann, nhsNumber: '9434765919' }); // 10 June 00:30 in London
    const tooOld = referral('old', '2025-06-08T22:30:00.000Z', { ...ann, nhsNumber: '9434765919' }); // 8 June 23:30 in London
    const later = referral('later', '2026-06-11T10:00:00.000Z', { ...ann, nhsNumber: '9434765919' });
    expect(earlierReferral(now, [tooOld, later, now])).toBeUndefined();
    expect(earlierReferral(now, [tooOld, edge, later])?.id).toBe('edge');
  });

  it('picks the most recent earlier referral', () => {
    const a = referral('a', '2025-08-01T10:00:00.000Z', ann);
    const b = referral('b', '2026-02-01T10:00:00.000Z', ann);
    expect(earlierReferral(now, [b, a])?.id).toBe('b');
  });

  it('indexes an adult under the NHS number and under the name with the date of birth', () => {
    expect(adultKeys({ name: 'Ann  Invented', dateOfBirth: '1950-01-01', nhsNumber: '943 476 5919' })).toEqual(['nhs:9434765919', 'dob:1950-01-01:ann invented']);
    expect(adultKeys({ name: 'Ann Invented' })).toEqual([]);
  });
});
