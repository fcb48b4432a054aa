import { RISK_CATEGORIES, type RiskCategory } from '../enums';
import type { CaseRecord, Decision } from '../records';
import { calendarDaysBetween, londonDay } from './londonDays';
import { instantInPeriod } from './period';
import { type Count, countEach, type IndicatorScope, median, share } from './scope';

export type ScreeningCaseFields = Pick<CaseRecord, 'id' | 'receivedAt' | 'referrerAgencyId' | 'riskCategories'>;
export type ScreeningDecisionFields = Pick<Decision, 'caseId' | 'outcome' | 'decidedAt'>;

export interface ScreeningIndicator {
  /** Screening decisions taken in the period. */
  accepted: number;
  declined: number;
  deferred: number;
  /** Accepted out of accepted and declined (a deferral is not yet an answer). */
  acceptanceRate: number | null;
  /**
   * Declines by the risk the referral named. The panel's reason for a decline is its rationale, free text that may
   * quote the adult, so the board sees what kind of referral was declined rather than the words.
   */
  declinesByRiskCategory: Count<RiskCategory>[];
  /** Days from receipt to the accept or decline, for referrals answered in the period. */
  daysToScreening: { count: number; median: number | null; mean: number | null; max: number | null };
}

/**
 * Acceptance rate, declines and days from referral to screening, over the screening decisions taken in the period.
 * One agency: decisions on the referrals it made.
 */
export function screeningIndicator(
  cases: readonly ScreeningCaseFields[], decisions: readonly ScreeningDecisionFields[], scope: IndicatorScope,
): ScreeningIndicator {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const screening = decisions
    .filter((d) => (d.outcome === 'accept' || d.outcome === 'decline' || d.outcome === 'defer') && instantInPeriod(d.decidedAt, scope.period))
    .filter((d) => {
      const c = byId.get(d.caseId);
      return c !== undefined && (!scope.agencyId || c.referrerAgencyId === scope.agencyId);
    });
  const answers = screening.filter((d) => d.outcome !== 'defer');
  const accepted = answers.filter((d) => d.outcome === 'accept').length;
  const declinedCases = answers.filter((d) => d.outcome === 'decline').map((d) => byId.get(d.caseId)!);
  const days = answers.flatMap((d) => {
    const received = byId.get(d.caseId)!.receivedAt;
    return received ? [calendarDaysBetween(londonDay(received), londonDay(d.decidedAt))] : [];
  });
  return {
    accepted,
    declined: declinedCases.length,
    deferred: screening.length - answers.length,
    acceptanceRate: share(accepted, answers.length),
    declinesByRiskCategory: countEach(RISK_CATEGORIES, declinedCases.flatMap((c) => c.riskCategories), (r) => r).filter((r) => r.count > 0),
    daysToScreening: {
      count: days.length,
      median: median(days),
      mean: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
      max: days.length ? Math.max(...days) : null,
    },
  };
}
