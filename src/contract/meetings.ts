import { z } from 'zod';
import {
  AGENDA_ITEM_KINDS, ATTENDANCE_STATUSES, CLOSURE_REASONS, DECISION_OUTCOMES, MEETING_STATUSES, RISK_LEVELS,
  type AgendaItemKind, type DecisionOutcome,
} from '../domain/enums';
import { actionItemSchema } from './actions';
import { awaitingItemSchema } from './cases';
import { infoSharingSchema } from './records';
import { expectedVersion, id, isoDate, isoDateTime, optionalText, text } from './fields';

export const meetingItemSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  status: z.enum(MEETING_STATUSES),
  chairId: z.string(),
  chairName: z.string(),
  teamsLink: z.string().optional(),
  papersIssuedAt: z.string().optional(),
  minutesIssuedAt: z.string().optional(),
});
export type MeetingItem = z.infer<typeof meetingItemSchema>;
export const meetingListSchema = z.array(meetingItemSchema);

export const agendaLineSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  kind: z.enum(AGENDA_ITEM_KINDS),
  minutesAllotted: z.number(),
  presentingAgencyId: z.string().optional(),
  caseId: z.string().optional(),
  caseRef: z.string().optional(),
  caseInitials: z.string().optional(),
  /** A restricted case the actor may not see: the line is shown, the case is not. */
  restricted: z.literal(true).optional(),
  /** A restricted case the actor may see: shared surfaces still hide its reference and initials. */
  caseRestricted: z.literal(true).optional(),
  /** Whether the actor may open the case the line is about (false for a line about no case). */
  canOpen: z.boolean(),
});
export type AgendaLine = z.infer<typeof agendaLineSchema>;

/** The next panel that has not started, with its agenda; null when none is planned. */
export const nextMeetingSchema = meetingItemSchema.extend({ agenda: z.array(agendaLineSchema) }).nullable();
export type NextMeeting = z.infer<typeof nextMeetingSchema>;

export const homeSchema = z.object({
  myActions: z.array(actionItemSchema),
  awaitingMyAgency: z.array(awaitingItemSchema),
  /** How many await the agency's answer in all: the list holds the oldest few. */
  awaitingTotal: z.number().int().min(0),
  nextMeeting: nextMeetingSchema,
});
export type HomeView = z.infer<typeof homeSchema>;

/* ------------------------------------------------------------------------------------------------------------------
 * Running a panel in its Teams meeting (issue 10). Every command on a meeting answers with the caller's meeting view
 * (`meetingViewSchema`), so the tab redraws from one shape whatever it pressed; the live stream sends the same view.
 * ---------------------------------------------------------------------------------------------------------------- */

/** Which decisions each kind of item takes (docs/domain.md): screening for a new referral, a review's outcomes otherwise. */
export const OUTCOMES_BY_ITEM_KIND = {
  new_referral: ['accept', 'decline', 'defer'],
  review: ['continue', 'close', 'escalate_s42', 'refer_marac', 'refer_mappa', 'refer_learning_review'],
  overdue_actions: ['continue', 'close', 'escalate_s42', 'refer_marac', 'refer_mappa', 'refer_learning_review'],
  escalation: ['continue', 'close', 'escalate_s42', 'refer_marac', 'refer_mappa', 'refer_learning_review'],
  closure_proposal: ['continue', 'close', 'escalate_s42', 'refer_marac', 'refer_mappa', 'refer_learning_review'],
  /** Any other business is minuted, not decided. */
  any_other_business: [],
} as const satisfies Record<AgendaItemKind, readonly DecisionOutcome[]>;

/** Where an item stands while the meeting runs. */
export const AGENDA_ITEM_STATES = ['upcoming', 'current', 'done'] as const;

/**
 * One line of the running agenda as the caller may see it (surface rule 5, as `agendaLineSchema`), with what the
 * meeting needs: its place in the running order, any other business' title and the decision taken on it.
 */
export const runningAgendaLineSchema = agendaLineSchema.extend({
  /** Any other business: its one-line title (never an adult's name). */
  title: z.string().optional(),
  /** Other reasons the case qualified (it is listed once, under its most urgent kind). */
  alsoBecause: z.array(z.enum(AGENDA_ITEM_KINDS)).optional(),
  state: z.enum(AGENDA_ITEM_STATES),
  /** The decision recorded on this item in this meeting, if any. */
  decisionOutcome: z.enum(DECISION_OUTCOMES).optional(),
});
export type RunningAgendaLine = z.infer<typeof runningAgendaLineSchema>;

/** The item being discussed, with its clock: the tab counts down from `endsAt` against `serverTime`. */
export const currentItemSchema = z.object({
  agendaItemId: z.string(),
  order: z.number().int(),
  startedAt: z.string(),
  /** startedAt + minutesAllotted. */
  endsAt: z.string(),
  /** At `serverTime`; negative when the item has overrun. */
  secondsLeft: z.number().int(),
});
export type CurrentItem = z.infer<typeof currentItemSchema>;

export const attendanceLineSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  /** Absent for a guest who is not a member of the partnership. */
  memberId: z.string().optional(),
  /** A professional's name (never an adult's). */
  name: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  confidentialityAgreed: z.boolean(),
});
export type AttendanceLine = z.infer<typeof attendanceLineSchema>;

export const quorumViewSchema = z.object({
  quorate: z.boolean(),
  chairPresent: z.boolean(),
  chairRequired: z.boolean(),
  coreAgenciesPresent: z.array(z.string()),
  coreAgenciesMissing: z.array(z.string()),
  coreAgenciesNeeded: z.number().int(),
  /** Why not, in plain words; empty when quorate. */
  reasons: z.array(z.string()),
});
export type QuorumView = z.infer<typeof quorumViewSchema>;

/**
 * A decision taken in this meeting. The rationale and the rest are sent only to those who may read the case
 * (`detail` present); others see the item's outcome only.
 */
export const meetingDecisionSchema = z.object({
  id: z.string(),
  agendaItemId: z.string().optional(),
  caseId: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  decidedAt: z.string(),
  /** Taken while the meeting was not quorate. */
  inquorate: z.boolean(),
  detail: z.object({
    rationale: z.string(),
    alternativesConsidered: z.string().optional(),
    dissent: z.string().optional(),
    infoSharing: infoSharingSchema.optional(),
  }).optional(),
});
export type MeetingDecision = z.infer<typeof meetingDecisionSchema>;

/** Time from the end of the meeting to the minutes, in England and Wales working days, against the 3-day standard. */
export const minutesTimelinessSchema = z.object({
  standardWorkingDays: z.number().int(),
  /** Working days from the meeting's end to the minutes' issue (or to today while they are not issued). */
  workingDays: z.number().int(),
  issued: z.boolean(),
  /** Issued within the standard, or still inside it. */
  withinStandard: z.boolean(),
});
export type MinutesTimeliness = z.infer<typeof minutesTimelinessSchema>;

/** The editable parts of the draft minutes (the rest is generated from the record). */
export const minutesDraftSchema = z.object({
  generatedAt: z.string(),
  /** Notes per item (what was discussed; no adult's name: the document goes to every member). */
  itemNotes: z.array(z.object({ agendaItemId: z.string(), notes: z.string() })),
  generalNotes: z.string().optional(),
  /** The next meeting, as the minutes should say it (e.g. "Tuesday 12 January 2027, 10:00, Teams"). */
  nextMeeting: z.string().optional(),
  approvedAt: z.string().optional(),
  approvedById: z.string().optional(),
});
export type MinutesDraft = z.infer<typeof minutesDraftSchema>;

/** What the caller may do with this meeting now: the policy and the meeting's state together. */
export const MEETING_RUN_ABILITIES = [
  'editAgenda', 'publishAgenda', 'start', 'drive', 'recordDecision', 'recordAttendance', 'end', 'editMinutes',
  'approveMinutes', 'issueMinutes',
] as const;
export type MeetingRunAbility = (typeof MEETING_RUN_ABILITIES)[number];
export const meetingRunAbilitiesSchema = z.object(
  Object.fromEntries(MEETING_RUN_ABILITIES.map((k) => [k, z.boolean()])) as Record<MeetingRunAbility, z.ZodBoolean>,
);
export type MeetingRunAbilities = z.infer<typeof meetingRunAbilitiesSchema>;

/** The caller's part in this meeting, as the server judged it from the stored meeting (never from the client). */
export const MEETING_ROLES = ['chair', 'deputy', 'coordinator', 'member', 'viewer'] as const;

/** GET /api/meetings/:id: one person's view of a meeting (side panel, meeting page). */
export const meetingViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  lengthMinutes: z.number().int(),
  status: z.enum(MEETING_STATUSES),
  chairId: z.string(),
  chairName: z.string(),
  deputyChairId: z.string().optional(),
  deputyChairName: z.string().optional(),
  teamsLink: z.string().optional(),
  teamsMeetingId: z.string().optional(),
  papersIssuedAt: z.string().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  minutesIssuedAt: z.string().optional(),
  /** A link to the minutes document (SharePoint in production, the server locally); never the file itself. */
  minutesDocumentUrl: z.string().optional(),
  myRole: z.enum(MEETING_ROLES),
  /** The server's clock when the view was made: the tab's countdown runs against it, not the device's clock. */
  serverTime: z.string(),
  current: currentItemSchema.nullable(),
  agenda: z.array(runningAgendaLineSchema),
  /** Total time against the length, with the builder's warning when the items do not fit. */
  timing: z.object({ totalMinutes: z.number().int(), lengthMinutes: z.number().int(), overrunMinutes: z.number().int(), warning: z.string().optional() }),
  /** Empty for viewers. */
  attendance: z.array(attendanceLineSchema),
  quorum: quorumViewSchema,
  decisions: z.array(meetingDecisionSchema),
  /** Held meetings: the draft (or approved) minutes; coordinators and the chair only. */
  minutes: minutesDraftSchema.optional(),
  minutesTimeliness: minutesTimelinessSchema.optional(),
  can: meetingRunAbilitiesSchema,
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

/** One line of the stage's running order: what a room may see (surface rule 5: "Restricted case" stands in). */
export const stageLineSchema = z.object({
  order: z.number().int(),
  kind: z.enum(AGENDA_ITEM_KINDS),
  /** "CASPA-2026-0014 · J.D.", "Restricted case", or any other business' title. */
  label: z.string(),
  minutesAllotted: z.number().int(),
  state: z.enum(AGENDA_ITEM_STATES),
});
export type StageLine = z.infer<typeof stageLineSchema>;

/** GET /api/meetings/:id/stage: the shared stage view. Same for every participant; no names, no narrative. */
export const stageViewSchema = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
  serverTime: z.string(),
  current: z.strictObject({
    order: z.number().int(),
    kind: z.enum(AGENDA_ITEM_KINDS),
    label: z.string(),
    minutesAllotted: z.number().int(),
    endsAt: z.string(),
    secondsLeft: z.number().int(),
  }).nullable(),
  /** The next item, if any. */
  next: stageLineSchema.nullable(),
  runningOrder: z.array(stageLineSchema),
  quorate: z.boolean(),
});
export type StageView = z.infer<typeof stageViewSchema>;

/* Request bodies. Every one that changes a meeting may carry the version the caller read (stale: 409). */

export const quorumRuleSchema = z.object({
  coreAgencyIds: z.array(id).max(50),
  minCoreShare: z.number().min(0).max(1),
  chairRequired: z.boolean(),
}).strict();

/** POST /api/meetings (coordinators). */
export const scheduleMeetingBodySchema = z.object({
  title: text(200),
  startsAt: isoDateTime,
  lengthMinutes: z.number().int().min(15).max(480),
  chairId: id,
  deputyChairId: id.optional(),
  quorum: quorumRuleSchema,
  /** The Teams meeting it runs in: its join link and, when known, its meeting id (for the bot's start/end events). */
  teamsLink: z.url().max(2000).optional(),
  teamsMeetingId: z.string().trim().min(1).max(500).optional(),
}).strict();
export type ScheduleMeetingBody = z.input<typeof scheduleMeetingBodySchema>;

/** POST /api/meetings/:id/agenda: (re)build the default agenda from the records (coordinators; planned meetings). */
export const buildAgendaBodySchema = z.object({
  expectedVersion,
  minutesPerKind: z.partialRecord(z.enum(AGENDA_ITEM_KINDS), z.number().int().min(1).max(240)).optional(),
  anyOtherBusiness: z.array(z.object({ title: text(120), minutesAllotted: z.number().int().min(1).max(240).optional() }).strict()).max(20).optional(),
}).strict();
export type BuildAgendaBody = z.input<typeof buildAgendaBodySchema>;

/** One coordinator edit; items are named by their order (1-based) in the agenda at `expectedVersion`. */
export const agendaEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('move'), from: z.number().int(), to: z.number().int() }).strict(),
  z.object({ op: z.literal('remove'), order: z.number().int() }).strict(),
  z.object({ op: z.literal('addAnyOtherBusiness'), title: text(120), minutesAllotted: z.number().int(), at: z.number().int().optional() }).strict(),
  z.object({ op: z.literal('retime'), order: z.number().int(), minutesAllotted: z.number().int() }).strict(),
]);
export type AgendaEdit = z.infer<typeof agendaEditSchema>;
/** POST /api/meetings/:id/agenda/edits. */
export const editAgendaBodySchema = z.object({ expectedVersion, edit: agendaEditSchema }).strict();
export type EditAgendaBody = z.input<typeof editAgendaBodySchema>;

/** POST publication, start, end, minutes approval and issue: only the version read. */
export const meetingStepBodySchema = z.object({ expectedVersion }).strict();

/** POST /api/meetings/:id/arrival: opening the side panel; no version, since a first arrival never conflicts. */
export const joinMeetingBodySchema = z.object({}).strict();
export type JoinMeetingBody = z.input<typeof joinMeetingBodySchema>;
export type MeetingStepBody = z.input<typeof meetingStepBodySchema>;

/** POST /api/meetings/:id/current-item (the chair): the item to discuss now. */
export const moveToItemBodySchema = z.object({ expectedVersion, agendaItemId: id }).strict();
export type MoveToItemBody = z.input<typeof moveToItemBodySchema>;

/** An action agreed on the spot, with the decision. */
export const newMeetingActionSchema = z.object({
  description: text(2000),
  successMeasure: text(1000),
  ownerId: id,
  dueDate: isoDate,
}).strict();

/** POST /api/meetings/:id/decisions (the chair). Rationale, alternatives, dissent and information sharing are required. */
export const recordDecisionBodySchema = z.object({
  expectedVersion,
  agendaItemId: id,
  outcome: z.enum(DECISION_OUTCOMES),
  rationale: text(4000),
  alternativesConsidered: text(4000),
  /** "None" when nobody dissented: the minutes must say so. */
  dissent: text(4000),
  infoSharing: z.object({ what: text(1000), withWhom: text(1000), why: text(1000), basis: text(500) }).strict(),
  /** Accept: the lead agency and lead professional (required). */
  leadAgencyId: id.optional(),
  leadProfessionalId: id.optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  nextReviewDate: isoDate.optional(),
  /** Close: why (required). */
  closureReason: z.enum(CLOSURE_REASONS).optional(),
  actions: z.array(newMeetingActionSchema).max(20).optional(),
}).strict();
export type RecordDecisionBody = z.input<typeof recordDecisionBodySchema>;

/** POST /api/meetings/:id/attendance (the chair, or a coordinator): one person's line, new or corrected. */
export const recordAttendanceBodySchema = z.object({
  expectedVersion,
  /** Correct an existing line; absent: add one. */
  attendanceId: id.optional(),
  /** A member of the partnership; or a guest by `name` and `agencyId`. */
  memberId: id.optional(),
  name: text(200).optional(),
  agencyId: id.optional(),
  status: z.enum(ATTENDANCE_STATUSES),
  confidentialityAgreed: z.boolean(),
}).strict();
export type RecordAttendanceBody = z.input<typeof recordAttendanceBodySchema>;

/** PUT /api/meetings/:id/minutes (coordinators, the chair): edits to the draft; approval is undone by an edit. */
export const editMinutesBodySchema = z.object({
  expectedVersion,
  itemNotes: z.array(z.object({ agendaItemId: id, notes: optionalText(8000) }).strict()).max(200).optional(),
  generalNotes: optionalText(8000),
  nextMeeting: optionalText(300),
}).strict();
export type EditMinutesBody = z.input<typeof editMinutesBodySchema>;

/** GET /api/meetings: the list, with each held meeting's minutes timeliness. */
export const meetingSummarySchema = meetingItemSchema.extend({
  lengthMinutes: z.number().int().optional(),
  endedAt: z.string().optional(),
  minutesTimeliness: minutesTimelinessSchema.optional(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

/**
 * The live stream, GET /api/meetings/:id/events?view=panel|stage, Server-Sent Events, authenticated like the API
 * (read it with fetch and the same Authorization header: EventSource cannot send one). Each event is
 * `event: snapshot`, `id: <meeting version>`, `data: <LiveEvent as JSON>`: the whole view, on connect and on every
 * change. A comment line (`: heartbeat`) comes every 15 s. Reconnecting with `Last-Event-ID` (header, or
 * `?lastEventId=`) sends the current snapshot at once when the meeting changed since that id, else waits for the next.
 * `event: gone` (data `{ "meetingId" }`) means the caller may no longer follow the meeting: stop reconnecting.
 */
export const LIVE_VIEWS = ['panel', 'stage'] as const;
export type LiveView = (typeof LIVE_VIEWS)[number];
export const liveEventSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('panel'), meetingId: z.string(), sequence: z.number().int(), meeting: meetingViewSchema }),
  z.object({ view: z.literal('stage'), meetingId: z.string(), sequence: z.number().int(), stage: stageViewSchema }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
/** How often the server sends a heartbeat comment; a client that hears nothing for twice this reconnects. */
export const LIVE_HEARTBEAT_MS = 15_000;

/** A meeting record as a command writes it (the commands' declared output; the API answers with the meeting view). */
export const meetingRecordSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  chairId: z.string(),
  deputyChairId: z.string().optional(),
  teamsLink: z.string().optional(),
  teamsMeetingId: z.string().optional(),
  chatConversationId: z.string().optional(),
  status: z.enum(MEETING_STATUSES),
  quorum: z.object({ coreAgencyIds: z.array(z.string()), minCoreShare: z.number(), chairRequired: z.boolean() }),
  lengthMinutes: z.number().int().optional(),
  papersIssuedAt: z.string().optional(),
  startedAt: z.string().optional(),
  currentItemId: z.string().optional(),
  currentItemStartedAt: z.string().optional(),
  endedAt: z.string().optional(),
  minutes: minutesDraftSchema.optional(),
  minutesIssuedAt: z.string().optional(),
  minutesDocumentUrl: z.string().optional(),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

/** GET /api/meetings/:id/minutes.docx: the minutes document itself (the route sends `content` as the response body). */
export const minutesFileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  content: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the file'),
}).strict();
export type MinutesFile = z.infer<typeof minutesFileSchema>;
