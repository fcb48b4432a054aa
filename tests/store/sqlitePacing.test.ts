import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { insert, makeCase } from '../support/records';

// better-sqlite3 is synchronous and an await on it never lets timers or sockets run: without pacing, a long unit of
// work (the overdue scan, a year of indicators) would hold the whole server until it ends. The store lets the event
// loop turn while a unit runs, so another request (here: a timer) is served in the middle of it.

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-pacing-'));
  store = new SqliteStore(path.join(dir, 'pacing.db'));
  for (let i = 0; i < 300; i++) await insert(store, 'cases', makeCase({ id: `c${i}`, ref: `CASPA-2026-${String(i).padStart(4, '0')}` }));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite units of work let other requests run', () => {
  it('a write transaction of many statements lets a timer fire before it ends', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    let seenInside = false;
    await store.transaction(async (tx) => {
      const start = performance.now();
      while (performance.now() - start < 60) await tx.get('cases', 'c1');
      seenInside = fired;
    });
    expect(seenInside).toBe(true);
  });

  it('a read decoding a long result lets a timer fire before it returns', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    let seenInside = false;
    await store.read!(async (tx) => {
      const start = performance.now();
      while (performance.now() - start < 60) await tx.find('cases');
      seenInside = fired;
    });
    expect(seenInside).toBe(true);
  });

  it('many reads issued side by side are spread over several turns, not run in one', async () => {
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    await store.transaction(async (tx) => {
      // How many gets this machine runs in 10 ms, one after another...
      let n = 0;
      const start = performance.now();
      while (performance.now() - start < 10) await tx.get('cases', `c${n++ % 300}`);
      // ...then five times that, all issued at once as a scan reads its cases: several slices' worth on any machine.
      await Promise.all(Array.from({ length: 5 * n }, (_, i) => tx.get('cases', `c${i % 300}`)));
    });
    ticking = false;
    // Resumed together after one turn, they would all run in it: the ticker would fire once at most.
    expect(ticks).toBeGreaterThanOrEqual(2);
  });

  it("waits for another instance's write with timers, never inside SQLite, so that instance can finish", async () => {
    const other = new SqliteStore(path.join(dir, 'pacing.db'));
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const holding = other.transaction(async (tx) => {
        await tx.get('cases', 'c1');
        await gate;
      });
      await new Promise((resolve) => setImmediate(resolve));
      // This write needs the lock the other store holds. A busy wait inside SQLite would hold the event loop, so the
      // release below could never run and the write would fail as "database is locked".
      const writing = store.transaction((tx) => tx.get('cases', 'c2'));
      setTimeout(release, 20);
      await holding;
      await expect(writing).resolves.toMatchObject({ id: 'c2' });
    } finally {
      await other.close();
    }
  });
});
