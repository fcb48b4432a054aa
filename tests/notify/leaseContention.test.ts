import path from 'node:path';
import { type LeaseOutcome, withLease } from '../../src/notify/lease';
import type { Lease } from '../../src/domain/records';
import type { Store, Tx } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { createWorld, type World } from '../support/world';
import { raceProcesses } from './support/raceProcesses';

// Exclusion under contention, decided by the store's compare-and-set and never by timing: every contender tries
// while the others are still trying (or the winner still works), so the result is the same on any machine.

const NOW = new Date('2026-06-15T09:00:00Z');
const now = () => NOW;
const noTimers = { set: () => 0, clear: () => undefined };

/** Wraps stores so that no contender's first lease read returns until all `count` have read: all see the same state. */
function readTogether(count: number): (store: Store) => Store {
  let arrived = 0;
  let release!: () => void;
  const everyoneRead = new Promise<void>((resolve) => (release = resolve));
  return (store) => ({
    name: store.name,
    close: () => store.close(),
    listDataQualityIssues: () => store.listDataQualityIssues(),
    transaction: (work) =>
      store.transaction((tx) => {
        const get: Tx['get'] = async (kind, id) => {
          const found = await tx.get(kind, id);
          if (kind === 'leases' && ++arrived === count) release();
          if (kind === 'leases') await everyoneRead;
          return found;
        };
        return work(new Proxy(tx, { get: (target, prop) => (prop === 'get' ? get : Reflect.get(target, prop)) }));
      }),
  });
}

/** Every contender tries at the same (fake) instant and the winner works until all have an answer. */
async function contend(stores: Store[], name = 'job:outbox'): Promise<LeaseOutcome<string>[]> {
  let release!: () => void;
  const allAnswered = new Promise<void>((resolve) => (release = resolve));
  const answered: Promise<unknown>[] = [];
  const results = stores.map((store, i) => {
    let entered!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    const result = withLease(store, { name, holder: `instance-${i}`, ttlMs: 15_000, now, timers: noTimers }, async () => {
      entered();
      await allAnswered;
      return `instance-${i}`;
    });
    answered.push(Promise.race([started, result]));
    return result;
  });
  await Promise.all(answered);
  release();
  return Promise.all(results);
}

const winners = (outcomes: LeaseOutcome<string>[]) => outcomes.filter((o) => o.ran);

describe('lease contention on SQLite', () => {
  // One process cannot hold two SQLite write transactions open at once (better-sqlite3 blocks), so in-process the
  // contenders here write one after another, each from the same stale read; processes race for real further down.
  let world: World;
  let others: SqliteStore[];
  beforeEach(async () => {
    world = await createWorld();
    others = Array.from({ length: 4 }, () => new SqliteStore(world.file));
  });
  afterEach(async () => {
    for (const s of others) await s.close();
    await world.close();
  });

  it('five instances that all read the same expired lease: the first update wins, four conflict and skip', async () => {
    const expired = await world.store.transaction((tx) =>
      tx.insert('leases', { id: 'job:outbox', holder: 'crashed', expiresAt: new Date(NOW.getTime() - 1).toISOString() }),
    );
    const outcomes: LeaseOutcome<string>[] = [];
    for (const [i, store] of [world.store, ...others].entries()) {
      outcomes.push(await withLease(readsOf(store, expired), { name: 'job:outbox', holder: `instance-${i}`, ttlMs: 15_000, now, timers: noTimers }, async () => `instance-${i}`));
    }
    expect(outcomes.map((o) => o.ran)).toEqual([true, false, false, false, false]);
  });

  it('five instances that all read "no lease": the first insert wins, four conflict and skip', async () => {
    const options = (i: number) => ({ name: 'job:outbox', holder: `instance-${i}`, ttlMs: 15_000, now, timers: noTimers });
    let finish!: () => void;
    let entered!: () => void;
    const working = new Promise<void>((resolve) => (finish = resolve));
    const started = new Promise<void>((resolve) => (entered = resolve));
    const first = withLease(readsOf(world.store, undefined), options(0), async () => {
      entered();
      await working;
      return 'instance-0';
    });
    await started;
    const rest: LeaseOutcome<string>[] = [];
    for (const [i, store] of others.entries()) rest.push(await withLease(readsOf(store, undefined), options(i + 1), async () => `instance-${i + 1}`));
    finish();
    expect(await first).toEqual({ ran: true, result: 'instance-0' });
    // They never saw the winner's lease: their inserts hit the existing id, a conflict, and they skip.
    expect(rest).toEqual(Array.from({ length: 4 }, () => ({ ran: false })));
  });
});

/** A store whose lease reads return `snapshot` (what every contender saw before anyone wrote). */
function readsOf(store: Store, snapshot: Lease | undefined): Store {
  return {
    name: store.name,
    close: () => store.close(),
    listDataQualityIssues: () => store.listDataQualityIssues(),
    transaction: (work) =>
      store.transaction((tx) => {
        let first = true;
        const get: Tx['get'] = async (kind, id) => {
          if (kind !== 'leases' || !first) return tx.get(kind, id);
          first = false;
          return snapshot as never;
        };
        return work(new Proxy(tx, { get: (target, prop) => (prop === 'get' ? get : Reflect.get(target, prop)) }));
      }),
  };
}

describe('lease contention on SharePoint (the Graph fake, no transactions: only the CAS decides)', () => {
  it('five instances that all read "no lease" before any writes: one insert wins, four conflict and skip', async () => {
    const { store } = await fakeSharePoint();
    const together = readTogether(5);
    const outcomes = await contend(Array.from({ length: 5 }, () => together(store)));
    expect(winners(outcomes)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ran)).toEqual(Array.from({ length: 4 }, () => ({ ran: false })));
  });

  it('five instances that all read the same expired lease: one update wins (If-Match), four conflict and skip', async () => {
    const { store } = await fakeSharePoint();
    await store.transaction((tx) => tx.insert('leases', { id: 'job:outbox', holder: 'crashed', expiresAt: new Date(NOW.getTime() - 1).toISOString() }));
    const together = readTogether(5);
    const outcomes = await contend(Array.from({ length: 5 }, () => together(store)));
    expect(winners(outcomes)).toHaveLength(1);
    const lease = await store.transaction((tx) => tx.get('leases', 'job:outbox'));
    expect(lease!.holder).toBe((winners(outcomes)[0] as { result: string }).result);
  });
});

describe('lease contention between real processes', () => {
  let world: World;
  beforeEach(async () => (world = await createWorld()));
  afterEach(() => world.close());

  it('three processes on one database file: exactly one runs, whatever order they start in', async () => {
    const racer = path.join(__dirname, 'support/leaseRacer.ts');
    const outcomes = await raceProcesses<{ holder: string; ran: boolean; heldBy?: string }>(racer, ['instance-a', 'instance-b', 'instance-c'].map((h) => [world.file, h]));
    const won = outcomes.filter((o) => o.ran);
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ran).map((o) => o.heldBy)).toEqual([won[0]!.holder, won[0]!.holder]);
    const lease = await world.store.transaction((tx) => tx.get('leases', 'job:overdueScan'));
    expect(lease!.holder).toBe(won[0]!.holder);
    expect(Date.parse(lease!.expiresAt)).toBeLessThanOrEqual(Date.now()); // released at the end
  }, 60_000);
});
