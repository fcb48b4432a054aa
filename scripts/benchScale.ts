/**
 * What the production queries cost as the store grows: the demo partnership plus invented cases (deterministic) at
 * 500, 5,000 and 50,000 cases with four actions each (200,000 at the top), on SQLite through the production queries
 * and runQuery (audit included). Prints, per size: register first page (p50, p95, rows read) for a coordinator and a
 * partner, register page 100, a case page, the bot's `status` hit and miss, the longest event-loop stall while the
 * partner's whole register is paged by cursor, and the process's memory. Figures only; nothing is asserted.
 *   npm run bench:scale            (a few minutes; BENCH_SCALE_MAX=5000 for a quick run)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { makeContext, type Context } from '../src/kernel/context';
import { runQuery } from '../src/kernel/query';
import { runOverdueScanAsSystem } from '../src/kernel/overdueScan';
import { DEMO_PERSONAS } from '../src/demo/personas';
import { seedDemo } from '../src/demo/seedDemo';
import type { Agency, CaseRecord, Member } from '../src/domain/records';
import { queries } from '../src/queries';
import type { RegisterPage } from '../src/queries/listRegister';
import { SqliteStore } from '../src/store/sqlite/sqliteStore';
import { grow } from './scaleWorld';

const NOW = new Date('2026-06-15T09:00:00Z');
const SIZES = [500, 5_000, 50_000].filter((n) => n <= Number(process.env.BENCH_SCALE_MAX ?? 50_000));
const RUNS = 20;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed(store: SqliteStore, work: () => Promise<unknown>, runs = RUNS) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const before = store.stats.rowsRead;
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
    rows = store.stats.rowsRead - before;
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), rows };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-bench-scale-'));
  const store = new SqliteStore(path.join(dir, 'bench.db'));
  await seedDemo(store, { now: NOW, refPrefix: 'CASPA' });
  const demoCases = (await store.transaction((tx) => tx.find('cases'))).length;
  let seq = 0;
  const ctxFor = async (key: string): Promise<Context> => {
    const p = DEMO_PERSONAS.find((x) => x.key === key)!;
    const actor = await store.transaction(async (tx) => {
      const member = (await tx.get('members', p.id)) as Member;
      return { member, agency: (await tx.get('agencies', member.agencyId)) as Agency };
    });
    return makeContext({ store, actor, now: () => NOW, correlationId: `bench-${++seq}`, newId: () => `bench-id-${++seq}` });
  };
  const fresh = async (key: string) => {
    const ctx = await ctxFor(key);
    return () => ({ ...ctx, correlationId: `bench-${++seq}` });
  };
  const coordinator = await fresh('coordinator');
  const police = await fresh('police');
  const aCase = (await store.transaction((tx) => tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'open' }], limit: 1 })))[0] as CaseRecord;

  console.info(`bench:scale: SQLite (WAL, read connection), production queries through runQuery; demo cases ${demoCases}; ${RUNS} runs each`);
  let held = 0;
  for (const size of SIZES) {
    const t0 = performance.now();
    await grow(store, held, size);
    held = size;
    console.info(`\n== ${size.toLocaleString('en-GB')} invented cases, ${(size * 4).toLocaleString('en-GB')} actions (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const rows: [string, { p50: number; p95: number; rows: number }][] = [
      ['register first page, coordinator', await timed(store, () => runQuery(queries.listRegister, coordinator(), {}))],
      ['register first page, police partner', await timed(store, () => runQuery(queries.listRegister, police(), {}))],
      ['register page 100 (page size 50), coordinator', await timed(store, () => runQuery(queries.listRegister, coordinator(), { page: Math.min(100, Math.max(1, Math.floor(size / 50))) }), 5)],
      ['register search "0042", coordinator (indexed)', await timed(store, () => runQuery(queries.listRegister, coordinator(), { q: '0042' }), 5)],
      ['case page (getCase)', await timed(store, () => runQuery(queries.getCase, coordinator(), { caseId: aCase.id }))],
      ['bot status hit', await timed(store, () => runQuery(queries.getCaseStatus, police(), { ref: aCase.ref, surface: 'personal' }))],
      ['bot status miss (near-miss suggestion)', await timed(store, () => runQuery(queries.getCaseStatus, police(), { ref: 'CASPX-2026-9999', surface: 'personal' }))],
      ['register search "0042", police partner', await timed(store, () => runQuery(queries.listRegister, police(), { q: '0042' }), 5)],
      ['register first page, police, sorted by reference', await timed(store, () => runQuery(queries.listRegister, police(), { sort: 'ref' }))],
      // The production scan (as the scheduler runs it); after the first run its rows are already queued.
      ['overdue scan (production, as the scheduler)', await timed(store, () => runOverdueScanAsSystem(store, NOW, { reminderDaysBefore: 3, escalationDaysOverdue: 14 }, 'bench'), 3)],
    ];
    for (const [name, r] of rows) console.info(`${name.padEnd(48)} p50 ${ms(r.p50).padStart(10)}  p95 ${ms(r.p95).padStart(10)}  rows read ${r.rows}`);

    // The partner pages their whole register by cursor while the event loop's stalls are measured.
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    let pages = 0;
    let cursor: string | undefined;
    const t1 = performance.now();
    do {
      const page = (await runQuery(queries.listRegister, police(), { pageSize: 200, ...(cursor ? { cursor } : {}) })) as RegisterPage;
      cursor = page.nextCursor;
      pages++;
      // Between requests a server's loop turns: let it, so each page's own stall is what the monitor sees.
      await new Promise((resolve) => setImmediate(resolve));
    } while (cursor && pages < 1000);
    loop.disable();
    console.info(`police register paged whole by cursor: ${pages} pages in ${ms(performance.now() - t1)}; longest event-loop stall ${ms(loop.max / 1e6)}`);
    const mem = process.memoryUsage();
    console.info(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
  }
  console.info('\nNot measured here: the Graph fake at these sizes (see npm run bench:graph), indicators. This machine is shared (2 cores, other jobs running): figures vary run to run.');
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
