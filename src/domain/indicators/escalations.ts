import type { ClosureReason, DecisionOutcome } from '../enums';
import type { CaseRecord, Decision } from '../records';
import { instantInPeriod } from './period';
import type { IndicatorScope } from './scope';
import { ESCALATION_ROUTES, type EscalationRoute } from './vocabulary';

export type EscalationCaseFields = Pick<CaseRecord, 'id' | 'leadAgencyId' | 'referrerAgencyId' | 'closedAt' | 'closureReason'>;
export type EscalationDecisionFields = Pick<Decision, 'caseId' | 'outcome' | 'decidedAt'>;


const DECISION_ROUTE: Partial<Record<DecisionOutcome, EscalationRoute>> = {
  escalate_s42: 's42', refer_marac: 'marac', refer_mappa: 'mappa', refer_learning_review: 'learning_review',
};
const CLOSURE_ROUTE: Partial<Record<ClosureReason, EscalationRoute>> = { moved_to_s42: 's42', moved_to_marac: 'marac', moved_to_mappa: 'mappa' };

export interface EscalationsIndicator {
  /** Per route: panel decisions to escalate or refer, and cases closed because they moved to that process. */
  byRoute: { route: EscalationRoute; decisions: number; closures: number }[];
  totalDecisions: number;
}

/**
 * Escalations to section 42 enquiries, MARAC, MAPPA and learning reviews decided in the period, and closures into
 * those processes. One agency: the cases it leads (or referred, while there is no lead yet).
 */
export function escalationsIndicator(
  cases: readonly EscalationCaseFields[], decisions: readonly EscalationDecisionFields[], scope: IndicatorScope,
): EscalationsIndicator {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const agencyOf = (c: EscalationCaseFields) => c.leadAgencyId ?? c.referrerAgencyId;
  const inScope = (c: EscalationCaseFields | undefined) => c !== undefined && (!scope.agencyId || agencyOf(c) === scope.agencyId);
  const escalations = decisions.filter((d) => DECISION_ROUTE[d.outcome] && instantInPeriod(d.decidedAt, scope.period) && inScope(byId.get(d.caseId)));
  const closures = cases.filter((c) => c.closureReason && CLOSURE_ROUTE[c.closureReason] && instantInPeriod(c.closedAt, scope.period) && inScope(c));
  return {
    byRoute: ESCALATION_ROUTES.map((route) => ({
      route,
      decisions: escalations.filter((d) => DECISION_ROUTE[d.outcome] === route).length,
      closures: closures.filter((c) => CLOSURE_ROUTE[c.closureReason!] === route).length,
    })),
    totalDecisions: escalations.length,
  };
}
