import type { Agency, CaseRecord } from '../records';
import { type Count, countBy, type IndicatorScope, share } from './scope';
import { instantInPeriod, londonMonth } from './period';

export type ReferralFields = Pick<CaseRecord, 'id' | 'receivedAt' | 'referrerAgencyId'>;

export interface ReferralsIndicator {
  total: number;
  /** Referred by an agency that is not the council (its kind is not 'council'). */
  fromOutsideCouncil: number;
  shareFromOutsideCouncil: number | null;
  /** Every month of the period, zeros included. */
  byMonth: { month: string; count: number }[];
  /** By referring agency, most first. */
  byAgency: Count[];
}

/** A referral counts in the month it was received (submitted); drafts were never received. */
export const referralsInScope = <T extends Pick<CaseRecord, 'receivedAt' | 'referrerAgencyId'>>(cases: readonly T[], scope: IndicatorScope): T[] =>
  cases.filter((c) => instantInPeriod(c.receivedAt, scope.period) && (!scope.agencyId || c.referrerAgencyId === scope.agencyId));

/** Referrals by agency and month, and the share from outside the council. One agency: the referrals it made. */
export function referralsIndicator(cases: readonly ReferralFields[], agencies: readonly Pick<Agency, 'id' | 'kind'>[], scope: IndicatorScope): ReferralsIndicator {
  const referrals = referralsInScope(cases, scope);
  const kindOf = new Map(agencies.map((a) => [a.id, a.kind]));
  const fromOutsideCouncil = referrals.filter((c) => kindOf.get(c.referrerAgencyId) !== 'council').length;
  const perMonth = countBy(referrals, (c) => londonMonth(c.receivedAt!));
  return {
    total: referrals.length,
    fromOutsideCouncil,
    shareFromOutsideCouncil: share(fromOutsideCouncil, referrals.length),
    byMonth: scope.period.months.map((month) => ({ month, count: perMonth.find((m) => m.key === month)?.count ?? 0 })),
    byAgency: countBy(referrals, (c) => c.referrerAgencyId),
  };
}
