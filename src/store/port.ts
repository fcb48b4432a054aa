import type {
  ActionRecord, Agency, AgendaItem, Attendance, AuditEvent, CaseRecord, ChronologyEntry, ConversationRef, Counter, Decision,
  Lease, Meeting, Member, OutboxMessage, RiskAssessment,
} from '../domain/records';

/** Every record kind the store holds; in SharePoint each is one list. */
export interface RecordMap {
  agencies: Agency;
  members: Member;
  cases: CaseRecord;
  riskAssessments: RiskAssessment;
  actions: ActionRecord;
  chronology: ChronologyEntry;
  meetings: Meeting;
  agendaItems: AgendaItem;
  decisions: Decision;
  attendance: Attendance;
  audit: AuditEvent;
  outbox: OutboxMessage;
  counters: Counter;
  conversations: ConversationRef;
  leases: Lease;
}
export type Kind = keyof RecordMap;
/** Kinds written only by append (with an idempotency key), never updated in place. */
export type AppendKind = 'chronology' | 'decisions' | 'audit' | 'outbox';

export type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type Scalar = string | number | boolean;
export interface Condition { field: string; op: Op; value: Scalar }

/**
 * A query may filter only on the kind's indexed fields (see schema.ts), as SharePoint demands past 5,000 items.
 * Conditions are ANDed. Ordering is by one indexed field or by id.
 */
export interface Query {
  where?: Condition[];
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
}

export type NewRecord<K extends Kind> = Omit<RecordMap[K], 'version'>;

export interface Tx {
  get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined>;
  find<K extends Kind>(kind: K, query?: Query): Promise<RecordMap[K][]>;
  /** Creates the record at version 1; a duplicate id is a conflict. */
  insert<K extends Kind>(kind: K, record: NewRecord<K>): Promise<RecordMap[K]>;
  /** Writes the record if the stored version is still `record.version`, and returns it at the next version; else ConflictError. */
  update<K extends Kind>(kind: K, record: RecordMap[K]): Promise<RecordMap[K]>;
  /** Appends once per idempotency key: a retry returns the record already written. */
  append<K extends AppendKind>(kind: K, record: NewRecord<K>): Promise<{ record: RecordMap[K]; created: boolean }>;
  /** The next number of a named sequence (for references), starting at 1. */
  nextSequence(name: string): Promise<number>;
}

/**
 * One thing wrong with a stored item, found when it was read: a hand edit in SharePoint the app cannot accept. The
 * record is still returned (with the last value RiskPanel saved) and carries its problems as `dataQuality`.
 */
export interface DataQualityProblem {
  /** The record field, or '*' for the record as a whole. */
  field: string;
  /** The column's name as coordinators see it. */
  column: string;
  message: string;
  /** What the column held, when that is why. */
  value?: unknown;
}

/** An item that needs a coordinator's attention, where they can find it. */
export interface DataQualityIssue {
  kind: Kind;
  /** The list's name as coordinators see it. */
  list: string;
  itemId: string;
  /** Absent for an item added by hand, which has no record id. */
  recordId?: string;
  title?: string;
  webUrl?: string;
  problems: DataQualityProblem[];
}

export interface Store {
  readonly name: 'sqlite' | 'sharepoint';
  /**
   * Runs `work` as one unit: on SQLite one transaction (all or nothing); on SharePoint the aggregate is written
   * with If-Match and every other write carries an idempotency key, so a retry cannot duplicate it.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Every stored item a hand edit made questionable (the records themselves still read, with `dataQuality` set). */
  listDataQualityIssues(): Promise<DataQualityIssue[]>;
  close(): Promise<void>;
}
