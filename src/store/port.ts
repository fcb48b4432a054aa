import type {
  ActionRecord, Agency, AgendaItem, Attendance, AuditEvent, CaseRecord, ChronologyEntry, ConversationRef, Counter, Decision,
  Lease, Meeting, Member, OutboxMessage, RiskAssessment,
} from '../domain/records';
import type { LearningReview, PlanObjective } from '../domain/records';
import type { Disposal, SyncState } from '../domain/records';

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
  disposals: Disposal;
  syncStates: SyncState;
  learningReviews: LearningReview;
  planObjectives: PlanObjective;
}
export type Kind = keyof RecordMap;
/** Kinds written only by append (with an idempotency key), never updated in place. */
export type AppendKind = 'chronology' | 'decisions' | 'audit' | 'outbox';

export type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type Scalar = string | number | boolean;
/**
 * One condition on an indexed field. `in` is "one of" a small set (at most MAX_IN_VALUES values); on a many-valued
 * field (schema.ts DERIVED_FIELDS, such as a case's audience) it matches when any of the record's values is in
 * the set.
 */
export type Condition =
  | { field: string; op: Op; value: Scalar }
  | { field: string; op: 'in'; value: readonly Scalar[] }
  /** Some value begins with this text (case-sensitive): on derived many-valued fields only, as one index range. */
  | { field: string; op: 'startsWith'; value: string };

/** The most values an `in` may list: enough for a page of ids or a person's visibility keys, small enough to index. */
export const MAX_IN_VALUES = 200;

export interface Order {
  field: string;
  direction: 'asc' | 'desc';
  /** Records without a value come after all others whichever the direction (else they sort lowest, as SQLite's). */
  emptyLast?: boolean;
  /** A second indexed field, always ascending, that breaks ties before the id does. */
  then?: string;
}

/**
 * A query may filter only on the kind's indexed fields (see schema.ts), as SharePoint demands past 5,000 items.
 * Conditions are ANDed. Ordering is by one indexed field (then, optionally, a second) and finally by id.
 * `after` is keyset paging: the records that come strictly after this one in the query's order (only its order
 * fields and id are read), so a page boundary stays put when records are inserted before it.
 */
export interface Query {
  where?: Condition[];
  orderBy?: Order;
  limit?: number;
  /** Matches to skip before the first returned (a numbered page); `after` is cheaper where the caller has a cursor. */
  offset?: number;
  after?: Record<string, unknown>;
}

/** What a read-only unit of work may do. */
export interface ReadTx {
  get<K extends Kind>(kind: K, id: string): Promise<RecordMap[K] | undefined>;
  find<K extends Kind>(kind: K, query?: Query): Promise<RecordMap[K][]>;
  /** How many records match the query's conditions (order, limit and `after` are ignored). */
  count(kind: Kind, query?: Pick<Query, 'where'>): Promise<number>;
}

export type NewRecord<K extends Kind> = Omit<RecordMap[K], 'version'>;

export interface Tx extends ReadTx {
  /** Creates the record at version 1; a duplicate id is a conflict. */
  insert<K extends Kind>(kind: K, record: NewRecord<K>): Promise<RecordMap[K]>;
  /** Writes the record if the stored version is still `record.version`, and returns it at the next version; else ConflictError. */
  update<K extends Kind>(kind: K, record: RecordMap[K]): Promise<RecordMap[K]>;
  /** Appends once per idempotency key: a retry returns the record already written. */
  append<K extends AppendKind>(kind: K, record: NewRecord<K>): Promise<{ record: RecordMap[K]; created: boolean }>;
  /** The next number of a named sequence (for references), starting at 1. */
  nextSequence(name: string): Promise<number>;
  /**
   * Deletes the record if the stored version is still `version`; else ConflictError (also when it no longer exists).
   * Only disposal under the retention schedule deletes; audit events are never removed (the chain would break).
   */
  remove(kind: RemovableKind, id: string, version: number): Promise<void>;
}

/** Every kind but the audit trail, whose hash chain must keep each event it ever held. */
export type RemovableKind = Exclude<Kind, 'audit'>;

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
  /**
   * Runs `work` as a read: it sees one consistent state and never waits behind writes or other reads more than the
   * backend requires (SQLite: its own WAL read connection). Absent on a store that has no cheaper read path.
   */
  read?<T>(work: (tx: ReadTx) => Promise<T>): Promise<T>;
  /** Every stored item a hand edit made questionable (the records themselves still read, with `dataQuality` set). */
  listDataQualityIssues(): Promise<DataQualityIssue[]>;
  close(): Promise<void>;
}
