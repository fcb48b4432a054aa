import type { AuditEvent } from '../domain/records';
import { eventHash, GENESIS_HASH } from './canonical';
import type { ChainHead } from './chain';
import { type CheckpointKey, checkpointSignatureValid } from './checkpointKey';

export interface ChainBreak {
  /** Where in the chain the break is (absent when the event has no place in it). */
  seq?: number;
  /** The audit event concerned, when there is one. */
  eventId?: string;
  problem: string;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  lastSeq: number;
  headHash?: string;
  /** 'valid' when the head's signature was checked with the key; 'not checked' when no key was given. */
  signature: 'valid' | 'invalid' | 'missing' | 'other key' | 'not checked';
  /** Every problem found, in chain order; the first is the first broken link. */
  breaks: ChainBreak[];
}

/** A checkpoint an auditor kept from an earlier run (`seq:hash`), to catch the store being rolled back to before it. */
export interface KeptCheckpoint { seq: number; hash: string }

/**
 * Walks the chain from the first event: each seq follows the last, each prevHash is the previous event's hash, each
 * hash is recomputed from the event's content; then the head must name the last event and carry a signature made
 * with the checkpoint key. Catches an edited event (hash), a deleted one (gap, or the next prevHash), a cut tail
 * (the head names a later event) and a whole chain rewritten with fresh hashes (the head's signature).
 */
export function verifyChain(events: readonly AuditEvent[], head: ChainHead | undefined, key?: CheckpointKey, kept: readonly KeptCheckpoint[] = []): ChainReport {
  const breaks: ChainBreak[] = [];
  const chained = events.filter((e) => typeof e.seq === 'number').sort((a, b) => a.seq! - b.seq! || (a.id < b.id ? -1 : 1));
  for (const e of events) {
    if (typeof e.seq !== 'number') breaks.push({ eventId: e.id, problem: `Event ${e.id} has no place in the chain: it was written around the chain writer, or its chain fields were removed.` });
  }

  let expected = 1;
  let prevHash = GENESIS_HASH;
  const hashAt = new Map<number, string>();
  for (const e of chained) {
    const seq = e.seq!;
    if (seq < expected) {
      breaks.push({ seq, eventId: e.id, problem: `Two events claim place ${seq} in the chain: one was inserted or copied.` });
      continue;
    }
    if (seq > expected) {
      breaks.push({ seq: expected, problem: `Event${seq - expected > 1 ? `s ${expected} to ${seq - 1} are` : ` ${expected} is`} missing: deleted from the store.` });
    }
    if (e.prevHash !== prevHash) {
      breaks.push({ seq, eventId: e.id, problem: `Event ${seq} does not follow the event before it (its previous hash differs): an earlier event was changed, removed or replaced.` });
    }
    if (eventHash(e.prevHash ?? '', e) !== e.hash) {
      breaks.push({ seq, eventId: e.id, problem: `Event ${seq} was changed after it was written (its content no longer gives its hash).` });
    }
    prevHash = e.hash ?? '';
    hashAt.set(seq, prevHash);
    expected = seq + 1;
  }
  const lastSeq = expected - 1;

  if (!head) {
    if (chained.length) breaks.push({ problem: 'The chain head (the signed checkpoint) is missing from the store.' });
  } else if (head.value > lastSeq) {
    breaks.push({ seq: lastSeq + 1, problem: `The chain head says the last event is ${head.value}, but the chain ends at ${lastSeq}: events after ${lastSeq} were removed.` });
  } else if (head.value < lastSeq) {
    breaks.push({ seq: head.value + 1, problem: `Events after ${head.value} (the chain head) were added without moving the head.` });
  } else if (head.hash !== prevHash) {
    breaks.push({ seq: lastSeq, problem: `The chain head's hash is not the last event's: the chain was rewritten.` });
  }

  let signature: ChainReport['signature'] = 'not checked';
  if (key && head) {
    if (!head.signature) signature = 'missing';
    else if (head.keyId && head.keyId !== key.id) signature = 'other key';
    else signature = checkpointSignatureValid(key, head.value, head.hash, head.signature) ? 'valid' : 'invalid';
    if (signature !== 'valid') {
      breaks.push({ seq: head.value, problem: `The chain head's signature is ${signature === 'missing' ? 'missing' : signature === 'other key' ? `made with another key (${head.keyId})` : 'not valid'}: the head was written without the checkpoint key.` });
    }
  }

  for (const k of kept) {
    const at = hashAt.get(k.seq);
    if (at !== k.hash) {
      breaks.push({ seq: k.seq, problem: at === undefined ? `The kept checkpoint at ${k.seq} is beyond the chain: the store was rolled back or cut.` : `The chain at ${k.seq} differs from the kept checkpoint: it was rewritten since.` });
    }
  }

  breaks.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return { ok: breaks.length === 0, events: events.length, lastSeq, ...(head ? { headHash: head.hash } : {}), signature, breaks };
}
