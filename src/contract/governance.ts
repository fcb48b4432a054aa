import { z } from 'zod';
import { AUDIT_ACTIONS, ROLES } from '../domain/enums';
import { agencyItemSchema, memberItemSchema } from './directory';
import { auditLineSchema } from './cases';
import { infoSharingSchema } from './records';

/*
 * Information governance: keeping members and agencies (coordinators), the quarterly access review (agency leads),
 * break-glass, the audit trail's search and export, and the information-sharing decisions of a case.
 */

/** A member as the coordinators keep them: with email and Entra object id. */
export const adminMemberSchema = memberItemSchema.extend({ email: z.string(), aadObjectId: z.string() });
export type AdminMember = z.infer<typeof adminMemberSchema>;
export const adminDirectorySchema = z.object({ members: z.array(adminMemberSchema), agencies: z.array(agencyItemSchema) });
export type AdminDirectory = z.infer<typeof adminDirectorySchema>;

/** Why a member sees a case: one count per reason (a case is counted under every reason that applies). */
export const VISIBILITY_REASONS = ['allCases', 'allUnrestricted', 'referrerAgency', 'leadAgency', 'knownToAgency', 'named', 'breakGlass'] as const;
export type VisibilityReason = (typeof VISIBILITY_REASONS)[number];
const count = z.number().int().min(0);

export const accessReviewMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  agencyLead: z.boolean(),
  active: z.boolean(),
  /** Cases this member may read in full, by reason; an inactive member sees none. */
  visible: z.record(z.enum(VISIBILITY_REASONS), count),
  /** Distinct cases the member may read in full. */
  totalCases: count,
});
export const accessReviewAgencySchema = z.object({
  agency: agencyItemSchema,
  members: z.array(accessReviewMemberSchema),
  /** The agency's own cases, by the agency's part in them (referrer, lead, said it knows the adult). */
  cases: z.object({ referrerAgency: count, leadAgency: count, knownToAgency: count, restrictedLead: count }),
  canConfirm: z.boolean(),
});
export const accessReviewSchema = z.object({ asOf: z.string(), agencies: z.array(accessReviewAgencySchema) });
export type AccessReview = z.infer<typeof accessReviewSchema>;
export type AccessReviewAgency = z.infer<typeof accessReviewAgencySchema>;
export const confirmAccessReviewBodySchema = z.object({ agencyId: z.string(), note: z.string().max(2000).optional() }).strict();

/** Break-glass: what the member asking is told (no case content: they open the case next, by its reference). */
export const breakGlassResultSchema = z.object({ caseId: z.string(), ref: z.string(), until: z.string() });
export type BreakGlassResult = z.infer<typeof breakGlassResultSchema>;

/** The audit trail's search: by case (reference), person, agency and period. */
export const auditSearchQuerySchema = z.object({
  ref: z.string().optional(),
  memberId: z.string().optional(),
  agencyId: z.string().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export const auditSearchSchema = z.object({
  events: z.array(auditLineSchema.extend({ seq: z.number().int().optional() })),
  /** More events matched than the page holds: narrow the search. */
  truncated: z.boolean(),
  limit: count,
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;
export type AuditSearchLine = AuditSearch['events'][number];
export const auditExportSchema = z.object({ fileName: z.string(), contentType: z.string(), base64: z.string(), bytes: count, rows: count }).strict();
export type AuditExport = z.infer<typeof auditExportSchema>;

/** Where a case's information left the panel: what, with whom, why, lawful basis, by whom. */
export const sharingDecisionSchema = z.object({
  at: z.string(),
  byMemberId: z.string(),
  byName: z.string(),
  /** decision: a panel or screening decision's sharing; share/export: an audited disclosure. */
  source: z.enum(['decision', 'share', 'export']),
  sharing: infoSharingSchema.partial().optional(),
  detail: z.string().optional(),
});
export const sharingDecisionsSchema = z.object({
  caseId: z.string(),
  ref: z.string(),
  decisions: z.array(sharingDecisionSchema),
  /** Whether the caller may record a sharing decision on this case (the server's policies judged it). */
  canRecord: z.boolean(),
});
export type SharingDecisions = z.infer<typeof sharingDecisionsSchema>;
export type SharingDecision = z.infer<typeof sharingDecisionSchema>;
