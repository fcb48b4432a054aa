import type { ActionParentKind, DecisionOutcome } from '../enums';
import { DECISION_OUTCOME_LABELS } from '../labels';
import type { ActionRecord, CaseRecord, Decision } from '../records';
import { isOverdue } from '../rules';
import { londonDay } from './londonDays';
import { instantInPeriod } from './period';
import type { IndicatorScope } from './scope';
import { ACTION_SOURCE_LABELS, type ReportSheet } from './tables';

/**
 * The two registers the board's quarterly workbook carries beside the indicators: the panel's decisions in the period,
 * and the actions open now by agency. References, outcomes and counts only: a decision's rationale and any name stay in
 * RiskPanel, because the workbook leaves it.
 */
export interface DecisionLogLine {
  decidedOn: string;
  caseRef: string;
  outcome: DecisionOutcome;
  inquorate: boolean;
  informationShared: boolean;
}
export interface OpenActionsLine { agencyId: string; parentKind: ActionParentKind; open: number; overdue: number }
export interface BoardLog { decisions: DecisionLogLine[]; openActions: OpenActionsLine[] }

type DecisionFields = Pick<Decision, 'caseId' | 'outcome' | 'decidedAt' | 'inquorate' | 'infoSharing'>;
type OpenActionFields = Pick<ActionRecord, 'agencyId' | 'parentKind' | 'status' | 'dueDate'>;

/** With one agency chosen, the decisions on cases it referred or leads, and its own open actions. */
export function boardLog(
  data: { cases: readonly Pick<CaseRecord, 'id' | 'ref' | 'referrerAgencyId' | 'leadAgencyId'>[]; decisions: readonly DecisionFields[]; openActions: readonly OpenActionFields[] },
  scope: IndicatorScope,
): BoardLog {
  const cases = new Map(data.cases.map((c) => [c.id, c]));
  const decisions = data.decisions.flatMap((d): DecisionLogLine[] => {
    const c = cases.get(d.caseId);
    if (!c || !instantInPeriod(d.decidedAt, scope.period)) return [];
    if (scope.agencyId && c.referrerAgencyId !== scope.agencyId && c.leadAgencyId !== scope.agencyId) return [];
    return [{ decidedOn: londonDay(d.decidedAt), caseRef: c.ref, outcome: d.outcome, inquorate: d.inquorate === true, informationShared: d.infoSharing !== undefined }];
  }).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.caseRef.localeCompare(b.caseRef));

  const tally = new Map<string, OpenActionsLine>();
  for (const a of data.openActions) {
    if (scope.agencyId && a.agencyId !== scope.agencyId) continue;
    const key = `${a.agencyId}\u0000${a.parentKind}`;
    const line = tally.get(key) ?? { agencyId: a.agencyId, parentKind: a.parentKind, open: 0, overdue: 0 };
    line.open++;
    if (isOverdue(a, scope.now)) line.overdue++;
    tally.set(key, line);
  }
  const openActions = [...tally.values()].sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.parentKind.localeCompare(b.parentKind));
  return { decisions, openActions };
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** The workbook's two extra sheets, as the same plain tables the indicators use (so CSV and Excel agree). */
export function boardLogSections(log: BoardLog, asAt: string, agencyName: (agencyId: string) => string): ReportSheet[] {
  const total = log.openActions.reduce((t, l) => ({ open: t.open + l.open, overdue: t.overdue + l.overdue }), { open: 0, overdue: 0 });
  return [
    { title: 'Decision log', tables: [{
      title: 'Panel decisions in the period (references only)',
      columns: ['Decided on', 'Case', 'Decision', 'Taken while not quorate', 'Information sharing recorded'],
      rows: log.decisions.map((d) => [d.decidedOn, d.caseRef, DECISION_OUTCOME_LABELS[d.outcome], yesNo(d.inquorate), yesNo(d.informationShared)]),
    }] },
    { title: 'Open actions by agency', tables: [{
      title: `Actions open on ${asAt}, by agency and source`,
      columns: ['Agency', 'Source', 'Open', 'Overdue'],
      rows: [...log.openActions.map((l) => [agencyName(l.agencyId), ACTION_SOURCE_LABELS[l.parentKind], l.open, l.overdue]), ['All agencies', 'All sources', total.open, total.overdue]],
    }] },
  ];
}
