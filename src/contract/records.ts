import { z } from 'zod';
import {
  ACTION_PARENT_KINDS, ACTION_STATUSES, CAPACITY_STATES, CASE_STATUSES, CHRONOLOGY_TYPES, CLOSURE_REASONS, CONSENT_STATES,
  DECISION_OUTCOMES, OTHER_PROCESSES, RAG_RATINGS, RISK_CATEGORIES, RISK_DOMAINS, RISK_LEVELS, SIGNIFICANCE_LEVELS,
} from '../domain/enums';

// The stored records as the API sends them (src/domain/records.ts). Objects are not strict: a client ignores fields
// it does not know, so the server can add one without breaking a tab that is a release behind.

export const infoRequestSchema = z.object({ question: z.string(), byMemberId: z.string(), at: z.string() });

export const adultSchema = z.object({
  name: z.string(),
  dateOfBirth: z.string().optional(),
  address: z.string().optional(),
  postcode: z.string().optional(),
  nhsNumber: z.string().optional(),
});

export const involvementSchema = z.object({
  agencyId: z.string(),
  known: z.boolean(),
  note: z.string().optional(),
  byMemberId: z.string(),
  at: z.string(),
});

/** The whole case record. A draft may not have answered the yes/no and choice questions yet. */
export const caseRecordSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  ref: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  receivedAt: z.string().optional(),
  referrerMemberId: z.string(),
  referrerAgencyId: z.string(),
  managerSignOff: z.string().optional(),
  adult: adultSchema,
  initials: z.string(),
  riskCategories: z.array(z.enum(RISK_CATEGORIES)),
  reasons: z.string(),
  currentSupport: z.string(),
  childrenAtRisk: z.boolean().optional(),
  otherAdultsAtRisk: z.boolean().optional(),
  othersAtRiskDetails: z.string().optional(),
  capacity: z.enum(CAPACITY_STATES).optional(),
  adultAware: z.boolean().optional(),
  consent: z.enum(CONSENT_STATES).optional(),
  noConsentReason: z.string().optional(),
  lawfulBasis: z.string().optional(),
  otherProcessesConsidered: z.array(z.enum(OTHER_PROCESSES)),
  adultViews: z.string(),
  advocacyNeeded: z.boolean().optional(),
  leadAgencyId: z.string().optional(),
  leadProfessionalId: z.string().optional(),
  leadCoordinatorId: z.string().optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  riskLevelAtAcceptance: z.enum(RISK_LEVELS).optional(),
  nextReviewDate: z.string().optional(),
  contingencyPlan: z.string().optional(),
  escalationPlan: z.string().optional(),
  infoSharingArrangements: z.string().optional(),
  involvements: z.array(involvementSchema),
  infoRequest: infoRequestSchema.optional(),
  restricted: z.boolean(),
  namedMemberIds: z.array(z.string()),
  acceptedAt: z.string().optional(),
  closureReason: z.enum(CLOSURE_REASONS).optional(),
  closedAt: z.string().optional(),
  retentionDate: z.string().optional(),
  legalHold: z.boolean(),
  repeatOfCaseId: z.string().optional(),
  /** Break-glass openings: who, when, until when, why. */
  breakGlass: z.array(z.object({ memberId: z.string(), agencyId: z.string(), at: z.string(), until: z.string(), reason: z.string() })).optional(),
  /** The lead's proposal to close: on the next agenda until the panel decides. */
  closureProposal: z.object({ proposedAt: z.string(), proposedById: z.string(), rationale: z.string() }).optional(),
});
export type CaseRecordView = z.infer<typeof caseRecordSchema>;

export const progressNoteSchema = z.object({ at: z.string(), byMemberId: z.string(), note: z.string() });
export const dueDateChangeSchema = z.object({ at: z.string(), byMemberId: z.string(), from: z.string(), to: z.string(), reason: z.string() });

export const actionRecordSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  parentKind: z.enum(ACTION_PARENT_KINDS),
  parentId: z.string(),
  description: z.string(),
  successMeasure: z.string(),
  ownerId: z.string(),
  agencyId: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  createdAt: z.string(),
  createdById: z.string(),
  progress: z.array(progressNoteSchema),
  dueDateChanges: z.array(dueDateChangeSchema),
  completedAt: z.string().optional(),
  completedById: z.string().optional(),
  evidence: z.string().optional(),
  recommendationNumber: z.number().int().optional(),
  rag: z.object({ rating: z.enum(RAG_RATINGS), reason: z.string(), at: z.string(), byMemberId: z.string() }).optional(),
});

export const chronologyEntrySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  caseId: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedById: z.string(),
  sourceAgencyId: z.string(),
  type: z.enum(CHRONOLOGY_TYPES),
  summary: z.string(),
  significance: z.enum(SIGNIFICANCE_LEVELS),
  correctsEntryId: z.string().optional(),
});
export type ChronologyItem = z.infer<typeof chronologyEntrySchema>;

export const infoSharingSchema = z.object({ what: z.string(), withWhom: z.string(), why: z.string(), basis: z.string() });

export const decisionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  meetingId: z.string().optional(),
  agendaItemId: z.string().optional(),
  outcome: z.enum(DECISION_OUTCOMES),
  rationale: z.string(),
  alternativesConsidered: z.string().optional(),
  dissent: z.string().optional(),
  infoSharing: infoSharingSchema.optional(),
  decidedById: z.string(),
  decidedAt: z.string(),
  referrerNotifiedAt: z.string().optional(),
});
export type DecisionItem = z.infer<typeof decisionSchema>;

export const domainRatingSchema = z.object({
  domain: z.enum(RISK_DOMAINS),
  rating: z.enum(RAG_RATINGS),
  evidence: z.string(),
  sourceAgencyId: z.string().optional(),
});

export const riskAssessmentSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  caseId: z.string(),
  assessmentNumber: z.number().int(),
  assessedAt: z.string(),
  assessedById: z.string(),
  domains: z.array(domainRatingSchema),
  protectiveFactors: z.string(),
  overallLevel: z.enum(RISK_LEVELS),
  adultView: z.string(),
});
export type RiskAssessmentItem = z.infer<typeof riskAssessmentSchema>;
