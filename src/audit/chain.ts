import { ConflictError } from '../domain/errors';
import type { AuditEvent, Counter } from '../domain/records';
import type { NewRecord, Tx } from '../store/port';
import { eventHash, GENESIS_HASH } from './canonical';
import { type CheckpointKey, currentCheckpointKey, signCheckpoint } from './checkpointKey';

/** The counters record that holds the chain's head: the last sequence number, its hash and the signed checkpoint. */
export const CHAIN_HEAD_ID = 'audit-chain-head';

export interface ChainHead extends Counter {
  /** `value` is the last event's seq; `hash` its hash. */
  hash: string;
  /** HMAC of (value, hash) with the checkpoint key; absent when the process had no key. */
  signature?: string;
  keyId?: string;
}

/** An audit event as a writer gives it: the chain fields are the chain's to set. */
export type AuditInput = Omit<NewRecord<'audit'>, 'seq' | 'prevHash' | 'hash'>;

const MAX_ATTEMPTS = 40;

export async function readChainHead(tx: Pick<Tx, 'get'>): Promise<ChainHead | undefined> {
  return (await tx.get('counters', CHAIN_HEAD_ID)) as ChainHead | undefined;
}

function headFor(seq: number, hash: string, key: CheckpointKey | undefined): Omit<ChainHead, 'version'> {
  return { id: CHAIN_HEAD_ID, value: seq, hash, ...(key ? { signature: signCheckpoint(key, seq, hash), keyId: key.id } : {}) };
}

/**
 * Appends one audit event to the hash chain. This is the only way an audit event is written.
 *
 * The head is claimed first (an insert, or an update that names the version read: SQLite runs units of work one at a
 * time; SharePoint sends If-Match, and a 412 means another instance took this number, so we read again and retry),
 * then the event is appended. Two writers can therefore never give two events the same place in the chain.
 *
 * An append whose idempotency key was already used (a retried request) still fills the place it claimed, with the
 * same content under a derived key, so the chain has no gap; it answers with the event first written.
 */
export async function appendAuditEvent(
  tx: Tx,
  input: AuditInput,
  sleep: (ms: number) => Promise<void> = backoff,
  /** The head as read beforehand (alongside other reads): tried first; if another event took it since, read again. */
  headRead?: Promise<ChainHead | undefined>,
): Promise<{ record: AuditEvent; created: boolean }> {
  const key = currentCheckpointKey();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const head = attempt === 0 && headRead ? await headRead.catch(() => readChainHead(tx)) : await readChainHead(tx);
    const seq = (head?.value ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const chained = { ...input, seq, prevHash };
    const hash = eventHash(prevHash, chained);
    try {
      if (head) await tx.update('counters', { ...head, ...headFor(seq, hash, key), version: head.version } as ChainHead);
      else await tx.insert('counters', headFor(seq, hash, key) as NewRecord<'counters'>);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      await sleep(Math.floor(Math.random() * 10 * (attempt + 1)));
      continue;
    }
    const event = { ...chained, hash };
    const written = await tx.append('audit', event);
    if (written.created) return written;
    await tx.append('audit', { ...event, id: `${input.id}#${seq}`, idempotencyKey: `${input.idempotencyKey}#${seq}` });
    return written;
  }
  throw new ConflictError('The audit trail is too busy to record this just now. Please try again.');
}

const backoff = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
