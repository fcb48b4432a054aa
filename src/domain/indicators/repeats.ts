import type { CaseRecord } from '../records';
import { adultKeys, earlierReferral, sameAdult } from '../repeatReferral';
import { referralsInScope } from './referrals';
import { type IndicatorScope, share } from './scope';

export type RepeatCaseFields = Pick<CaseRecord, 'id' | 'receivedAt' | 'referrerAgencyId' | 'adult' | 'repeatOfCaseId'>;

export interface RepeatsIndicator {
  referrals: number;
  /** Referrals for an adult already referred in the 12 months before. */
  repeats: number;
  share: number | null;
}

export { sameAdult };

/**
 * Repeat referrals within 12 months: a referral received in the period for an adult with another referral received
 * in the 12 months before it (or that intake already marked as a repeat), by the rule the screening queue flags with
 * (src/domain/repeatReferral.ts). `cases` must reach back 12 months before the period. One agency: the referrals it
 * made (the earlier one may be anyone's).
 */
export function repeatsIndicator(cases: readonly RepeatCaseFields[], scope: IndicatorScope): RepeatsIndicator {
  const received = cases.filter((c) => c.receivedAt);
  const referrals = referralsInScope(received, scope);
  // Candidates by NHS number and by name and date of birth, so each referral looks at its few, not every case.
  const byKey = new Map<string, RepeatCaseFields[]>();
  for (const c of received) {
    for (const k of adultKeys(c.adult)) {
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
  }
  const repeats = referrals.filter((c) => {
    if (c.repeatOfCaseId) return true;
    const candidates = adultKeys(c.adult).flatMap((k) => byKey.get(k) ?? []);
    return candidates.length > 1 && earlierReferral(c, candidates) !== undefined;
  }).length;
  return { referrals: referrals.length, repeats, share: share(repeats, referrals.length) };
}
