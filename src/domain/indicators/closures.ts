import { CLOSURE_REASONS, type ClosureReason, RISK_LEVELS, type RiskLevel } from '../enums';
import type { CaseRecord } from '../records';
import { instantInPeriod } from './period';
import { type Count, countEach, type IndicatorScope } from './scope';

export type ClosureCaseFields = Pick<CaseRecord, 'closedAt' | 'closureReason' | 'riskLevel' | 'riskLevelAtAcceptance' | 'leadAgencyId'>;

export interface ClosuresIndicator {
  closed: number;
  reasons: Count<ClosureReason>[];
  /** Cases by risk level at acceptance (rows) and at closure (columns); cases missing either level are left out. */
  riskAtAcceptanceVsClosure: { atAcceptance: RiskLevel; atClosure: Count<RiskLevel>[] }[];
  /** Lower at closure than at acceptance, the same, higher. */
  riskReduced: number;
  riskUnchanged: number;
  riskIncreased: number;
}

const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);

/** Cases closed in the period: why, and risk at acceptance against closure. One agency: the cases it led. */
export function closuresIndicator(cases: readonly ClosureCaseFields[], scope: IndicatorScope): ClosuresIndicator {
  const closed = cases.filter((c) => instantInPeriod(c.closedAt, scope.period) && (!scope.agencyId || c.leadAgencyId === scope.agencyId));
  const rated = closed.filter((c) => c.riskLevel && c.riskLevelAtAcceptance);
  const change = (c: ClosureCaseFields) => Math.sign(rank(c.riskLevel!) - rank(c.riskLevelAtAcceptance!));
  return {
    closed: closed.length,
    reasons: countEach(CLOSURE_REASONS, closed, (c) => c.closureReason),
    riskAtAcceptanceVsClosure: RISK_LEVELS.map((atAcceptance) => ({
      atAcceptance,
      atClosure: countEach(RISK_LEVELS, rated.filter((c) => c.riskLevelAtAcceptance === atAcceptance), (c) => c.riskLevel),
    })),
    riskReduced: rated.filter((c) => change(c) < 0).length,
    riskUnchanged: rated.filter((c) => change(c) === 0).length,
    riskIncreased: rated.filter((c) => change(c) > 0).length,
  };
}
