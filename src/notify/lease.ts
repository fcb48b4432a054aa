import { ConflictError } from '../domain/errors';
import type { Lease } from '../domain/records';
import type { Store } from '../store/port';

/** The lease was taken over (it expired while the holder worked): stop, another instance may be running. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

export interface LeaseHandle {
  /** Extends the lease by its ttl; throws LeaseLostError when another instance has it now. */
  renew(): Promise<void>;
}

export type LeaseOutcome<T> = { ran: true; result: T } | { ran: false; heldBy?: string; until?: string };

/**
 * Runs `fn` only if this holder gets the named lease: inserted when absent, taken over when expired, both through
 * the store's optimistic versioning, so when instances race exactly one insert or update wins and the others get a
 * ConflictError (or, if they read after the winner committed, see an unexpired lease) and skip. `holder` must be
 * unique per process (e.g. host:pid:random): a second call from the same holder while the lease is held skips too.
 * The lease is released (expired) afterwards, also when `fn` throws. A job longer than ttl calls `renew()`.
 */
export async function withLease<T>(
  store: Store,
  name: string,
  holder: string,
  ttlMs: number,
  now: () => Date,
  fn: (lease: LeaseHandle) => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const expiry = () => new Date(now().getTime() + ttlMs).toISOString();
  let mine: Lease;
  try {
    const taken = await store.transaction(async (tx) => {
      const current = await tx.get('leases', name);
      if (!current) return { ok: true as const, lease: await tx.insert('leases', { id: name, holder, expiresAt: expiry() }) };
      if (Date.parse(current.expiresAt) > now().getTime()) return { ok: false as const, current };
      return { ok: true as const, lease: await tx.update('leases', { ...current, holder, expiresAt: expiry() }) };
    });
    if (!taken.ok) return { ran: false, heldBy: taken.current.holder, until: taken.current.expiresAt };
    mine = taken.lease;
  } catch (err) {
    if (err instanceof ConflictError) return { ran: false };
    throw err;
  }

  const handle: LeaseHandle = {
    renew: async () => {
      try {
        mine = await store.transaction(async (tx) => {
          const current = await tx.get('leases', name);
          if (!current || current.holder !== holder || current.version !== mine.version) throw new LeaseLostError(`Lease ${name} was taken over.`);
          return tx.update('leases', { ...current, expiresAt: expiry() });
        });
      } catch (err) {
        if (err instanceof ConflictError) throw new LeaseLostError(`Lease ${name} was taken over.`);
        throw err;
      }
    },
  };

  try {
    return { ran: true, result: await fn(handle) };
  } finally {
    // A lease that cannot be released now simply expires at its ttl.
    await release(store, name, holder, () => mine, now).catch(() => undefined);
  }
}

/** Expires the lease now, unless someone else holds it by then (then it is theirs to release). */
async function release(store: Store, name: string, holder: string, mine: () => Lease, now: () => Date): Promise<void> {
  await store.transaction(async (tx) => {
    const current = await tx.get('leases', name);
    if (!current || current.holder !== holder || current.version !== mine().version) return;
    await tx.update('leases', { ...current, expiresAt: now().toISOString() });
  });
}
