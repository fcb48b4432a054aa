import { z } from 'zod';
import { CASE_STATUSES, RISK_CATEGORIES, RISK_DOMAINS, RAG_RATINGS, RISK_LEVELS, AUDIT_ACTIONS } from '../domain/enums';
import { actionAbilitiesSchema, caseAbilitiesSchema, screeningAbilitiesSchema } from './abilities';
import { actionRecordSchema, caseRecordSchema, chronologyEntrySchema, decisionSchema, infoRequestSchema, involvementSchema, riskAssessmentSchema } from './records';

export const accessSchema = z.enum(['full', 'summary']);
export type Access = z.infer<typeof accessSchema>;

export const MISSING_KEYS = ['lead', 'riskAssessment', 'smartPlan', 'contingencyPlan', 'reviewDate'] as const;
export const missingPlanSchema = z.object({
  items: z.array(z.object({ key: z.enum(MISSING_KEYS), label: z.string() })),
  daysSinceAcceptance: z.number().int(),
  /** acceptedAt + 28 days (yyyy-mm-dd). */
  dueBy: z.string(),
  /** True once the 28 days have passed with something still missing. */
  pastDeadline: z.boolean(),
});
export type MissingPlan = z.infer<typeof missingPlanSchema>;

export const riskAssessmentChangeSchema = z.object({
  assessmentNumber: z.number().int(),
  previousAssessmentNumber: z.number().int(),
  assessedAt: z.string(),
  assessedById: z.string(),
  domains: z.array(z.object({ domain: z.enum(RISK_DOMAINS), from: z.enum(RAG_RATINGS).nullable(), to: z.enum(RAG_RATINGS).nullable() })),
  overallLevelChanged: z.boolean(),
  overallLevel: z.object({ from: z.enum(RISK_LEVELS), to: z.enum(RISK_LEVELS) }),
});
export type RiskAssessmentChange = z.infer<typeof riskAssessmentChangeSchema>;

export const caseActionSchema = actionRecordSchema.extend({ overdue: z.boolean(), daysOverdue: z.number().int(), can: actionAbilitiesSchema });

export const fullCaseViewSchema = z.object({
  access: z.literal('full'),
  case: caseRecordSchema,
  chronology: z.array(chronologyEntrySchema),
  actions: z.array(caseActionSchema),
  decisions: z.array(decisionSchema),
  riskAssessments: z.array(riskAssessmentSchema),
  riskAssessmentChanges: z.array(riskAssessmentChangeSchema),
  involvements: z.array(involvementSchema.extend({ agencyName: z.string().optional() })),
  /** Null unless the case is accepted and live (open or escalated). */
  missing: missingPlanSchema.nullable(),
  can: caseAbilitiesSchema,
});
export type FullCaseView = z.infer<typeof fullCaseViewSchema>;

/**
 * The minimal summary every partner sees of a new referral, so they can say whether the adult is known to them:
 * no status, no dates, and of the agencies' answers only the member's own agency's. Strict, so a field added to
 * the summary on the server fails the contract test rather than reaching every partner unnoticed.
 */
export const caseSummarySchema = z.strictObject({
  id: z.string(),
  ref: z.string(),
  initials: z.string(),
  riskCategories: z.array(z.enum(RISK_CATEGORIES)),
  referrerAgencyId: z.string(),
  referrerAgencyShortName: z.string(),
  /** The member's own agency's answer to "known to us?", when it has given one. */
  myAgencyInvolvement: z.object({ known: z.boolean() }).optional(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const summaryCaseViewSchema = z.object({ access: z.literal('summary'), case: caseSummarySchema, can: caseAbilitiesSchema });
export type SummaryCaseView = z.infer<typeof summaryCaseViewSchema>;

/** GET /api/cases/:id and /api/cases/by-ref/:ref: the whole case where policy allows `read`, else the summary. */
export const caseViewSchema = z.discriminatedUnion('access', [fullCaseViewSchema, summaryCaseViewSchema]);
export type CaseView = z.infer<typeof caseViewSchema>;

export const registerItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  initials: z.string(),
  referrerAgencyId: z.string(),
  /** Present on full items only (surface rule 1): a summary item never carries status, dates, lead, risk or review. */
  status: z.enum(CASE_STATUSES).optional(),
  receivedAt: z.string().optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  leadAgencyId: z.string().optional(),
  leadProfessionalId: z.string().optional(),
  nextReviewDate: z.string().optional(),
  overdueActions: z.number().int(),
  access: accessSchema,
});
export type RegisterItem = z.infer<typeof registerItemSchema>;

export const registerPageSchema = z.object({
  items: z.array(registerItemSchema),
  /** Every case that matches; absent when asked with total=false (then ask with pageSize=0 for the total alone). */
  total: z.number().int().optional(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Pass back as `cursor` for the next page (keyset: it stays put when cases are added); absent on the last page. */
  nextCursor: z.string().optional(),
});
export type RegisterPage = z.infer<typeof registerPageSchema>;

export const screeningItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.enum(CASE_STATUSES),
  initials: z.string(),
  riskCategories: z.array(z.enum(RISK_CATEGORIES)),
  referrerAgencyId: z.string(),
  receivedAt: z.string(),
  daysWaiting: z.number().int(),
  infoRequest: infoRequestSchema.optional(),
  answeredAgencies: z.number().int(),
  listedMeetingId: z.string().optional(),
  /** Referred in the 12 months before: the earlier case when the caller may open it, `{}` ("referred before") if not. */
  repeatOf: z.object({ caseId: z.string().optional(), ref: z.string().optional() }).strict().optional(),
  can: screeningAbilitiesSchema,
});
export type ScreeningItem = z.infer<typeof screeningItemSchema>;
export const screeningQueueSchema = z.array(screeningItemSchema);

/** Home's "awaiting my agency's answer" list. */
export const awaitingItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  initials: z.string(),
  riskCategories: z.array(z.enum(RISK_CATEGORIES)),
  referrerAgencyId: z.string(),
  receivedAt: z.string(),
});
export type AwaitingItem = z.infer<typeof awaitingItemSchema>;

export const auditLineSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorAgencyId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  recordType: z.string(),
  recordId: z.string(),
  change: z.record(z.string(), z.unknown()).optional(),
  reason: z.string().optional(),
  correlationId: z.string(),
});
export type AuditLine = z.infer<typeof auditLineSchema>;
export const caseAuditSchema = z.object({ caseId: z.string(), ref: z.string(), events: z.array(auditLineSchema) });
export type CaseAuditView = z.infer<typeof caseAuditSchema>;

/** What a command on a case answers: the case record as it now stands. */
export const savedCaseSchema = caseRecordSchema;
export type CaseAction = z.infer<typeof caseActionSchema>;
