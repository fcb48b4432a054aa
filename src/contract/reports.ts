import { z } from 'zod';
import {
  ACTION_PARENT_KINDS, CAPACITY_STATES, CLOSURE_REASONS, DECISION_OUTCOMES, RISK_CATEGORIES, RISK_LEVELS,
} from '../domain/enums';
import { CASE_AGE_BANDS, ESCALATION_ROUTES, PERIOD_KINDS } from '../domain/indicators/vocabulary';

/*
 * The board's indicators (GET /api/reports) and an export of them (POST /api/reports/exports). Counts, and in the
 * export's decision log case references: nothing here names or describes a person. Shares are 0..1 with three decimals, null when there was nothing to divide by.
 */

const count = z.number().int().min(0);
const shareOf = z.number().min(0).max(1).nullable();
const countOf = <K extends readonly [string, ...string[]]>(keys: K) => z.object({ key: z.enum(keys), count }).strict();
const agencyCount = z.object({ key: z.string(), count }).strict();

export const periodSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  from: z.string(),
  to: z.string(),
  label: z.string(),
  months: z.array(z.string()),
}).strict();
export type ReportPeriod = z.infer<typeof periodSchema>;

const actionCounts = {
  due: count, completedOnTime: count, completedLate: count, overdue: count, notYetDue: count, notDoneAgency: count,
  notDoneCircumstance: count, cancelled: count, onTimeShare: shareOf,
};

export const indicatorsSchema = z.object({
  period: periodSchema,
  agencyId: z.string().optional(),
  computedAt: z.string(),
  agencies: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() }).strict()),
  referrals: z.object({
    total: count, fromOutsideCouncil: count, shareFromOutsideCouncil: shareOf,
    byMonth: z.array(z.object({ month: z.string(), count }).strict()),
    byAgency: z.array(agencyCount),
  }).strict(),
  screening: z.object({
    accepted: count, declined: count, deferred: count, acceptanceRate: shareOf,
    declinesByRiskCategory: z.array(countOf(RISK_CATEGORIES)),
    daysToScreening: z.object({ count, median: z.number().nullable(), mean: z.number().nullable(), max: z.number().nullable() }).strict(),
  }).strict(),
  repeats: z.object({ referrals: count, repeats: count, share: shareOf }).strict(),
  openCases: z.object({
    asAt: z.string(), total: count,
    byRiskLevel: z.array(countOf([...RISK_LEVELS, 'not_assessed'] as const)),
    byAge: z.array(countOf(CASE_AGE_BANDS)),
  }).strict(),
  actions: z.object({
    total: z.object(actionCounts).strict(),
    byAgency: z.array(z.object({ agencyId: z.string(), ...actionCounts }).strict()),
    byParentKind: z.array(z.object({ parentKind: z.enum(ACTION_PARENT_KINDS), ...actionCounts }).strict()),
  }).strict(),
  meetings: z.object({
    held: count, quorate: count, quorateShare: shareOf,
    attendance: z.array(z.object({ agencyId: z.string(), present: count, apologies: count, absent: count, share: shareOf }).strict()),
  }).strict(),
  minutes: z.object({
    held: count, onTime: count, late: count, overdue: count, pending: count, onTimeShare: shareOf, standardWorkingDays: count,
  }).strict(),
  voice: z.object({
    referrals: count, viewsRecorded: count, viewsRecordedShare: shareOf, advocacyNeeded: count, adultAware: count, adultAwareShare: shareOf,
  }).strict(),
  capacity: z.object({ referrals: count, byState: z.array(countOf(CAPACITY_STATES)), assessed: count, assessedShare: shareOf }).strict(),
  closures: z.object({
    closed: count,
    reasons: z.array(countOf(CLOSURE_REASONS)),
    riskAtAcceptanceVsClosure: z.array(z.object({ atAcceptance: z.enum(RISK_LEVELS), atClosure: z.array(countOf(RISK_LEVELS)) }).strict()),
    riskReduced: count, riskUnchanged: count, riskIncreased: count,
  }).strict(),
  escalations: z.object({
    byRoute: z.array(z.object({ route: z.enum(ESCALATION_ROUTES), decisions: count, closures: count }).strict()),
    totalDecisions: count,
  }).strict(),
}).strict();
export type IndicatorsView = z.infer<typeof indicatorsSchema>;

/** An export's data: the indicators, the period's decision log and the actions open now (references and counts). */
export const indicatorExportSchema = indicatorsSchema.extend({
  boardLog: z.object({
    decisions: z.array(z.object({
      decidedOn: z.string(), caseRef: z.string(), outcome: z.enum(DECISION_OUTCOMES), inquorate: z.boolean(), informationShared: z.boolean(),
    }).strict()),
    openActions: z.array(z.object({ agencyId: z.string(), parentKind: z.enum(ACTION_PARENT_KINDS), open: count, overdue: count }).strict()),
  }).strict(),
}).strict();

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export: the file, base64-encoded, with the name and type to save it under. */
export const reportExportSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  base64: z.string(),
  bytes: count,
}).strict();
export type ReportExport = z.infer<typeof reportExportSchema>;
