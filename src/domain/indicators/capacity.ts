import { CAPACITY_STATES, type CapacityState } from '../enums';
import type { CaseRecord } from '../records';
import { referralsInScope } from './referrals';
import { type Count, countEach, type IndicatorScope, share } from './scope';

export type CapacityCaseFields = Pick<CaseRecord, 'receivedAt' | 'referrerAgencyId' | 'capacity'>;

export interface CapacityIndicator {
  referrals: number;
  byState: Count<CapacityState>[];
  /** Capacity assessed (has capacity, or lacks it and a best-interests route), rather than only presumed. */
  assessed: number;
  assessedShare: number | null;
}

/** Capacity considered on referrals received in the period. One agency: the referrals it made. */
export function capacityIndicator(cases: readonly CapacityCaseFields[], scope: IndicatorScope): CapacityIndicator {
  const referrals = referralsInScope(cases, scope);
  const assessed = referrals.filter((c) => c.capacity !== 'presumed').length;
  return {
    referrals: referrals.length,
    byState: countEach(CAPACITY_STATES, referrals, (c) => c.capacity),
    assessed,
    assessedShare: share(assessed, referrals.length),
  };
}
