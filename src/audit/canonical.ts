import { createHash } from 'node:crypto';
import type { AuditEvent } from '../domain/records';

/** The previous hash of the first event in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields an event's hash covers: everything that says who did what to which record, when and why, and where it
 * sits in the chain. Left out: the storage id, the idempotency key and the store's version counter (bookkeeping that
 * says nothing about the event), and the hash itself.
 */
export const HASHED_FIELDS = [
  'seq', 'at', 'actorId', 'actorAgencyId', 'action', 'recordType', 'recordId', 'change', 'reason', 'correlationId',
] as const satisfies readonly (keyof AuditEvent)[];

/**
 * JSON with object keys in code-point order at every depth and undefined members dropped, so the same content always
 * gives the same text whichever store (SQLite's JSON column, SharePoint's RecordJson) round-tripped it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Audit content cannot hold a non-finite number.');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hashed content of an event, in canonical form. */
export function canonicalEvent(event: Pick<AuditEvent, (typeof HASHED_FIELDS)[number]>): string {
  const picked: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS) picked[field] = event[field];
  return canonicalJson(picked);
}

/** SHA-256 (hex) over the previous event's hash, a newline, and this event's canonical JSON. */
export function eventHash(prevHash: string, event: Pick<AuditEvent, (typeof HASHED_FIELDS)[number]>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEvent(event)).digest('hex');
}
