import * as z from 'zod/mini';
import {
  ACTION_STATUSES, CAPACITY_STATES, CASE_STATUSES, CHRONOLOGY_TYPES, CONSENT_STATES, RISK_CATEGORIES, RISK_LEVELS, ROLES,
  SIGNIFICANCE_LEVELS,
} from '../../../src/domain/enums';

// What the server sends, checked on arrival: a shape the tab does not understand is shown as an error, not
// rendered half-way. Unknown extra fields are ignored so the server can grow without breaking the tab.

const optionalString = z.optional(z.nullable(z.string()));

export const personaSchema = z.object({
  email: z.string(),
  name: z.string(),
  agency: z.union([z.string(), z.object({ name: z.string(), shortName: optionalString })]),
  roles: z.array(z.string()),
  description: optionalString,
});
export type Persona = z.infer<typeof personaSchema>;
export const personasSchema = z.array(personaSchema);

export const meSchema = z.object({
  member: z.object({ id: z.string(), name: z.string(), email: optionalString, roles: z.array(z.enum(ROLES)), agencyLead: z.optional(z.boolean()) }),
  agency: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
});
export type Me = z.infer<typeof meSchema>;

export const agencySchema = z.object({ id: z.string(), name: z.string(), shortName: z.string() });
export type AgencyRef = z.infer<typeof agencySchema>;
export const agenciesSchema = z.array(agencySchema);

export const memberSchema = z.object({ id: z.string(), name: z.string(), agencyId: z.string() });
export type MemberRef = z.infer<typeof memberSchema>;
export const membersSchema = z.array(memberSchema);

/** Either the whole case (policy `read`) or the minimal summary every partner sees of a new referral (`readSummary`). */
export const accessSchema = z.enum(['full', 'summary']);
export type Access = z.infer<typeof accessSchema>;

export const registerRowSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.enum(CASE_STATUSES),
  initials: z.string(),
  access: accessSchema,
  riskCategories: z.optional(z.array(z.enum(RISK_CATEGORIES))),
  riskLevel: z.optional(z.nullable(z.enum(RISK_LEVELS))),
  referrerAgencyId: optionalString,
  leadAgencyId: optionalString,
  leadProfessionalId: optionalString,
  nextReviewDate: optionalString,
  receivedAt: optionalString,
  overdueActions: z.optional(z.number()),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

export const registerPageSchema = z.object({
  items: z.array(registerRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type RegisterPage = z.infer<typeof registerPageSchema>;

export const chronologyEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  recordedAt: optionalString,
  sourceAgencyId: optionalString,
  type: z.enum(CHRONOLOGY_TYPES),
  summary: z.string(),
  significance: z.optional(z.enum(SIGNIFICANCE_LEVELS)),
  correctsEntryId: optionalString,
});
export type ChronologyItem = z.infer<typeof chronologyEntrySchema>;

export const actionSchema = z.object({
  id: z.string(),
  description: z.string(),
  successMeasure: optionalString,
  ownerId: z.string(),
  agencyId: optionalString,
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.optional(z.boolean()),
});
export type ActionItem = z.infer<typeof actionSchema>;

export const caseSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.enum(CASE_STATUSES),
  initials: z.string(),
  riskCategories: z.optional(z.array(z.enum(RISK_CATEGORIES))),
  referrerAgencyId: optionalString,
  receivedAt: optionalString,
  // Full access only: absent from a summary.
  adult: z.optional(z.object({ name: z.string() })),
  leadAgencyId: optionalString,
  leadProfessionalId: optionalString,
  riskLevel: z.optional(z.nullable(z.enum(RISK_LEVELS))),
  nextReviewDate: optionalString,
  capacity: z.optional(z.enum(CAPACITY_STATES)),
  adultAware: z.optional(z.boolean()),
  consent: z.optional(z.enum(CONSENT_STATES)),
  adultViews: optionalString,
  /** Which agencies have said whether the adult is known to them (both views carry it). */
  involvements: z.optional(z.array(z.object({ agencyId: z.string(), known: z.boolean(), note: optionalString }))),
});
export type CaseView = z.infer<typeof caseSchema>;

export const caseDetailSchema = z.object({
  access: accessSchema,
  case: caseSchema,
  chronology: z.optional(z.array(chronologyEntrySchema)),
  actions: z.optional(z.array(actionSchema)),
  /** What the signed-in member may do next, so the tab offers only what will work. */
  can: z.optional(z.record(z.string(), z.boolean())),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** application/problem+json (RFC 9457), as every error from the API. */
export const problemSchema = z.object({
  title: optionalString,
  status: z.optional(z.number()),
  detail: optionalString,
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});
