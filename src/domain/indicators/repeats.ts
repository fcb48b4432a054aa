import type { CaseRecord } from '../records';
import { adultKeys, earlierReferral, repeatLookBackDate, sameAdult } from '../repeatReferral';
import { londonDay } from './londonDays';
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
  // Candidates by NHS number and by name and date of birth, oldest first, so each referral looks back from its own
  // place in its few lists (a binary search), not through every case.
  const byKey = new Map<string, RepeatCaseFields[]>();
  for (const c of received) {
    for (const k of adultKeys(c.adult)) {
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.receivedAt! < b.receivedAt! ? -1 : a.receivedAt! > b.receivedAt! ? 1 : 0));
  const isRepeat = (c: RepeatCaseFields): boolean => adultKeys(c.adult).some((k) => {
    const list = byKey.get(k)!;
    const from = repeatLookBackDate(c.receivedAt!);
    // Walk back from the last referral received before this one, while still inside its 12 months.
    for (let i = firstNotBefore(list, c.receivedAt!) - 1; i >= 0 && londonDay(list[i]!.receivedAt!) >= from; i--) {
      if (earlierReferral(c, [list[i]!])) return true;
    }
    return false;
  });
  const repeats = referrals.filter((c) => c.repeatOfCaseId || isRepeat(c)).length;
  return { referrals: referrals.length, repeats, share: share(repeats, referrals.length) };
}

/** The index of the first referral in `sorted` (oldest first) received at or after `at`. */
function firstNotBefore(sorted: readonly RepeatCaseFields[], at: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.receivedAt! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
