import {
  ACTION_PARENT_KINDS, ACTION_STATUSES, AGENCY_KINDS, AGENDA_ITEM_KINDS, ATTENDANCE_STATUSES, AUDIT_ACTIONS, CAPACITY_STATES, CASE_STATUSES,
  CHRONOLOGY_TYPES, CLOSURE_REASONS, CONSENT_STATES, DECISION_OUTCOMES, FINISHED_ACTION_STATUSES, LIVE_CASE_STATUSES, MEETING_STATUSES,
  REFERRAL_STATUSES, RISK_CATEGORIES, RISK_LEVELS, ROLES, SIGNIFICANCE_LEVELS,
} from '../../domain/enums';
import { LEARNING_REVIEW_KINDS, LEARNING_REVIEW_STATUSES } from '../../domain/boardWork';
import type { AppendKind, Condition, Kind, RecordMap } from '../port';
import { INDEXED_FIELDS } from '../schema';

/**
 * One schema drives both provisioning (scripts/provision.ts) and the SharePoint adapter: per record kind a list whose
 * columns a coordinator can read (plain-English names, choices, dates, yes/no, numbers), an index on every field the
 * app filters on (src/store/schema.ts), the full record as JSON in 'RecordJson', and the views coordinators use.
 * The record's version is the item's eTag counter, so a hand edit in SharePoint also counts as a change.
 */

export type ColumnType = 'text' | 'note' | 'choice' | 'multiChoice' | 'date' | 'dateTime' | 'boolean' | 'number';

export interface ColumnSpec {
  /** The record field the column mirrors; 'id' for the record id column. */
  field: string;
  /** SharePoint internal name: fixed for ever once provisioned. */
  name: string;
  displayName: string;
  type: ColumnType;
  /** Domain values (from src/domain/enums.ts); SharePoint shows them as plain-English labels. */
  choices?: readonly string[];
  indexed: boolean;
  required: boolean;
  unique?: boolean;
  hidden?: boolean;
  description?: string;
  /**
   * Set on a column no record field holds: the adapter computes it from the record on every write (and ignores it
   * on read), so SharePoint can lead a query with a selective index the record's own columns cannot give.
   */
  computed?: (record: Record<string, unknown>) => unknown;
}

/**
 * A computed column that answers a kind of query more selectively than the record's columns: when `applies` says the
 * query's conditions imply a record has a value in `column`, the conditions on `field` are sent on `column` instead,
 * first. E.g. open actions by due date: OpenDueDate holds only unfinished actions' due dates, so "open and due before
 * today" reads the open actions, never the years of finished ones (a status or due-date lead would reach those).
 */
export interface LeadRule {
  column: string;
  field: string;
  applies: (where: readonly Condition[]) => boolean;
  /** The fields whose conditions the column stands for: it leads only when the query has no others. */
  covers: readonly string[];
}

export interface ViewSpec {
  title: string;
  /** Internal names; LinkTitle is the item's Title with its edit menu. */
  fields: string[];
  /** CAML: <Where>, <OrderBy>, <GroupBy>. */
  query: string;
  rowLimit: number;
}

export interface ListSpec {
  kind: Kind;
  displayName: string;
  description: string;
  /** What the Title column is called in this list (it holds a short label, never the adult's name). */
  titleDisplayName: string;
  title: (record: Record<string, unknown>) => string;
  columns: ColumnSpec[];
  views: ViewSpec[];
  appendOnly: boolean;
  /** Values for fields held only in RecordJson, used when a hand edit damaged it. */
  defaults: Record<string, unknown>;
  leads: LeadRule[];
}

export const RECORD_ID = 'RecordId';
export const RECORD_JSON = 'RecordJson';
export const IDEMPOTENCY_KEY = 'IdempotencyKey';
/** What a single line of text holds; a longer value is cut in its column and kept whole in RecordJson. */
export const TEXT_LIMIT = 255;

const ACRONYMS = new Set(['s42', 'marac', 'mappa', 'cpa', 'nhs']);
/** 'info_requested' → 'Info requested', 'refer_marac' → 'Refer MARAC'. */
export function choiceLabel(value: string): string {
  const words = value.split('_').map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const first = words[0] ?? '';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ');
}

const APPEND_KINDS: readonly AppendKind[] = ['chronology', 'decisions', 'audit', 'outbox'];

interface ColumnInput {
  field: string;
  displayName: string;
  type: ColumnType;
  name?: string;
  choices?: readonly string[];
  required?: boolean;
  /** Indexed for a coordinator view even though the app never filters on it. */
  indexForViews?: boolean;
  description?: string;
  hidden?: boolean;
  computed?: ColumnSpec['computed'];
}

const pascal = (field: string) => field.charAt(0).toUpperCase() + field.slice(1);
const short = (s: unknown, n = 255) => {
  const text = String(s ?? '').replace(/\s+/g, ' ').trim();
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
};

const caml = {
  in: (name: string, values: readonly string[]) =>
    `<In><FieldRef Name="${name}"/><Values>${values.map((v) => `<Value Type="Choice">${choiceLabel(v)}</Value>`).join('')}</Values></In>`,
  orderBy: (...fields: [string, boolean][]) => `<OrderBy>${fields.map(([n, asc]) => `<FieldRef Name="${n}" Ascending="${asc ? 'TRUE' : 'FALSE'}"/>`).join('')}</OrderBy>`,
  groupBy: (name: string) => `<GroupBy Collapse="FALSE" GroupLimit="30"><FieldRef Name="${name}"/></GroupBy>`,
};

const UNFINISHED_ACTIONS = ACTION_STATUSES.filter((s) => !FINISHED_ACTION_STATUSES.includes(s));

/** A condition that only unfinished actions meet: status equal to, or one of, unfinished statuses. */
function isOpenStatusCondition(c: Condition): boolean {
  if (c.field !== 'status') return false;
  const values = c.op === 'eq' ? [c.value] : c.op === 'in' ? c.value : [];
  return values.length > 0 && values.every((v) => UNFINISHED_ACTIONS.includes(v as never));
}

/** A condition that only live cases meet: status equal to, or one of, the live statuses. */
function isLiveStatusCondition(c: Condition): boolean {
  if (c.field !== 'status') return false;
  const values = c.op === 'eq' ? [c.value] : c.op === 'in' ? c.value : [];
  return values.length > 0 && values.every((v) => LIVE_CASE_STATUSES.includes(v as never));
}

/** A comparison on the field, which no record without a value in it meets. */
const isDateRange = (field: string) => (c: Condition): boolean => c.field === field && ['eq', 'lt', 'le', 'gt', 'ge'].includes(c.op);

function list(
  kind: Kind,
  displayName: string,
  description: string,
  titleDisplayName: string,
  title: ListSpec['title'],
  columns: ColumnInput[],
  views: ViewSpec[] = [],
  defaults: Record<string, unknown> = {},
  leads: LeadRule[] = [],
): ListSpec {
  const appendOnly = (APPEND_KINDS as readonly string[]).includes(kind);
  const specs: ColumnSpec[] = [
    { field: 'id', name: RECORD_ID, displayName: 'Record id', type: 'text', indexed: true, required: true, unique: true, description: 'RiskPanel’s id for this record. Do not change it.' },
    ...columns.map((c) => ({
      field: c.field,
      name: c.name ?? pascal(c.field),
      displayName: c.displayName,
      type: c.type,
      ...(c.choices ? { choices: c.choices } : {}),
      indexed: INDEXED_FIELDS[kind].includes(c.field) || !!c.indexForViews || !!c.computed,
      required: !!c.required,
      ...(c.description ? { description: c.description } : {}),
      ...(c.hidden ? { hidden: true } : {}),
      ...(c.computed ? { computed: c.computed } : {}),
    })),
    {
      field: '*',
      name: RECORD_JSON,
      displayName: 'Record (RiskPanel data)',
      type: 'note',
      indexed: false,
      required: false,
      hidden: true,
      description: 'The full record as RiskPanel saved it. Edit the other columns instead; RiskPanel keeps this one in step.',
    },
  ];
  if (appendOnly) {
    specs.push({ field: 'idempotencyKey', name: IDEMPOTENCY_KEY, displayName: 'Idempotency key', type: 'text', indexed: true, required: false, unique: true, hidden: true });
  }
  return { kind, displayName, description, titleDisplayName, title, columns: specs, views, appendOnly, defaults, leads };
}

export const LISTS: Readonly<Record<Kind, ListSpec>> = {
  agencies: list('agencies', 'Agencies', 'The partner agencies of the panel.', 'Agency', (r) => short(r.name), [
    { field: 'shortName', displayName: 'Short name', type: 'text', required: true },
    { field: 'kind', name: 'AgencyKind', displayName: 'Kind of agency', type: 'choice', choices: AGENCY_KINDS, required: true },
    { field: 'active', displayName: 'Active', type: 'boolean' },
  ]),

  members: list('members', 'Members', 'People who use RiskPanel, their agency and roles.', 'Name', (r) => short(r.name), [
    { field: 'email', displayName: 'Email', type: 'text', required: true, description: 'Lower case.' },
    { field: 'aadObjectId', displayName: 'Entra object id', type: 'text', required: true },
    { field: 'agencyId', displayName: 'Agency id', type: 'text', required: true },
    { field: 'roles', displayName: 'Roles', type: 'multiChoice', choices: ROLES },
    { field: 'agencyLead', displayName: 'Agency lead', type: 'boolean' },
    { field: 'active', displayName: 'Active', type: 'boolean' },
  ], [], { roles: [] }),

  cases: list(
    'cases',
    'Cases',
    'Referrals and the cases they become. Shared views show the reference and initials only.',
    'Case',
    (r) => short(`${String(r.ref ?? '')} ${String(r.initials ?? '')}`),
    [
      { field: 'ref', displayName: 'Reference', type: 'text', required: true },
      { field: 'status', name: 'CaseStatus', displayName: 'Status', type: 'choice', choices: CASE_STATUSES, required: true },
      { field: 'riskLevel', displayName: 'Risk level', type: 'choice', choices: RISK_LEVELS },
      { field: 'leadAgencyId', displayName: 'Lead agency id', type: 'text' },
      { field: 'referrerAgencyId', displayName: 'Referring agency id', type: 'text', required: true },
      { field: 'nextReviewDate', displayName: 'Next review date', type: 'date' },
      { field: 'initials', displayName: 'Initials', type: 'text', required: true },
      { field: 'createdAt', displayName: 'Referred at', type: 'dateTime', required: true },
      { field: 'receivedAt', displayName: 'Received at', type: 'dateTime' },
      { field: 'leadProfessionalId', displayName: 'Lead professional id', type: 'text' },
      { field: 'riskCategories', displayName: 'Risk categories', type: 'multiChoice', choices: RISK_CATEGORIES },
      { field: 'capacity', displayName: 'Mental capacity', type: 'choice', choices: CAPACITY_STATES, required: true },
      { field: 'consent', displayName: 'Consent', type: 'choice', choices: CONSENT_STATES, required: true },
      { field: 'adultAware', displayName: 'Adult aware of referral', type: 'boolean' },
      { field: 'childrenAtRisk', displayName: 'Children at risk', type: 'boolean' },
      { field: 'otherAdultsAtRisk', displayName: 'Other adults at risk', type: 'boolean' },
      { field: 'advocacyNeeded', displayName: 'Advocacy needed', type: 'boolean' },
      { field: 'restricted', displayName: 'Restricted', type: 'boolean' },
      { field: 'riskLevelAtAcceptance', displayName: 'Risk level at acceptance', type: 'choice', choices: RISK_LEVELS },
      { field: 'acceptedAt', displayName: 'Accepted at', type: 'dateTime' },
      { field: 'closureReason', displayName: 'Closure reason', type: 'choice', choices: CLOSURE_REASONS },
      { field: 'closedAt', displayName: 'Closed at', type: 'dateTime' },
      { field: 'retentionDate', displayName: 'Keep until', type: 'date' },
      { field: 'legalHold', displayName: 'Legal hold', type: 'boolean' },
      {
        field: 'closureProposal.proposedAt',
        name: 'ClosureProposedAt',
        displayName: 'Closure proposed at',
        type: 'dateTime',
        hidden: true,
        description: 'When the lead proposed closing the case, empty once the panel has answered. RiskPanel keeps it in step; the agenda reads by it.',
        computed: (r) => (r.closureProposal as { proposedAt?: string } | undefined)?.proposedAt,
      },
      {
        field: '~liveReviewDate',
        name: 'LiveReviewDate',
        displayName: 'Next review date (live cases)',
        type: 'date',
        hidden: true,
        description: 'The next review date while the case is open or escalated, empty otherwise. RiskPanel keeps it in step; the agenda reads by it.',
        computed: (r) => (LIVE_CASE_STATUSES.includes(r.status as never) ? r.nextReviewDate : undefined),
      },
    ],
    [
      {
        title: 'Awaiting screening',
        fields: ['LinkTitle', 'CaseStatus', 'ReferrerAgencyId', 'CreatedAt', 'RiskCategories', 'Consent'],
        query: `<Where>${caml.in('CaseStatus', REFERRAL_STATUSES.filter((s) => s !== 'draft'))}</Where>${caml.orderBy(['CreatedAt', true])}`,
        rowLimit: 100,
      },
      {
        title: 'Open cases by risk',
        fields: ['LinkTitle', 'RiskLevel', 'CaseStatus', 'LeadAgencyId', 'NextReviewDate'],
        query: `${caml.groupBy('RiskLevel')}<Where>${caml.in('CaseStatus', LIVE_CASE_STATUSES)}</Where>${caml.orderBy(['NextReviewDate', true])}`,
        rowLimit: 100,
      },
      {
        title: 'Reviews due',
        fields: ['LinkTitle', 'NextReviewDate', 'RiskLevel', 'LeadAgencyId', 'CaseStatus'],
        query:
          `<Where><And>${caml.in('CaseStatus', LIVE_CASE_STATUSES)}` +
          `<Leq><FieldRef Name="NextReviewDate"/><Value Type="DateTime"><Today OffsetDays="14"/></Value></Leq></And></Where>` +
          caml.orderBy(['NextReviewDate', true]),
        rowLimit: 100,
      },
    ],
    { involvements: [], namedMemberIds: [], riskCategories: [], otherProcessesConsidered: [], adult: { name: '' } },
    // Reviews due: live cases' review dates only, never the closed cases that keep theirs for years.
    [{ column: 'LiveReviewDate', field: 'nextReviewDate', applies: (where) => where.some(isLiveStatusCondition) && where.some(isDateRange('nextReviewDate')), covers: ['status', 'nextReviewDate'] }],
  ),

  riskAssessments: list('riskAssessments', 'Risk assessments', 'Multi-agency risk assessments, one version per row.', 'Assessment', (r) => `Assessment ${String(r.assessmentNumber ?? '')}`, [
    { field: 'caseId', displayName: 'Case id', type: 'text', required: true },
    { field: 'assessmentNumber', displayName: 'Assessment number', type: 'number', required: true },
    { field: 'assessedAt', displayName: 'Assessed at', type: 'dateTime', required: true },
    { field: 'assessedById', displayName: 'Assessed by id', type: 'text', required: true },
    { field: 'overallLevel', displayName: 'Overall risk level', type: 'choice', choices: RISK_LEVELS, required: true },
  ], [], { domains: [] }),

  actions: list(
    'actions',
    'Actions',
    'SMART actions of cases, learning reviews and board plans.',
    'Action',
    (r) => short(r.description),
    [
      { field: 'status', name: 'ActionStatus', displayName: 'Status', type: 'choice', choices: ACTION_STATUSES, required: true },
      { field: 'dueDate', displayName: 'Due date', type: 'date', required: true },
      { field: 'ownerId', displayName: 'Owner id', type: 'text', required: true },
      { field: 'agencyId', displayName: 'Agency id', type: 'text', required: true },
      { field: 'parentKind', displayName: 'Belongs to', type: 'choice', choices: ACTION_PARENT_KINDS, required: true },
      { field: 'parentId', displayName: 'Parent id', type: 'text', required: true },
      { field: 'description', displayName: 'Description', type: 'note', required: true },
      { field: 'successMeasure', displayName: 'How we know it is done', type: 'note', required: true },
      { field: 'createdAt', displayName: 'Created at', type: 'dateTime', required: true },
      { field: 'completedAt', displayName: 'Completed at', type: 'dateTime' },
      {
        field: '~openDueDate',
        name: 'OpenDueDate',
        displayName: 'Due date (open actions)',
        type: 'date',
        hidden: true,
        description: 'The due date while the action is open, empty once it is finished. RiskPanel keeps it in step; the overdue scan reads by it.',
        computed: (r) => (UNFINISHED_ACTIONS.includes(r.status as never) ? r.dueDate : undefined),
      },
    ],
    [
      {
        title: 'Overdue actions',
        fields: ['LinkTitle', 'DueDate', 'ActionStatus', 'AgencyId', 'OwnerId', 'ParentId'],
        query:
          `<Where><And><Lt><FieldRef Name="DueDate"/><Value Type="DateTime"><Today/></Value></Lt>` +
          `${caml.in('ActionStatus', UNFINISHED_ACTIONS)}</And></Where>${caml.orderBy(['DueDate', true])}`,
        rowLimit: 100,
      },
      {
        title: 'Actions by agency',
        fields: ['LinkTitle', 'AgencyId', 'ActionStatus', 'DueDate', 'OwnerId'],
        query: `${caml.groupBy('AgencyId')}${caml.orderBy(['DueDate', true])}`,
        rowLimit: 100,
      },
    ],
    { progress: [], dueDateChanges: [] },
    [{ column: 'OpenDueDate', field: 'dueDate', applies: (where) => where.some(isOpenStatusCondition), covers: ['status', 'dueDate'] }],
  ),

  chronology: list('chronology', 'Chronology', 'What happened to the adult, in order, as each agency recorded it. Entries are never edited: a correction is a new entry.', 'Entry', (r) => short(`${choiceLabel(String(r.type ?? ''))} ${String(r.occurredAt ?? '').slice(0, 10)}`), [
    { field: 'caseId', displayName: 'Case id', type: 'text', required: true },
    { field: 'occurredAt', displayName: 'Happened at', type: 'dateTime', required: true },
    { field: 'recordedAt', displayName: 'Recorded at', type: 'dateTime', required: true },
    { field: 'type', name: 'EntryType', displayName: 'Type', type: 'choice', choices: CHRONOLOGY_TYPES, required: true },
    { field: 'significance', displayName: 'Significance', type: 'choice', choices: SIGNIFICANCE_LEVELS, required: true },
    { field: 'sourceAgencyId', displayName: 'Source agency id', type: 'text', required: true },
    { field: 'summary', displayName: 'Summary', type: 'note', required: true },
    { field: 'correctsEntryId', displayName: 'Corrects entry id', type: 'text' },
  ]),

  meetings: list('meetings', 'Meetings', 'Panel meetings.', 'Meeting', (r) => short(r.title), [
    { field: 'startsAt', displayName: 'Starts at', type: 'dateTime', required: true },
    { field: 'status', name: 'MeetingStatus', displayName: 'Status', type: 'choice', choices: MEETING_STATUSES, required: true },
    { field: 'chairId', displayName: 'Chair id', type: 'text', required: true },
    { field: 'papersIssuedAt', displayName: 'Papers issued at', type: 'dateTime' },
    { field: 'minutesIssuedAt', displayName: 'Minutes issued at', type: 'dateTime' },
  ], [], { quorum: { coreAgencyIds: [], minCoreShare: 0, chairRequired: true } }),

  agendaItems: list('agendaItems', 'Agenda items', 'The items of each meeting, in order.', 'Item', (r) => short(`${String(r.order ?? '')}. ${choiceLabel(String(r.kind ?? ''))}`), [
    { field: 'meetingId', displayName: 'Meeting id', type: 'text', required: true },
    { field: 'caseId', displayName: 'Case id', type: 'text' },
    // "Order" is a built-in SharePoint field name.
    { field: 'order', name: 'ItemOrder', displayName: 'Order', type: 'number', required: true },
    { field: 'kind', name: 'ItemKind', displayName: 'Kind of item', type: 'choice', choices: AGENDA_ITEM_KINDS, required: true },
    { field: 'presentingAgencyId', displayName: 'Presenting agency id', type: 'text' },
    { field: 'minutesAllotted', displayName: 'Minutes allotted', type: 'number', required: true },
  ]),

  decisions: list(
    'decisions',
    'Decisions',
    'The formal decision log: every decision with its rationale. Never edited.',
    'Decision',
    (r) => short(choiceLabel(String(r.outcome ?? ''))),
    [
      { field: 'caseId', displayName: 'Case id', type: 'text', required: true },
      { field: 'meetingId', displayName: 'Meeting id', type: 'text' },
      { field: 'outcome', displayName: 'Outcome', type: 'choice', choices: DECISION_OUTCOMES, required: true, indexForViews: true },
      { field: 'rationale', displayName: 'Rationale', type: 'note', required: true },
      { field: 'decidedAt', displayName: 'Decided at', type: 'dateTime', required: true },
      { field: 'decidedById', displayName: 'Decided by id', type: 'text', required: true },
      { field: 'dissent', displayName: 'Dissent', type: 'note' },
      { field: 'referrerNotifiedAt', displayName: 'Referrer notified at', type: 'dateTime' },
    ],
    [
      {
        title: 'Decision log',
        fields: ['LinkTitle', 'Outcome', 'DecidedAt', 'CaseId', 'MeetingId', 'Rationale'],
        query: `<Where>${caml.in('Outcome', ['accept', 'decline'])}</Where>${caml.orderBy(['DecidedAt', false])}`,
        rowLimit: 100,
      },
    ],
  ),

  attendance: list('attendance', 'Attendance', 'Who attended each meeting, for which agency.', 'Name', (r) => short(r.name), [
    { field: 'meetingId', displayName: 'Meeting id', type: 'text', required: true },
    { field: 'memberId', displayName: 'Member id', type: 'text' },
    { field: 'agencyId', displayName: 'Agency id', type: 'text', required: true },
    { field: 'status', name: 'AttendanceStatus', displayName: 'Attendance', type: 'choice', choices: ATTENDANCE_STATUSES, required: true },
    { field: 'confidentialityAgreed', displayName: 'Confidentiality agreed', type: 'boolean' },
  ]),

  audit: list('audit', 'Audit trail', 'Every read of a case and every change: who, when, what and why. Never edited.', 'Event', (r) => short(`${String(r.action ?? '')} ${String(r.recordType ?? '')}`), [
    { field: 'at', displayName: 'At', type: 'dateTime', required: true },
    { field: 'actorId', displayName: 'Actor id', type: 'text', required: true },
    // "RecordId" is the audit event's own id column.
    { field: 'recordId', name: 'SubjectRecordId', displayName: 'Record viewed or changed', type: 'text', required: true },
    { field: 'action', name: 'AuditAction', displayName: 'Action', type: 'choice', choices: AUDIT_ACTIONS, required: true },
    { field: 'recordType', displayName: 'Record type', type: 'text', required: true },
    { field: 'actorAgencyId', displayName: 'Actor agency id', type: 'text', required: true },
    { field: 'correlationId', displayName: 'Correlation id', type: 'text', required: true },
    { field: 'reason', displayName: 'Reason', type: 'note' },
  ]),

  outbox: list('outbox', 'Outbox', 'Cards waiting to be posted to Teams, and what happened to them.', 'Card', (r) => short(r.kind), [
    { field: 'status', name: 'OutboxStatus', displayName: 'Status', type: 'choice', choices: ['pending', 'sent', 'failed'], required: true },
    { field: 'kind', name: 'MessageKind', displayName: 'Card', type: 'text', required: true },
    { field: 'attempts', displayName: 'Attempts', type: 'number', required: true },
    { field: 'createdAt', displayName: 'Created at', type: 'dateTime', required: true },
    { field: 'sentAt', displayName: 'Sent at', type: 'dateTime' },
    { field: 'lastError', displayName: 'Last error', type: 'note' },
  ], [], { payload: {}, deliveries: [] }),

  counters: list('counters', 'Counters', 'Sequence counters for case references. Do not edit.', 'Counter', (r) => short(r.id), [
    { field: 'value', displayName: 'Value', type: 'number', required: true },
  ]),

  conversations: list('conversations', 'Conversations', 'Teams chats and channels RiskPanel may post to.', 'Conversation', (r) => short(`${String(r.conversationType ?? '')} ${String(r.teamId ?? r.memberId ?? '')}`), [
    { field: 'conversationId', displayName: 'Conversation id', type: 'text', required: true },
    { field: 'memberId', displayName: 'Member id', type: 'text' },
    { field: 'isPartnershipChannel', displayName: 'Partnership channel', type: 'boolean' },
    { field: 'active', displayName: 'Active', type: 'boolean' },
    { field: 'conversationType', displayName: 'Kind of conversation', type: 'choice', choices: ['personal', 'groupChat', 'channel'], required: true },
    { field: 'serviceUrl', displayName: 'Service URL', type: 'text', required: true },
    { field: 'capturedAt', displayName: 'Captured at', type: 'dateTime', required: true },
  ]),

  leases: list('leases', 'Leases', 'Which RiskPanel instance runs the scheduled jobs. Do not edit.', 'Lease', (r) => short(r.id), [
    { field: 'holder', displayName: 'Holder', type: 'text', required: true },
    { field: 'expiresAt', displayName: 'Expires at', type: 'dateTime', required: true },
  ]),

  disposals: list('disposals', 'Disposals', 'Cases disposed of (or proposed for disposal) under the retention schedule: reference, dates and the two coordinators. Do not edit.', 'Disposal', (r) => short(r.ref), [
    { field: 'caseId', displayName: 'Case id', type: 'text', required: true },
    { field: 'ref', displayName: 'Reference', type: 'text', required: true },
    { field: 'status', name: 'DisposalStatus', displayName: 'Status', type: 'choice', choices: ['proposed', 'approved', 'cancelled'], required: true },
    { field: 'retentionDate', displayName: 'Retention date', type: 'date', required: true },
    { field: 'proposedAt', displayName: 'Proposed at', type: 'dateTime', required: true },
    { field: 'proposedById', displayName: 'Proposed by (member id)', type: 'text', required: true },
    { field: 'approvedAt', displayName: 'Approved at', type: 'dateTime' },
    { field: 'approvedById', displayName: 'Approved by (member id)', type: 'text' },
  ]),

  syncStates: list('syncStates', 'Sync state', 'Where RiskPanel got to reading changes made in each list (delta tokens). Do not edit.', 'List', (r) => short(r.id), [
    { field: 'syncedAt', displayName: 'Synced at', type: 'dateTime' },
  ]),

  learningReviews: list('learningReviews', 'Learning reviews', 'Safeguarding Adults Reviews and other learning reviews; recommendations are in the record, actions in Actions.', 'Review', (r) => short(`${String(r.ref ?? '')} ${String(r.title ?? '')}`), [
    { field: 'ref', displayName: 'Reference', type: 'text', required: true },
    { field: 'title', name: 'ReviewTitle', displayName: 'Title', type: 'text', required: true },
    { field: 'kind', name: 'ReviewKind', displayName: 'Kind of review', type: 'choice', choices: LEARNING_REVIEW_KINDS, required: true },
    { field: 'status', name: 'ReviewStatus', displayName: 'Status', type: 'choice', choices: LEARNING_REVIEW_STATUSES, required: true },
    { field: 'startedOn', displayName: 'Started on', type: 'date', required: true },
    { field: 'publishedOn', displayName: 'Published on', type: 'date' },
    { field: 'sourceCaseId', displayName: 'Source case id', type: 'text' },
    { field: 'createdAt', displayName: 'Created at', type: 'dateTime', required: true },
  ], [], { recommendations: [] }),

  planObjectives: list('planObjectives', 'Board plan', 'The board business plan: each row an objective under its priority; actions are in Actions.', 'Objective', (r) => short(`${String(r.priorityCode ?? '')}.${String(r.objectiveNumber ?? '')} ${String(r.objective ?? '')}`), [
    { field: 'planYear', displayName: 'Plan year', type: 'text', required: true },
    { field: 'priorityCode', displayName: 'Priority', type: 'text', required: true, indexForViews: true },
    { field: 'priorityTitle', displayName: 'Priority title', type: 'text', required: true },
    { field: 'objectiveNumber', displayName: 'Objective number', type: 'number', required: true },
    { field: 'objective', displayName: 'Objective', type: 'note', required: true },
    { field: 'successMeasure', displayName: 'How we measure progress', type: 'note', required: true },
    { field: 'createdAt', displayName: 'Created at', type: 'dateTime', required: true },
  ]),
};

/** The column holding a record field (or the record id), if any. */
export function columnFor(spec: ListSpec, field: string): ColumnSpec | undefined {
  return spec.columns.find((c) => c.field === field);
}

/** The internal names read back from every item: everything the adapter needs, nothing else. */
export function selectFor(spec: ListSpec): string[] {
  return ['Title', ...spec.columns.map((c) => c.name)];
}

export type AnyRecord = RecordMap[Kind];
