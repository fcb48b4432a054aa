import { LeaseLostError, type LeaseOptions, withLease } from '../../src/notify/lease';
import type { Store, Tx } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { createWorld, type World } from '../support/world';

// What withLease does with the lease record, step by step, with the clock moved by hand. The heartbeat, a crash and
// contention have their own files (leaseHeartbeat, leaseContention).

let world: World;
let second: SqliteStore;
beforeEach(async () => {
  world = await createWorld();
  second = new SqliteStore(world.file); // another instance: its own connection to the same file
});
afterEach(async () => {
  await second.close();
  await world.close();
});

const NOW = new Date('2026-06-15T09:00:00Z');
/** One clock for every instance here (hosts agree on the time); `clock.ms` is milliseconds after NOW. */
const clock = { ms: 0 };
beforeEach(() => (clock.ms = 0));
const now = () => new Date(NOW.getTime() + clock.ms);
/** Heartbeats never fire here: these tests renew by hand. */
const noTimers = { set: () => 0, clear: () => undefined };
const lease = (holder: string, ttlMs = 60_000): LeaseOptions => ({ name: 'job:scan', holder, ttlMs, now, timers: noTimers });

/** A promise the test resolves, and one that says the job body has started (so the lease is taken). */
const gate = () => {
  let open!: () => void;
  let enter!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const entered = new Promise<void>((resolve) => (enter = resolve));
  return { open, opened, enter, entered };
};

describe('withLease', () => {
  it('while one instance holds the lease the other skips, and runs once it is released', async () => {
    const g = gate();
    const ran: string[] = [];
    const first = withLease(world.store, lease('a'), async () => {
      ran.push('a');
      g.enter();
      await g.opened;
      return 'done by a';
    });
    await g.entered;
    clock.ms = 1_000;
    const skipped = await withLease(second, lease('b'), async () => ran.push('b'));
    expect(skipped).toEqual({ ran: false, heldBy: 'a', until: new Date(NOW.getTime() + 60_000).toISOString() });
    g.open();
    expect(await first).toEqual({ ran: true, result: 'done by a' });
    clock.ms = 2_000;
    expect(await withLease(second, lease('b'), async () => ran.push('b'))).toMatchObject({ ran: true });
    expect(ran).toEqual(['a', 'b']);
  });

  it('the same holder does not run twice at once either', async () => {
    const g = gate();
    const first = withLease(world.store, lease('a'), async () => {
      g.enter();
      await g.opened;
    });
    await g.entered;
    expect(await withLease(world.store, lease('a'), async () => 'again')).toMatchObject({ ran: false });
    g.open();
    await first;
  });

  it('an expired lease is taken over; the old holder cannot renew it nor release the new holder', async () => {
    const g = gate();
    let renewError: unknown;
    let heldAtEnd: boolean | undefined;
    const slow = withLease(world.store, lease('a', 1_000), async (handle) => {
      g.enter();
      await g.opened;
      heldAtEnd = handle.held();
      renewError = await handle.renew().catch((e: unknown) => e);
    });
    await g.entered;
    clock.ms = 5_000; // a stalled for 5 s without renewing
    const g2 = gate();
    const takeover = withLease(second, lease('b'), async () => {
      g2.enter();
      await g2.opened;
    });
    await g2.entered;
    g.open();
    await slow;
    expect(heldAtEnd).toBe(false);
    expect(renewError).toBeInstanceOf(LeaseLostError);
    const stored = await world.store.transaction((tx) => tx.get('leases', 'job:scan'));
    expect(stored).toMatchObject({ holder: 'b', expiresAt: new Date(NOW.getTime() + 65_000).toISOString() });
    g2.open();
    expect(await takeover).toMatchObject({ ran: true });
  });

  it('a holder whose lease the store gave to another is told so when it renews, even before its own expiry', async () => {
    await withLease(world.store, lease('a', 10_000), async (handle) => {
      // Someone edits the record behind a's back (as a hand edit in SharePoint could): a's version is stale.
      await second.transaction(async (tx) => tx.update('leases', { ...(await tx.get('leases', 'job:scan'))!, holder: 'intruder' }));
      clock.ms = 4_000;
      await expect(handle.renew()).rejects.toBeInstanceOf(LeaseLostError);
      expect(handle.held()).toBe(false);
    });
    // a did not release the intruder's lease.
    expect(await world.store.transaction((tx) => tx.get('leases', 'job:scan'))).toMatchObject({ holder: 'intruder' });
  });

  it('renew extends the lease for a long job', async () => {
    await withLease(world.store, lease('a', 10_000), async (handle) => {
      clock.ms = 8_000;
      await handle.renew();
      clock.ms = 12_000;
      expect(await withLease(second, lease('b', 10_000), async () => 'b ran')).toMatchObject({ ran: false, until: new Date(NOW.getTime() + 18_000).toISOString() });
    });
  });

  it('renew() asks the store only once a heartbeat period has passed (it is called between every outbox row)', async () => {
    let transactions = 0;
    const store = world.store;
    const counting: Store = {
      name: store.name,
      close: () => store.close(),
      listDataQualityIssues: () => store.listDataQualityIssues(),
      transaction: (work) => {
        transactions++;
        return store.transaction(work);
      },
    };
    await withLease(counting, { ...lease('a', 9_000), renewEveryMs: 3_000 }, async (handle) => {
      const before = transactions;
      clock.ms = 2_999;
      await handle.renew();
      expect(transactions).toBe(before);
      clock.ms = 3_000;
      await handle.renew();
      expect(transactions).toBe(before + 1);
    });
  });

  it('is released when the job throws, and the error reaches the caller', async () => {
    await expect(withLease(world.store, lease('a'), async () => Promise.reject(new Error('scan failed')))).rejects.toThrow('scan failed');
    clock.ms = 1;
    expect(await withLease(second, lease('b'), async () => 'b ran')).toEqual({ ran: true, result: 'b ran' });
  });

  it('treats a ConflictError as "another instance won" (a stale read, as on a store without transactions)', async () => {
    await withLease(world.store, lease('a'), async () => {
      const stale = staleReads(second);
      expect(await withLease(stale, lease('b'), async () => 'b ran')).toEqual({ ran: false });
    });
  });

  it('refuses a heartbeat no more frequent than the lease length', async () => {
    await expect(withLease(world.store, { ...lease('a', 5_000), renewEveryMs: 5_000 }, async () => 'x')).rejects.toThrow(/renew more often/);
  });
});

/** A store whose reads miss every lease (another instance's insert not seen yet): the insert then conflicts. */
function staleReads(store: Store): Store {
  return {
    name: store.name,
    close: () => store.close(),
    listDataQualityIssues: () => store.listDataQualityIssues(),
    transaction: (work) =>
      store.transaction((tx) => {
        const blind: Tx = { ...tx, get: async (kind, id) => (kind === 'leases' ? undefined : tx.get(kind, id)) };
        return work(blind);
      }),
  };
}
