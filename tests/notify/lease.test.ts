import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { LeaseLostError, withLease } from '../../src/notify/lease';
import type { Store, Tx } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { createWorld, type World } from '../support/world';

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
const at = (ms: number) => () => new Date(NOW.getTime() + ms);
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('withLease', () => {
  it('two instances started at the same moment (separate processes): exactly one runs', async () => {
    const run = promisify(execFile);
    const tsx = path.join(__dirname, '../../node_modules/.bin/tsx');
    const racer = path.join(__dirname, 'support/leaseRacer.ts');
    const startAt = String(Date.now() + 3_000);
    const results = await Promise.all(
      ['instance-a', 'instance-b', 'instance-c'].map((holder) => run(tsx, [racer, world.file, holder, startAt, '800'])),
    );
    const outcomes = results.map((r) => JSON.parse(r.stdout) as { holder: string; ran: boolean; onTime: boolean });
    expect(outcomes.every((o) => o.onTime)).toBe(true);
    const winners = outcomes.filter((o) => o.ran);
    expect(winners).toHaveLength(1);
    const lease = await world.store.transaction((tx) => tx.get('leases', 'job:overdueScan'));
    expect(lease!.holder).toBe(winners[0]!.holder);
    expect(Date.parse(lease!.expiresAt)).toBeLessThanOrEqual(Date.now());
  });

  it('while one instance holds the lease the other skips, and runs once it is released', async () => {
    const g = gate();
    const ran: string[] = [];
    const first = withLease(world.store, 'job:scan', 'a', 60_000, at(0), async () => {
      ran.push('a');
      await g.opened;
      return 'done by a';
    });
    await new Promise((r) => setTimeout(r, 20));
    const skipped = await withLease(second, 'job:scan', 'b', 60_000, at(1_000), async () => ran.push('b'));
    expect(skipped).toEqual({ ran: false, heldBy: 'a', until: new Date(NOW.getTime() + 60_000).toISOString() });
    g.open();
    expect(await first).toEqual({ ran: true, result: 'done by a' });
    expect(await withLease(second, 'job:scan', 'b', 60_000, at(2_000), async () => ran.push('b'))).toMatchObject({ ran: true });
    expect(ran).toEqual(['a', 'b']);
  });

  it('the same holder does not run twice at once either', async () => {
    const g = gate();
    const first = withLease(world.store, 'job:scan', 'a', 60_000, at(0), () => g.opened);
    await new Promise((r) => setTimeout(r, 20));
    expect(await withLease(world.store, 'job:scan', 'a', 60_000, at(0), async () => 'again')).toMatchObject({ ran: false });
    g.open();
    await first;
  });

  it('an expired lease is taken over; the old holder cannot renew it nor release the new holder', async () => {
    const g = gate();
    let renewError: unknown;
    const slow = withLease(world.store, 'job:scan', 'a', 1_000, at(0), async (lease) => {
      await g.opened;
      renewError = await lease.renew().catch((e: unknown) => e);
    });
    await new Promise((r) => setTimeout(r, 20));
    const g2 = gate();
    const takeover = withLease(second, 'job:scan', 'b', 60_000, at(5_000), () => g2.opened);
    await new Promise((r) => setTimeout(r, 20));
    g.open();
    await slow;
    expect(renewError).toBeInstanceOf(LeaseLostError);
    const lease = await world.store.transaction((tx) => tx.get('leases', 'job:scan'));
    expect(lease).toMatchObject({ holder: 'b', expiresAt: new Date(NOW.getTime() + 65_000).toISOString() });
    g2.open();
    expect(await takeover).toMatchObject({ ran: true });
  });

  it('renew extends the lease for a long job', async () => {
    let clock = 0;
    const now = () => new Date(NOW.getTime() + clock);
    await withLease(world.store, 'job:scan', 'a', 10_000, now, async (lease) => {
      clock = 8_000;
      await lease.renew();
      expect(await withLease(second, 'job:scan', 'b', 10_000, at(12_000), async () => 'b ran')).toMatchObject({ ran: false });
    });
  });

  it('is released when the job throws, and the error reaches the caller', async () => {
    await expect(withLease(world.store, 'job:scan', 'a', 60_000, at(0), async () => Promise.reject(new Error('scan failed')))).rejects.toThrow('scan failed');
    expect(await withLease(second, 'job:scan', 'b', 60_000, at(1), async () => 'b ran')).toEqual({ ran: true, result: 'b ran' });
  });

  it('treats a ConflictError as "another instance won" (a stale read, as on a store without transactions)', async () => {
    await withLease(world.store, 'job:scan', 'a', 60_000, at(0), async () => {
      const stale = staleReads(second);
      expect(await withLease(stale, 'job:scan', 'b', 60_000, at(0), async () => 'b ran')).toEqual({ ran: false });
    });
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
