import { ConflictError } from '../domain/errors';
import type { Lease } from '../domain/records';
import type { Store } from '../store/port';

/** The lease was taken over, or ran out unrenewed: stop, another instance may be running the job now. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** Timer functions, injectable so tests drive time (a fake clock) instead of waiting for it. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A heartbeat or a scheduled run never keeps the process alive on its own.
    t.unref?.();
    return t;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface LeaseHandle {
  /**
   * Confirms this holder still has the lease, renewing it in the store if the last renewal is older than the
   * heartbeat period or the lease has run out by the clock. Throws LeaseLostError when another instance has taken it
   * over since this holder's last renewal: the caller stops between steps, where stopping is safe.
   */
  renew(): Promise<void>;
  /** Whether the lease is still this holder's, as far as it knows without asking the store. */
  held(): boolean;
}

export type LeaseOutcome<T> = { ran: true; result: T } | { ran: false; heldBy?: string; until?: string };

export interface LeaseOptions {
  /** The lease's id in the store (kind 'leases'), e.g. 'job:outbox'. */
  name: string;
  /** Unique per process (e.g. host:pid:random): a second call from the same holder while the lease is held skips too. */
  holder: string;
  /**
   * How long the lease lasts unless renewed: after a crash, how long other instances wait before taking over. Short
   * (seconds to tens of seconds), because the holder renews it on a heartbeat while it works.
   */
  ttlMs: number;
  /** How often the heartbeat renews it (default a third of ttlMs, so two renewals may fail before it runs out). */
  renewEveryMs?: number;
  now?: () => Date;
  timers?: Timers;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

/** Default lease length for scheduled jobs: a crashed instance's job is picked up this long after its last heartbeat. */
export const DEFAULT_LEASE_TTL_MS = 15_000;

/**
 * Runs `fn` only if this holder gets the named lease. The lease lives in the store, so every instance sharing the
 * store (SQLite file or SharePoint site) sees it: it is inserted when absent and taken over when expired, both as a
 * compare-and-set on the record's version, so when instances race exactly one insert or update wins and the others
 * get a ConflictError (or read the winner's unexpired lease) and skip.
 *
 * While `fn` runs, a heartbeat renews the lease every `renewEveryMs`. A holder that dies stops renewing, so the lease
 * runs out `ttlMs` after its last heartbeat and the next instance takes over: delivery resumes within seconds. A
 * holder that is alive but stalled or cut off from the store cannot renew either; by its own clock its lease has run
 * out by the time anyone may take it over, so `held()` turns false, and `renew()` fails once another has taken it. (Instances' clocks are assumed to agree to
 * well within ttlMs, as NTP-synchronised hosts do.) The lease is released (expired) afterwards, also when `fn` throws.
 */
export async function withLease<T>(store: Store, options: LeaseOptions, fn: (lease: LeaseHandle) => Promise<T>): Promise<LeaseOutcome<T>> {
  const { name, holder, ttlMs } = options;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? realTimers;
  const log = options.log ?? (() => undefined);
  const renewEveryMs = options.renewEveryMs ?? Math.max(1, Math.floor(ttlMs / 3));
  if (!(ttlMs > 0) || !(renewEveryMs > 0) || renewEveryMs >= ttlMs) throw new Error(`Lease ${name}: renew more often than the lease lasts.`);
  const expiry = (from: number) => new Date(from + ttlMs).toISOString();

  let mine: Lease;
  try {
    const taken = await store.transaction(async (tx) => {
      const current = await tx.get('leases', name);
      const from = now().getTime();
      if (!current) return { ok: true as const, lease: await tx.insert('leases', { id: name, holder, expiresAt: expiry(from) }) };
      if (Date.parse(current.expiresAt) > from) return { ok: false as const, current };
      return { ok: true as const, lease: await tx.update('leases', { ...current, holder, expiresAt: expiry(from) }) };
    });
    if (!taken.ok) return { ran: false, heldBy: taken.current.holder, until: taken.current.expiresAt };
    mine = taken.lease;
  } catch (err) {
    if (err instanceof ConflictError) return { ran: false };
    throw err;
  }

  let renewedAt = Date.parse(mine.expiresAt) - ttlMs;
  let lost = false;
  let finished = false;
  let timer: unknown;
  let renewing: Promise<void> | undefined;

  const held = () => !lost && now().getTime() < Date.parse(mine.expiresAt);

  const renewInStore = async (): Promise<void> => {
    const from = now().getTime();
    try {
      mine = await store.transaction(async (tx) => {
        const current = await tx.get('leases', name);
        if (!current || current.holder !== holder || current.version !== mine.version) throw new LeaseLostError(`Lease ${name} was taken over.`);
        return tx.update('leases', { ...current, expiresAt: expiry(from) });
      });
      renewedAt = from;
    } catch (err) {
      if (err instanceof ConflictError || err instanceof LeaseLostError) {
        lost = true;
        throw new LeaseLostError(`Lease ${name} was taken over.`);
      }
      throw err;
    }
  };
  // One renewal at a time: the heartbeat and an explicit renew() share it.
  const renewOnce = (): Promise<void> => {
    renewing ??= renewInStore().finally(() => (renewing = undefined));
    return renewing;
  };

  const beat = (): void => {
    timer = undefined;
    if (finished || lost) return;
    void renewOnce()
      .catch((err: unknown) => {
        // A store that is briefly unreachable: keep trying; if it stays so, the lease runs out and held() says so.
        if (!(err instanceof LeaseLostError)) log('lease.renewFailed', { lease: name, error: (err as Error).message });
        else log('lease.lost', { lease: name, holder });
      })
      .finally(() => {
        if (!finished && !lost) timer = timers.set(beat, renewEveryMs);
      });
  };
  timer = timers.set(beat, renewEveryMs);

  const handle: LeaseHandle = {
    held,
    renew: async () => {
      if (lost) throw new LeaseLostError(`Lease ${name} was taken over.`);
      // Run out by the clock but not taken over (the version is still ours): the compare-and-set renews it safely.
      if (!held() || now().getTime() - renewedAt >= renewEveryMs) await renewOnce();
    },
  };

  try {
    return { ran: true, result: await fn(handle) };
  } finally {
    finished = true;
    if (timer !== undefined) timers.clear(timer);
    await renewing?.catch(() => undefined);
    // A lease that cannot be released now simply runs out at its ttl.
    if (!lost) await release(store, name, holder, mine, now).catch(() => undefined);
  }
}

/** Expires the lease now, unless someone else holds it by then (then it is theirs to release). */
async function release(store: Store, name: string, holder: string, mine: Lease, now: () => Date): Promise<void> {
  await store.transaction(async (tx) => {
    const current = await tx.get('leases', name);
    if (!current || current.holder !== holder || current.version !== mine.version) return;
    await tx.update('leases', { ...current, expiresAt: now().toISOString() });
  });
}
