import fc from 'fast-check';
import { LeaseLostError, type LeaseHandle, type LeaseOutcome, type Timers, withLease } from '../../src/notify/lease';
import type { Store } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { createWorld, type World } from '../support/world';
import { crashableTimers, ManualClock, trackedStore } from './support/manualClock';

// The heartbeat, with a clock the test moves: a holder that renews keeps its lease however long it works; one that
// stops (a crash, or a frozen process) loses it after the lease length and another instance takes over; and at no
// moment do two instances both hold it. Three instances, each with its own connection to one SQLite file.

const TTL = 15_000;
const START = '2026-06-15T09:00:00Z';

let world: World;
let stores: Store[];
let clock: ManualClock;
let extra: SqliteStore[];
beforeEach(async () => {
  world = await createWorld();
  extra = [new SqliteStore(world.file), new SqliteStore(world.file)];
  const tracked = [world.store, ...extra].map(trackedStore);
  stores = tracked.map((t) => t.store);
  clock = new ManualClock(START, async () => {
    for (const t of tracked) await t.quiesce();
  });
});
afterEach(async () => {
  for (const s of extra) await s.close();
  await world.close();
});

/** One instance working under the lease until `finish()`; `outcome` says whether it got the lease. */
function instance(holder: string, store: Store, timers: Timers, name = 'job:outbox') {
  let finish!: () => void;
  let handle: LeaseHandle | undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let entered!: () => void;
  const started = new Promise<void>((resolve) => (entered = resolve));
  const result: Promise<LeaseOutcome<string>> = withLease(store, { name, holder, ttlMs: TTL, now: clock.now, timers }, async (lease) => {
    handle = lease;
    entered();
    await finished;
    return holder;
  });
  // Resolves once the attempt is decided: true when this instance holds the lease and is working.
  const got = Promise.race([started.then(() => true), result.then((r) => r.ran)]);
  return { holder, got, result, finish, handle: () => handle };
}

const storedLease = (name = 'job:outbox') => world.store.transaction((tx) => tx.get('leases', name));

describe('lease heartbeat', () => {
  it('a holder that keeps renewing keeps the lease across many lease lengths', async () => {
    const a = instance('a', stores[0]!, clock.timers);
    expect(await a.got).toBe(true);
    for (let minute = 1; minute <= 10; minute++) {
      await clock.advance(60_000); // four lease lengths each time
      const b = instance('b', stores[1]!, clock.timers);
      expect(await b.got).toBe(false);
      expect(a.handle()!.held()).toBe(true);
      const stored = await storedLease();
      expect(stored!.holder).toBe('a');
      expect(Date.parse(stored!.expiresAt)).toBeGreaterThan(clock.now().getTime());
    }
    await a.handle()!.renew();
    a.finish();
    expect(await a.result).toEqual({ ran: true, result: 'a' });
  });

  it('a holder that stops renewing (crash) loses the lease after its length, and another instance takes over', async () => {
    const timers = crashableTimers(clock.timers);
    const a = instance('a', stores[0]!, timers);
    expect(await a.got).toBe(true);
    await clock.advance(42_000); // working, renewing every 5 s
    const lastRenewal = Date.parse((await storedLease())!.expiresAt) - TTL;
    timers.crash(); // the process dies: no more heartbeats, and it never releases the lease
    const sinceRenewal = clock.now().getTime() - lastRenewal;

    await clock.advance(TTL - sinceRenewal - 1);
    const tooEarly = instance('b', stores[1]!, clock.timers);
    expect(await tooEarly.got).toBe(false);

    await clock.advance(1);
    const b = instance('b', stores[1]!, clock.timers);
    expect(await b.got).toBe(true);
    // Resumed delivery no later than one lease length after the crash.
    expect(clock.now().getTime() - lastRenewal).toBe(TTL);
    expect((await storedLease())!.holder).toBe('b');

    // Had a only frozen rather than died, it learns it has lost the lease at its next step and stops there.
    expect(a.handle()!.held()).toBe(false);
    await expect(a.handle()!.renew()).rejects.toBeInstanceOf(LeaseLostError);

    await clock.advance(60_000);
    expect((await storedLease())!.holder).toBe('b'); // b keeps it by its own heartbeat
    b.finish();
    expect(await b.result).toEqual({ ran: true, result: 'b' });
    a.finish();
    await a.result; // a's release leaves b's record alone
    expect((await storedLease())!.holder).toBe('b');
  });

  it('never two holders at once, whatever the instances do and whenever they freeze', async () => {
    type Step = { kind: 'try' | 'finish' | 'freeze'; who: number } | { kind: 'wait'; ms: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constantFrom('try' as const, 'finish' as const, 'freeze' as const), who: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 2 * TTL }) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const name = `job:property-${run++}`;
        type Live = ReturnType<typeof instance> & { timers: ReturnType<typeof crashableTimers> };
        const working: (Live | undefined)[] = [undefined, undefined, undefined];
        const everyone: Live[] = [];
        for (const s of steps) {
          if (s.kind === 'wait') await clock.advance(s.ms);
          else if (s.kind === 'try' && !working[s.who]) {
            const timers = crashableTimers(clock.timers);
            const attempt = { ...instance(`i${s.who}`, stores[s.who]!, timers, name), timers };
            everyone.push(attempt);
            if (await attempt.got) working[s.who] = attempt;
          } else if (s.kind === 'finish' && working[s.who]) {
            working[s.who]!.finish();
            await working[s.who]!.result;
            working[s.who] = undefined;
          } else if (s.kind === 'freeze' && working[s.who]) {
            working[s.who]!.timers.crash(); // still "working", but its heartbeat has stopped
          }
          const holders = working.filter((w) => w?.handle()?.held());
          expect(holders.length).toBeLessThanOrEqual(1);
          if (holders.length === 1) {
            const stored = await world.store.transaction((tx) => tx.get('leases', name));
            expect(stored!.holder).toBe(holders[0]!.holder);
          }
        }
        for (const w of everyone) w.finish();
        await Promise.all(everyone.map((w) => w.result));
      }),
      { numRuns: 20, seed: 20261207 },
    );
  });
});
