import type { CaseRecord } from '../domain/records';
import { adultKeys } from '../domain/repeatReferral';
import { caseAudience } from './caseAudience';
import { caseSearchKeys } from './caseSearchKeys';
import type { Kind, RecordMap, Scalar } from './port';

/**
 * The fields each kind may be filtered or ordered on. The SQLite adapter indexes them; the SharePoint adapter
 * makes them indexed columns. A query on any other field is a programming error, caught in tests.
 */
export const INDEXED_FIELDS: Readonly<Record<Kind, readonly string[]>> = {
  agencies: ['shortName', 'active'],
  members: ['email', 'aadObjectId', 'agencyId', 'active'],
  cases: ['ref', 'status', 'leadAgencyId', 'referrerAgencyId', 'nextReviewDate', 'riskLevel', 'receivedAt', 'audience', 'adultKeys', 'search', 'closureProposal.proposedAt', 'retentionDate'],
  riskAssessments: ['caseId'],
  actions: ['parentId', 'ownerId', 'agencyId', 'status', 'dueDate'],
  chronology: ['caseId'],
  meetings: ['startsAt', 'status'],
  agendaItems: ['meetingId', 'caseId'],
  decisions: ['caseId', 'meetingId'],
  attendance: ['meetingId'],
  audit: ['recordId', 'actorId', 'at'],
  outbox: ['status'],
  counters: [],
  conversations: ['conversationId', 'memberId', 'isPartnershipChannel', 'active'],
  leases: [],
  disposals: ['caseId', 'status'],
  syncStates: [],
  learningReviews: ['ref'],
  planObjectives: ['planYear'],
};

/**
 * Indexed fields that are not stored on the record but derived from it when it is written (and so never returned
 * with it). Each may hold several values; a condition `in` matches when any of them is in the set.
 */
export const DERIVED_FIELDS: { readonly [K in Kind]?: Readonly<Record<string, (r: RecordMap[K]) => readonly Scalar[]>> } = {
  cases: { audience: (c: CaseRecord) => caseAudience(c), adultKeys: (c: CaseRecord) => adultKeys(c.adult), search: (c: CaseRecord) => caseSearchKeys(c) },
};

export const derivedField = (kind: Kind, field: string): ((r: never) => readonly Scalar[]) | undefined =>
  (DERIVED_FIELDS[kind] as Record<string, (r: never) => readonly Scalar[]> | undefined)?.[field];

/**
 * A stored field's value: a dotted field (`closureProposal.proposedAt`) is a path into the record, as SQLite's
 * json_extract reads it, so a nested value can be indexed without copying it onto the record.
 */
export function valueAt(record: Record<string, unknown>, field: string): unknown {
  if (!field.includes('.')) return record[field];
  let v: unknown = record;
  for (const part of field.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** A field's value(s) on a record, derived ones included. */
export function fieldValue(kind: Kind, record: Record<string, unknown>, field: string): unknown {
  const derive = derivedField(kind, field);
  return derive ? derive(record as never) : valueAt(record, field);
}

export const KINDS = Object.keys(INDEXED_FIELDS) as Kind[];
