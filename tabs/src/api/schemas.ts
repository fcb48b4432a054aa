import * as z from 'zod/mini';
import {
  ACTION_PARENT_KINDS, ACTION_STATUSES, AGENDA_ITEM_KINDS, CAPACITY_STATES, CASE_STATUSES, CHRONOLOGY_TYPES, CLOSURE_REASONS,
  CONSENT_STATES, DECISION_OUTCOMES, MEETING_STATUSES, OTHER_PROCESSES, RAG_RATINGS, RISK_CATEGORIES, RISK_DOMAINS, RISK_LEVELS,
  ROLES, SIGNIFICANCE_LEVELS,
} from '../../../src/domain/enums';

// What the server sends, checked on arrival: a shape the tab does not understand is shown as an error, not
// rendered half-way. Unknown extra fields are ignored so the server can grow without breaking the tab.

const optionalString = z.optional(z.nullable(z.string()));
const optionalBoolean = z.optional(z.nullable(z.boolean()));

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

export const agencySchema = z.object({ id: z.string(), name: z.string(), shortName: z.string(), active: optionalBoolean });
export type AgencyRef = z.infer<typeof agencySchema>;
export const agenciesSchema = z.array(agencySchema);

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string(),
  roles: z.optional(z.array(z.string())),
  active: optionalBoolean,
});
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
  recordedById: optionalString,
  sourceAgencyId: optionalString,
  type: z.enum(CHRONOLOGY_TYPES),
  summary: z.string(),
  significance: z.optional(z.enum(SIGNIFICANCE_LEVELS)),
  correctsEntryId: optionalString,
});
export type ChronologyItem = z.infer<typeof chronologyEntrySchema>;

const progressNoteSchema = z.object({ at: z.string(), byMemberId: z.string(), note: z.string() });
const dueDateChangeSchema = z.object({ at: z.string(), byMemberId: z.string(), from: z.string(), to: z.string(), reason: z.string() });

/** An action as a case carries it (the whole record) or as an action list does (with the case by reference). */
export const actionSchema = z.object({
  id: z.string(),
  version: z.optional(z.number()),
  description: z.string(),
  successMeasure: optionalString,
  ownerId: z.string(),
  ownerName: optionalString,
  agencyId: optionalString,
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.optional(z.boolean()),
  daysOverdue: z.optional(z.number()),
  parentKind: z.optional(z.enum(ACTION_PARENT_KINDS)),
  parentId: optionalString,
  caseId: optionalString,
  caseRef: optionalString,
  caseInitials: optionalString,
  progress: z.optional(z.array(progressNoteSchema)),
  dueDateChanges: z.optional(z.array(dueDateChangeSchema)),
  completedAt: optionalString,
  completedById: optionalString,
  evidence: optionalString,
});
export type ActionItem = z.infer<typeof actionSchema>;
export const actionListSchema = z.array(actionSchema);

export const adultSchema = z.object({
  name: z.string(),
  dateOfBirth: optionalString,
  address: optionalString,
  postcode: optionalString,
  nhsNumber: optionalString,
});

export const involvementSchema = z.object({
  agencyId: z.string(),
  known: z.boolean(),
  note: optionalString,
  byMemberId: optionalString,
  at: optionalString,
  agencyName: optionalString,
});

export const caseSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.enum(CASE_STATUSES),
  initials: z.string(),
  riskCategories: z.optional(z.array(z.enum(RISK_CATEGORIES))),
  referrerAgencyId: optionalString,
  receivedAt: optionalString,
  // Full access only: absent from a summary.
  version: z.optional(z.number()),
  createdAt: optionalString,
  updatedAt: optionalString,
  referrerMemberId: optionalString,
  managerSignOff: optionalString,
  adult: z.optional(adultSchema),
  reasons: optionalString,
  currentSupport: optionalString,
  childrenAtRisk: optionalBoolean,
  otherAdultsAtRisk: optionalBoolean,
  othersAtRiskDetails: optionalString,
  capacity: z.optional(z.nullable(z.enum(CAPACITY_STATES))),
  adultAware: optionalBoolean,
  consent: z.optional(z.nullable(z.enum(CONSENT_STATES))),
  noConsentReason: optionalString,
  lawfulBasis: optionalString,
  otherProcessesConsidered: z.optional(z.array(z.enum(OTHER_PROCESSES))),
  adultViews: optionalString,
  advocacyNeeded: optionalBoolean,
  leadAgencyId: optionalString,
  leadProfessionalId: optionalString,
  leadCoordinatorId: optionalString,
  riskLevel: z.optional(z.nullable(z.enum(RISK_LEVELS))),
  riskLevelAtAcceptance: z.optional(z.nullable(z.enum(RISK_LEVELS))),
  nextReviewDate: optionalString,
  contingencyPlan: optionalString,
  escalationPlan: optionalString,
  infoSharingArrangements: optionalString,
  infoRequest: z.optional(z.nullable(z.object({ question: z.string(), byMemberId: z.string(), at: z.string() }))),
  restricted: optionalBoolean,
  acceptedAt: optionalString,
  closureReason: z.optional(z.nullable(z.enum(CLOSURE_REASONS))),
  closedAt: optionalString,
  repeatOfCaseId: optionalString,
  /** Which agencies have said whether the adult is known to them (both views carry it). */
  involvements: z.optional(z.array(involvementSchema)),
});
export type CaseView = z.infer<typeof caseSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  meetingId: optionalString,
  outcome: z.enum(DECISION_OUTCOMES),
  rationale: z.string(),
  alternativesConsidered: optionalString,
  dissent: optionalString,
  infoSharing: z.optional(z.nullable(z.object({ what: z.string(), withWhom: z.string(), why: z.string(), basis: z.string() }))),
  decidedById: z.string(),
  decidedAt: z.string(),
  referrerNotifiedAt: optionalString,
});
export type DecisionItem = z.infer<typeof decisionSchema>;

export const domainRatingSchema = z.object({
  domain: z.enum(RISK_DOMAINS),
  rating: z.enum(RAG_RATINGS),
  evidence: z.string(),
  sourceAgencyId: optionalString,
});
export const riskAssessmentSchema = z.object({
  id: z.string(),
  assessmentNumber: z.number(),
  assessedAt: z.string(),
  assessedById: z.string(),
  domains: z.array(domainRatingSchema),
  protectiveFactors: z.string(),
  overallLevel: z.enum(RISK_LEVELS),
  adultView: z.string(),
});
export type RiskAssessmentItem = z.infer<typeof riskAssessmentSchema>;

export const riskAssessmentChangeSchema = z.object({
  assessmentNumber: z.number(),
  previousAssessmentNumber: z.number(),
  assessedAt: z.string(),
  assessedById: z.string(),
  domains: z.array(z.object({ domain: z.enum(RISK_DOMAINS), from: z.nullable(z.enum(RAG_RATINGS)), to: z.nullable(z.enum(RAG_RATINGS)) })),
  overallLevelChanged: z.boolean(),
  overallLevel: z.object({ from: z.enum(RISK_LEVELS), to: z.enum(RISK_LEVELS) }),
});
export type RiskAssessmentChange = z.infer<typeof riskAssessmentChangeSchema>;

export const missingSchema = z.object({
  items: z.array(z.object({ key: z.string(), label: z.string() })),
  daysSinceAcceptance: z.number(),
  dueBy: z.string(),
  pastDeadline: z.boolean(),
});
export type MissingPlan = z.infer<typeof missingSchema>;

export const CASE_ABILITIES = [
  'recordInvolvement', 'requestInfo', 'list', 'withdraw', 'screen', 'close', 'addChronology', 'createAction', 'updatePlan', 'readAudit', 'submit',
] as const;
export type CaseAbility = (typeof CASE_ABILITIES)[number];

export const caseDetailSchema = z.object({
  access: accessSchema,
  case: caseSchema,
  chronology: z.optional(z.array(chronologyEntrySchema)),
  actions: z.optional(z.array(actionSchema)),
  decisions: z.optional(z.array(decisionSchema)),
  riskAssessments: z.optional(z.array(riskAssessmentSchema)),
  riskAssessmentChanges: z.optional(z.array(riskAssessmentChangeSchema)),
  missing: z.optional(z.nullable(missingSchema)),
  /** What the signed-in member may do next, so the tab offers only what will work. */
  can: z.optional(z.record(z.string(), z.boolean())),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** What a command answers: the record as it now stands (its id, reference and new version). */
export const savedRecordSchema = z.object({ id: z.string(), version: z.optional(z.number()), ref: optionalString, status: optionalString });
export type SavedRecord = z.infer<typeof savedRecordSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  version: z.optional(z.number()),
  title: z.string(),
  startsAt: z.string(),
  status: z.enum(MEETING_STATUSES),
  chairId: optionalString,
  chairName: optionalString,
  teamsLink: optionalString,
  papersIssuedAt: optionalString,
  minutesIssuedAt: optionalString,
});
export type MeetingItem = z.infer<typeof meetingSchema>;
export const meetingsSchema = z.array(meetingSchema);

export const agendaLineSchema = z.object({
  id: z.string(),
  order: z.number(),
  kind: z.enum(AGENDA_ITEM_KINDS),
  minutesAllotted: z.number(),
  presentingAgencyId: optionalString,
  caseId: optionalString,
  caseRef: optionalString,
  caseInitials: optionalString,
  restricted: optionalBoolean,
});
export type AgendaLine = z.infer<typeof agendaLineSchema>;
export const nextMeetingSchema = z.nullable(z.extend(meetingSchema, { agenda: z.array(agendaLineSchema) }));
export type NextMeeting = z.infer<typeof nextMeetingSchema>;

export const awaitingItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  initials: z.string(),
  riskCategories: z.array(z.enum(RISK_CATEGORIES)),
  referrerAgencyId: z.string(),
  receivedAt: z.string(),
});
export type AwaitingItem = z.infer<typeof awaitingItemSchema>;

export const homeSchema = z.object({
  myActions: z.array(actionSchema),
  awaitingMyAgency: z.array(awaitingItemSchema),
  nextMeeting: z.optional(nextMeetingSchema),
});
export type HomeView = z.infer<typeof homeSchema>;

export const screeningItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.enum(CASE_STATUSES),
  initials: z.string(),
  riskCategories: z.array(z.enum(RISK_CATEGORIES)),
  referrerAgencyId: z.string(),
  receivedAt: z.string(),
  daysWaiting: z.number(),
  infoRequest: z.optional(z.nullable(z.object({ question: z.string(), byMemberId: z.string(), at: z.string() }))),
  answeredAgencies: z.number(),
  listedMeetingId: optionalString,
});
export type ScreeningItem = z.infer<typeof screeningItemSchema>;
export const screeningQueueSchema = z.array(screeningItemSchema);

export const auditLineSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: optionalString,
  actorAgencyId: optionalString,
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  change: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  reason: optionalString,
});
export type AuditLine = z.infer<typeof auditLineSchema>;
export const caseAuditSchema = z.object({ caseId: z.string(), ref: z.string(), events: z.array(auditLineSchema) });

/** Any answer at all: for commands whose answer the tab does not read. */
export const anything = z.unknown();

/** application/problem+json (RFC 9457), as every error from the API. */
export const problemSchema = z.object({
  title: optionalString,
  status: z.optional(z.number()),
  detail: optionalString,
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  /** The user (or an admin) must consent before the server can act for them: the tab offers consent. */
  consentRequired: optionalBoolean,
});
