import { RISK_LEVELS, type RiskLevel } from '../enums';
import type { CaseRecord } from '../records';
import { londonDate } from '../time';
import { calendarDaysBetween, londonDay } from './londonDays';
import { periodInstants } from './period';
import { type Count, countEach, type IndicatorScope } from './scope';
import { CASE_AGE_BANDS, type CaseAgeBand } from './vocabulary';

export type OpenCaseFields = Pick<CaseRecord, 'acceptedAt' | 'closedAt' | 'riskLevel' | 'leadAgencyId'>;


export interface OpenCasesIndicator {
  /** The London date the count is taken on: the period's last day, or today while the period is still running. */
  asAt: string;
  total: number;
  /** By current risk level; 'not_assessed' for a case without one yet. */
  byRiskLevel: Count<RiskLevel | 'not_assessed'>[];
  /** By time since acceptance. */
  byAge: Count<CaseAgeBand>[];
}

const band = (days: number): CaseAgeBand =>
  days < 91 ? 'under_3_months' : days < 183 ? '3_to_6_months' : days < 365 ? '6_to_12_months' : 'over_12_months';

/**
 * Cases open at the end of the period (accepted by then and not yet closed), by risk level and age. One agency: the
 * cases it leads. The risk level is the case's current one: the store keeps no history of it outside the assessments.
 */
export function openCasesIndicator(cases: readonly OpenCaseFields[], scope: IndicatorScope): OpenCasesIndicator {
  const end = periodInstants(scope.period).endExclusive;
  const asAtInstant = scope.now.toISOString() < end ? scope.now.toISOString() : end;
  const asAt = scope.now.toISOString() < end ? londonDate(scope.now) : scope.period.to;
  const open = cases.filter((c) =>
    c.acceptedAt !== undefined && c.acceptedAt < asAtInstant && (c.closedAt === undefined || c.closedAt >= asAtInstant)
    && (!scope.agencyId || c.leadAgencyId === scope.agencyId));
  return {
    asAt,
    total: open.length,
    byRiskLevel: countEach([...RISK_LEVELS, 'not_assessed'] as const, open, (c) => c.riskLevel ?? 'not_assessed'),
    byAge: countEach(CASE_AGE_BANDS, open, (c) => band(calendarDaysBetween(londonDay(c.acceptedAt!), asAt))),
  };
}
