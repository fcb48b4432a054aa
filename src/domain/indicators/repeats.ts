import type { CaseRecord } from '../records';
import { londonDate } from '../time';
import { monthsBefore } from './period';
import { referralsInScope } from './referrals';
import { type IndicatorScope, share } from './scope';

export type RepeatCaseFields = Pick<CaseRecord, 'id' | 'receivedAt' | 'referrerAgencyId' | 'adult' | 'repeatOfCaseId'>;

export interface RepeatsIndicator {
  referrals: number;
  /** Referrals for an adult already referred in the 12 months before. */
  repeats: number;
  share: number | null;
}

const normalName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const nhs = (n?: string) => n?.replace(/\s/g, '') || undefined;

/** The same adult: the same NHS number, or (without one on both) the same name and date of birth. */
export function sameAdult(a: RepeatCaseFields['adult'], b: RepeatCaseFields['adult']): boolean {
  const an = nhs(a.nhsNumber);
  const bn = nhs(b.nhsNumber);
  if (an && bn) return an === bn;
  return !!a.dateOfBirth && a.dateOfBirth === b.dateOfBirth && normalName(a.name) === normalName(b.name);
}

/**
 * Repeat referrals within 12 months: a referral received in the period for an adult with another referral received
 * in the 12 months before it (or that intake already marked as a repeat). `cases` must reach back 12 months before
 * the period. One agency: the referrals it made (the earlier one may be anyone's).
 */
export function repeatsIndicator(cases: readonly RepeatCaseFields[], scope: IndicatorScope): RepeatsIndicator {
  const received = cases.filter((c) => c.receivedAt);
  const referrals = referralsInScope(received, scope);
  // Candidates by NHS number and by name and date of birth, so each referral looks up its few, not every case.
  const dateOf = new Map(received.map((c) => [c.id, londonDate(new Date(c.receivedAt!))]));
  const keysOf = (c: RepeatCaseFields) => [
    nhs(c.adult.nhsNumber) ? `nhs:${nhs(c.adult.nhsNumber)}` : undefined,
    c.adult.dateOfBirth ? `dob:${c.adult.dateOfBirth}:${normalName(c.adult.name)}` : undefined,
  ].filter((k): k is string => k !== undefined);
  const byKey = new Map<string, RepeatCaseFields[]>();
  for (const c of received) for (const k of keysOf(c)) byKey.set(k, [...(byKey.get(k) ?? []), c]);
  const repeats = referrals.filter((c) => {
    if (c.repeatOfCaseId) return true;
    const at = c.receivedAt!;
    const lookBack = monthsBefore(dateOf.get(c.id)!, 12);
    return keysOf(c).some((k) => byKey.get(k)!.some((earlier) =>
      earlier.id !== c.id && earlier.receivedAt! < at && dateOf.get(earlier.id)! >= lookBack && sameAdult(earlier.adult, c.adult)));
  }).length;
  return { referrals: referrals.length, repeats, share: share(repeats, referrals.length) };
}
