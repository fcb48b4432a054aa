import type {
  ActionParentKind, ActionStatus, AgencyKind, AgendaItemKind, AttendanceStatus, AuditAction, CapacityState, CaseStatus,
  ChronologyType, ClosureReason, ConsentState, DecisionOutcome, MeetingStatus, OtherProcess, RagRating, RiskCategory,
  RiskDomain, RiskLevel, Role, Significance,
} from './enums';
import type { LearningReviewKind, LearningReviewStatus } from './boardWork';

/** Every stored record has an id and a version; an update names the version it read (optimistic concurrency). */
export interface Versioned { id: string; version: number }
/** Append-only records carry the key that makes a retried append a no-op. */
export interface Appended extends Versioned { idempotencyKey: string }

export interface Agency extends Versioned {
  name: string;
  shortName: string;
  kind: AgencyKind;
  active: boolean;
  /** A core member of the panel (counts towards quorum and is expected at every meeting); absent means not core. */
  core?: boolean;
  /** The last quarterly access review the agency's lead confirmed: when and by whom. */
  accessReviewedAt?: string;
  accessReviewedById?: string;
}

export interface Member extends Versioned {
  aadObjectId: string;
  name: string;
  email: string;
  agencyId: string;
  roles: Role[];
  /** The member who answers for their agency's actions (may act on any of them). */
  agencyLead: boolean;
  active: boolean;
}

export interface Adult {
  name: string;
  dateOfBirth?: string;
  address?: string;
  postcode?: string;
  nhsNumber?: string;
}

export interface Involvement { agencyId: string; known: boolean; note?: string; byMemberId: string; at: string }

export interface CaseRecord extends Versioned {
  ref: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
  receivedAt?: string;
  referrerMemberId: string;
  referrerAgencyId: string;
  managerSignOff?: string;
  adult: Adult;
  /** Kept beside the name so shared surfaces never need the name itself. */
  initials: string;
  riskCategories: RiskCategory[];
  reasons: string;
  currentSupport: string;
  childrenAtRisk: boolean;
  otherAdultsAtRisk: boolean;
  othersAtRiskDetails?: string;
  capacity: CapacityState;
  adultAware: boolean;
  consent: ConsentState;
  noConsentReason?: string;
  lawfulBasis?: string;
  otherProcessesConsidered: OtherProcess[];
  adultViews: string;
  advocacyNeeded: boolean;
  leadAgencyId?: string;
  leadProfessionalId?: string;
  leadCoordinatorId?: string;
  riskLevel?: RiskLevel;
  riskLevelAtAcceptance?: RiskLevel;
  nextReviewDate?: string;
  contingencyPlan?: string;
  escalationPlan?: string;
  infoSharingArrangements?: string;
  involvements: Involvement[];
  infoRequest?: { question: string; byMemberId: string; at: string };
  restricted: boolean;
  namedMemberIds: string[];
  acceptedAt?: string;
  closureReason?: ClosureReason;
  closedAt?: string;
  retentionDate?: string;
  legalHold: boolean;
  repeatOfCaseId?: string;
  /** Break-glass openings by members outside the rules: each a time-limited read with its stated reason. */
  breakGlass?: BreakGlassGrant[];
  /** The lead's proposal that the panel close the case: it goes on the next agenda until the panel decides. */
  closureProposal?: ClosureProposal;
}

/** Who proposed closing a live case, when and why (narrative: never on a shared surface). */
export interface ClosureProposal {
  proposedAt: string;
  proposedById: string;
  rationale: string;
}

/** A member's break-glass opening of a case they could not otherwise read: read access until `until`. */
export interface BreakGlassGrant { memberId: string; agencyId: string; at: string; until: string; reason: string }

export interface DomainRating { domain: RiskDomain; rating: RagRating; evidence: string; sourceAgencyId?: string }
export interface RiskAssessment extends Versioned {
  caseId: string;
  assessmentNumber: number;
  assessedAt: string;
  assessedById: string;
  domains: DomainRating[];
  protectiveFactors: string;
  overallLevel: RiskLevel;
  adultView: string;
}

export interface ProgressNote { at: string; byMemberId: string; note: string }
export interface DueDateChange { at: string; byMemberId: string; from: string; to: string; reason: string }

/** A board-plan action's RAG status, set by its owner (or their lead) with a reason. */
export interface ActionRag { rating: RagRating; reason: string; at: string; byMemberId: string }

export interface ActionRecord extends Versioned {
  parentKind: ActionParentKind;
  parentId: string;
  description: string;
  successMeasure: string;
  ownerId: string;
  agencyId: string;
  dueDate: string;
  status: ActionStatus;
  createdAt: string;
  createdById: string;
  progress: ProgressNote[];
  dueDateChanges: DueDateChange[];
  completedAt?: string;
  completedById?: string;
  evidence?: string;
  /** A learning-review action: the recommendation (by its number in the review) it answers. */
  recommendationNumber?: number;
  /** A board-plan action: its RAG status as the owner last set it. */
  rag?: ActionRag;
}

/** One recommendation of a learning review, numbered as in the review's report. */
export interface Recommendation { id: string; number: number; text: string; addedAt: string; addedById: string }

/**
 * A learning review (a Safeguarding Adults Review, a domestic homicide review ...) and its recommendations; its
 * actions are ActionRecords with parentKind 'learning_review'. The title never names the adult: it shows to every
 * member and the reference shows on shared cards.
 */
export interface LearningReview extends Versioned {
  ref: string;
  title: string;
  kind: LearningReviewKind;
  /** The case the review came from, if any (shown only to those who may read that case). */
  sourceCaseId?: string;
  startedOn: string;
  publishedOn?: string;
  status: LearningReviewStatus;
  recommendations: Recommendation[];
  createdAt: string;
  createdById: string;
}

/**
 * One objective of the board's business plan under its priority (the priority is held on each of its objectives:
 * a plan has a handful). Its actions are ActionRecords with parentKind 'board_plan'.
 */
export interface PlanObjective extends Versioned {
  /** The plan year, "2026-27". */
  planYear: string;
  /** "SAB1": the priority's code as the board writes it. */
  priorityCode: string;
  priorityTitle: string;
  /** Numbered within the priority: SAB1.1, SAB1.2. */
  objectiveNumber: number;
  objective: string;
  /** How the board will measure progress and impact. */
  successMeasure: string;
  createdAt: string;
  createdById: string;
}

export interface ChronologyEntry extends Appended {
  caseId: string;
  occurredAt: string;
  recordedAt: string;
  recordedById: string;
  sourceAgencyId: string;
  type: ChronologyType;
  summary: string;
  significance: Significance;
  /** A mistake is corrected by a new entry that points at the old one. */
  correctsEntryId?: string;
}

export interface QuorumRule { coreAgencyIds: string[]; minCoreShare: number; chairRequired: boolean }
export interface Meeting extends Versioned {
  title: string;
  startsAt: string;
  chairId: string;
  teamsLink?: string;
  status: MeetingStatus;
  quorum: QuorumRule;
  papersIssuedAt?: string;
  minutesIssuedAt?: string;
  /** Planned length in minutes: the agenda builder warns when the items add up to more. */
  lengthMinutes?: number;
  /** When the meeting actually ended: the 3-working-day minutes standard counts from here. */
  endedAt?: string;
  /** A deputy the coordinator named: may drive the meeting like the chair. */
  deputyChairId?: string;
  /** The Teams meeting it runs in (bot start/end events find the meeting by it) and its chat, for the agenda card. */
  teamsMeetingId?: string;
  chatConversationId?: string;
  startedAt?: string;
  /** The item under discussion and when the chair moved to it (its clock). */
  currentItemId?: string;
  currentItemStartedAt?: string;
  /** Draft minutes, generated when the meeting ends; approved by the chair, then issued. */
  minutes?: MeetingMinutes;
  /** Where the issued minutes document is (SharePoint in production, the data folder locally). */
  minutesDocumentUrl?: string;
}

export interface MeetingMinutes {
  generatedAt: string;
  itemNotes: { agendaItemId: string; notes: string }[];
  generalNotes?: string;
  nextMeeting?: string;
  approvedAt?: string;
  approvedById?: string;
}

export interface AgendaItem extends Versioned {
  meetingId: string;
  order: number;
  kind: AgendaItemKind;
  caseId?: string;
  presentingAgencyId?: string;
  minutesAllotted: number;
  /** Other reasons the case qualified (it is listed once, under its most urgent kind). */
  alsoBecause?: AgendaItemKind[];
  /** Any other business has a short title instead of a case (never an adult's name: it shows on shared cards). */
  title?: string;
}

export interface InfoSharingDecision { what: string; withWhom: string; why: string; basis: string }
export interface Decision extends Appended {
  caseId: string;
  meetingId?: string;
  agendaItemId?: string;
  outcome: DecisionOutcome;
  rationale: string;
  alternativesConsidered?: string;
  dissent?: string;
  infoSharing?: InfoSharingDecision;
  decidedById: string;
  decidedAt: string;
  referrerNotifiedAt?: string;
  /** Taken while the meeting was not quorate: flagged in the record and the minutes. */
  inquorate?: boolean;
}

export interface Attendance extends Versioned {
  meetingId: string;
  memberId?: string;
  name: string;
  agencyId: string;
  status: AttendanceStatus;
  confidentialityAgreed: boolean;
}

export interface AuditEvent extends Appended {
  at: string;
  actorId: string;
  actorAgencyId: string;
  action: AuditAction;
  recordType: string;
  recordId: string;
  change?: Record<string, unknown>;
  reason?: string;
  correlationId: string;
  /** The hash chain (src/audit/chain.ts sets these; every event written since the chain began has them). */
  seq?: number;
  prevHash?: string;
  hash?: string;
}

export interface OutboxMessage extends Appended {
  kind: string;
  createdAt: string;
  /** What the card is about, by reference only: cards are rendered from the record when sent. */
  payload: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  sentAt?: string;
  lastError?: string;
  /** One entry per conversation the card goes to, written by the sender (src/notify/sender.ts). */
  deliveries?: OutboxDelivery[];
}

/**
 * The sender's record of one card to one conversation. 'sending' is written before the post, so after a crash the
 * sender knows the post may have happened; activityId is what an in-place update of the card needs.
 */
export interface OutboxDelivery {
  /** Deterministic (outbox id + conversation ref id): the same card to the same conversation always has this key. */
  key: string;
  conversationRefId: string;
  /** sending: posted or about to be (in doubt after a crash); retrying: answered with a passing failure. */
  state: 'sending' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  /** Where the activity lives: the conversation, or the new thread's conversation when one was started. */
  conversationId?: string;
  activityId?: string;
  sentAt?: string;
  error?: string;
}

export interface Counter extends Versioned { value: number }

/** Where proactive cards go: captured when the app is installed in a team, chat or personal scope. */
export interface ConversationRef extends Versioned {
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  serviceUrl: string;
  tenantId?: string;
  channelId?: string;
  teamId?: string;
  /** For a personal chat: the member it belongs to. */
  memberId?: string;
  /** The partnership channel that receives new-referral cards and overdue digests. */
  isPartnershipChannel: boolean;
  active: boolean;
  capturedAt: string;
  deactivatedAt?: string;
  deactivatedReason?: string;
}

/** A time-limited lease so only one instance runs a scheduled job. */
export interface Lease extends Versioned { holder: string; expiresAt: string }

/**
 * What is kept when a case is disposed of under the retention schedule: the reference, the dates and who proposed and
 * approved it (two coordinators), never the adult or the narrative. `removed` and `kept` count records by kind.
 */
export interface Disposal extends Versioned {
  caseId: string;
  ref: string;
  status: 'proposed' | 'approved' | 'cancelled';
  closedAt?: string;
  retentionDate: string;
  proposedAt: string;
  proposedById: string;
  reason: string;
  approvedAt?: string;
  approvedById?: string;
  removed?: Record<string, number>;
  kept?: Record<string, number>;
}

/** Where the SharePoint delta sync of one list got to (src/store/sharepoint/deltaSync.ts); the id is the record kind. */
export interface SyncState extends Versioned {
  deltaLink?: string;
  syncedAt?: string;
  /** A throttled delta page: not before this time (the token is kept). */
  retryAfter?: string;
  /** Full resyncs after an expired token (410). */
  resyncs?: number;
}
