import { ACTION_PARENT_KINDS, type ActionParentKind } from '../enums';
import { CAPACITY_LABELS, CLOSURE_REASON_LABELS, RISK_CATEGORY_LABELS, RISK_LEVEL_LABELS } from '../labels';
import type { Indicators } from './index';
import type { ActionCounts } from './actions';
import type { CaseAgeBand, EscalationRoute, IndicatorFamilyName } from './vocabulary';

/**
 * Every indicator as plain tables (a title, column headings, rows of text and numbers): what the Reports page shows
 * beside each chart, one sheet each in the workbook, and the CSV. One function, so the three always agree.
 */
export type TableCell = string | number | null;
export interface ReportTable { title: string; columns: string[]; rows: TableCell[][] }
/** A sheet of the workbook (or a block of the CSV): a title and its tables. */
export interface ReportSheet { title: string; tables: ReportTable[] }
export interface ReportSection extends ReportSheet { family: IndicatorFamilyName }

/** A share (0..1) as a percentage to one decimal place; blank when there was nothing to divide by. */
export const percent = (share: number | null): TableCell => (share === null ? null : Math.round(share * 1000) / 10);

export const CASE_AGE_LABELS: Record<CaseAgeBand, string> = {
  under_3_months: 'Under 3 months', '3_to_6_months': '3 to 6 months', '6_to_12_months': '6 to 12 months', over_12_months: '12 months or more',
};
export const ESCALATION_ROUTE_LABELS: Record<EscalationRoute, string> = {
  s42: 'Section 42 enquiry', marac: 'MARAC', mappa: 'MAPPA', learning_review: 'Learning review',
};
export const ACTION_SOURCE_LABELS: Record<ActionParentKind, string> = { case: 'Panel cases', learning_review: 'Learning reviews', board_plan: 'Board plan' };

const ACTION_COLUMNS = ['Due', 'Completed on time', 'Completed late', 'Overdue', 'Not yet due', 'Not done: agency', 'Not done: circumstances changed', 'Cancelled', 'On time (%)'];
const actionCells = (c: ActionCounts): TableCell[] =>
  [c.due, c.completedOnTime, c.completedLate, c.overdue, c.notYetDue, c.notDoneAgency, c.notDoneCircumstance, c.cancelled, percent(c.onTimeShare)];

const riskLabel = (key: string) => (key === 'not_assessed' ? 'Not assessed' : RISK_LEVEL_LABELS[key as keyof typeof RISK_LEVEL_LABELS]);

export function indicatorTables(ind: Pick<Indicators, IndicatorFamilyName>, agencyName: (agencyId: string) => string): ReportSection[] {
  const { referrals, screening, repeats, openCases, actions, meetings, minutes, voice, capacity, closures, escalations } = ind;
  return [
    { family: 'referrals', title: 'Referrals', tables: [
      { title: 'Referrals by month', columns: ['Month', 'Referrals'], rows: referrals.byMonth.map((m) => [m.month, m.count]) },
      { title: 'Referrals by referring agency', columns: ['Agency', 'Referrals'], rows: referrals.byAgency.map((a) => [agencyName(a.key), a.count]) },
      { title: 'Referrals from outside the council', columns: ['Referrals', 'From outside the council', 'Share (%)'],
        rows: [[referrals.total, referrals.fromOutsideCouncil, percent(referrals.shareFromOutsideCouncil)]] },
    ] },
    { family: 'screening', title: 'Screening', tables: [
      { title: 'Screening decisions', columns: ['Accepted', 'Declined', 'Deferred', 'Acceptance rate (%)'],
        rows: [[screening.accepted, screening.declined, screening.deferred, percent(screening.acceptanceRate)]] },
      { title: 'Declined referrals by risk named', columns: ['Risk', 'Declined'],
        rows: screening.declinesByRiskCategory.map((r) => [RISK_CATEGORY_LABELS[r.key], r.count]) },
      { title: 'Days from referral to screening', columns: ['Referrals answered', 'Median days', 'Mean days', 'Longest (days)'],
        rows: [[screening.daysToScreening.count, screening.daysToScreening.median, screening.daysToScreening.mean, screening.daysToScreening.max]] },
    ] },
    { family: 'repeats', title: 'Repeat referrals', tables: [
      { title: 'Repeat referrals within 12 months', columns: ['Referrals', 'Repeats', 'Share (%)'], rows: [[repeats.referrals, repeats.repeats, percent(repeats.share)]] },
    ] },
    { family: 'openCases', title: 'Open cases', tables: [
      { title: `Open cases by risk level on ${openCases.asAt}`, columns: ['Risk level', 'Cases'], rows: openCases.byRiskLevel.map((r) => [riskLabel(r.key), r.count]) },
      { title: `Open cases by time since acceptance on ${openCases.asAt}`, columns: ['Open for', 'Cases'], rows: openCases.byAge.map((r) => [CASE_AGE_LABELS[r.key], r.count]) },
    ] },
    { family: 'actions', title: 'Actions', tables: [
      { title: 'Actions due in the period, by agency', columns: ['Agency', ...ACTION_COLUMNS],
        rows: [...actions.byAgency.map((a) => [agencyName(a.agencyId), ...actionCells(a)]), ['All agencies', ...actionCells(actions.total)]] },
      { title: 'Actions due in the period, by source', columns: ['Source', ...ACTION_COLUMNS],
        rows: ACTION_PARENT_KINDS.map((k) => [ACTION_SOURCE_LABELS[k], ...actionCells(actions.byParentKind.find((p) => p.parentKind === k)!)]) },
    ] },
    { family: 'meetings', title: 'Meetings', tables: [
      { title: 'Panel meetings held', columns: ['Held', 'Quorate', 'Quorate (%)'], rows: [[meetings.held, meetings.quorate, percent(meetings.quorateShare)]] },
      { title: 'Attendance by agency', columns: ['Agency', 'Present', 'Apologies', 'Absent', 'Present (%)'],
        rows: meetings.attendance.map((a) => [agencyName(a.agencyId), a.present, a.apologies, a.absent, percent(a.share)]) },
    ] },
    { family: 'minutes', title: 'Minutes', tables: [
      { title: `Minutes issued within ${minutes.standardWorkingDays} working days`, columns: ['Meetings held', 'On time', 'Late', 'Overdue', 'Not yet due', 'On time (%)'],
        rows: [[minutes.held, minutes.onTime, minutes.late, minutes.overdue, minutes.pending, percent(minutes.onTimeShare)]] },
    ] },
    { family: 'voice', title: "Adult's voice", tables: [
      { title: "The adult's views and advocacy (referrals received)", columns: ['Referrals', 'Views recorded', 'Views recorded (%)', 'Advocacy needed', 'Adult aware', 'Adult aware (%)'],
        rows: [[voice.referrals, voice.viewsRecorded, percent(voice.viewsRecordedShare), voice.advocacyNeeded, voice.adultAware, percent(voice.adultAwareShare)]] },
    ] },
    { family: 'capacity', title: 'Capacity', tables: [
      { title: 'Mental capacity on referrals received', columns: ['Capacity', 'Referrals'], rows: capacity.byState.map((s) => [CAPACITY_LABELS[s.key], s.count]) },
      { title: 'Capacity assessed rather than presumed', columns: ['Referrals', 'Assessed', 'Assessed (%)'], rows: [[capacity.referrals, capacity.assessed, percent(capacity.assessedShare)]] },
    ] },
    { family: 'closures', title: 'Closures', tables: [
      { title: 'Closure reasons', columns: ['Reason', 'Cases'], rows: closures.reasons.map((r) => [CLOSURE_REASON_LABELS[r.key], r.count]) },
      { title: 'Risk level at acceptance (rows) against closure (columns)', columns: ['At acceptance', ...closures.riskAtAcceptanceVsClosure.map((r) => `At closure: ${RISK_LEVEL_LABELS[r.atAcceptance]}`)],
        rows: closures.riskAtAcceptanceVsClosure.map((r) => [RISK_LEVEL_LABELS[r.atAcceptance], ...r.atClosure.map((c) => c.count)]) },
      { title: 'Risk at closure compared with acceptance', columns: ['Cases closed', 'Lower', 'Same', 'Higher'],
        rows: [[closures.closed, closures.riskReduced, closures.riskUnchanged, closures.riskIncreased]] },
    ] },
    { family: 'escalations', title: 'Escalations', tables: [
      { title: 'Escalations and referrals on to other processes', columns: ['Process', 'Panel decisions', 'Cases closed into it'],
        rows: escalations.byRoute.map((r) => [ESCALATION_ROUTE_LABELS[r.route], r.decisions, r.closures]) },
    ] },
  ];
}
