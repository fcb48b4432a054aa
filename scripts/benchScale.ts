/**
 * What the production queries cost as the store grows: the demo partnership plus invented cases (deterministic) at
 * 500, 5,000 and 50,000 cases with four actions each (200,000 at the top), on SQLite through the production queries
 * and runQuery (audit included). Prints, per size: register first page (p50, p95, rows read) for a coordinator and a
 * partner, register page 100, a case page, the bot's `status` hit and miss, the overdue scan (and the longest event-loop stall it causes), a year of indicators; then over HTTP against
 * the real server (createApp on a loopback port): the longest event-loop stall while the partner's whole register is
 * paged by cursor as the tab pages it, and the bot's `status` miss from 50 users at once (latency, connection errors);
 * and the process's memory. Issue 11's targets are printed beside the figures. Figures only; nothing is asserted.
 *   npm run bench:scale            (about a minute; BENCH_SCALE_MAX=5000 for a quick run)
 * In-process figures run as deployed (NODE_ENV=production: answers are not re-checked against their schemas, which
 * only tests and development do); the bot section runs in local mode, anonymous as the Agents Playground calls it.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { makeContext, type Context } from '../src/kernel/context';
import { runQuery } from '../src/kernel/query';
import { runOverdueScanAsSystem } from '../src/kernel/overdueScan';
import { DEMO_PERSONAS } from '../src/demo/personas';
import { seedDemo } from '../src/demo/seedDemo';
import type { Agency, CaseRecord, Member } from '../src/domain/records';
import { queries } from '../src/queries';
import type { RegisterPage } from '../src/queries/listRegister';
import { createApp } from '../src/server/app';
import { keepConnectionsAlive } from '../src/server/keepAlive';
import { SqliteStore } from '../src/store/sqlite/sqliteStore';
import { log } from '../src/log';
import { grow } from './scaleWorld';

const NOW = new Date('2026-06-15T09:00:00Z');
const SIZES = [500, 5_000, 50_000].filter((n) => n <= Number(process.env.BENCH_SCALE_MAX ?? 50_000));
const RUNS = 20;

const PAGE_SIZE = 50;
const TAB_PAGE_SIZE = 100;
const BOT_USERS = 50;
const BOT_ROUNDS = 4;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed(store: SqliteStore, work: () => Promise<unknown>, runs = RUNS) {
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const before = store.stats.rowsRead;
    const c = process.cpuUsage();
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    rows = store.stats.rowsRead - before;
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), cpu50: quantile(cpu, 0.5), cpu95: quantile(cpu, 0.95), rows };
}

/**
 * How long `work` held the event loop at once: the longest gap between a 2 ms timer's firings, as the wall clock
 * saw it and as CPU time (what the process itself spent in that gap; on a shared machine the wall clock also counts
 * the time spent waiting for a core).
 */
async function longestStall(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let wall = 0;
  let cpu = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const used = process.cpuUsage(lastCpu);
    wall = Math.max(wall, now - last - 2);
    cpu = Math.max(cpu, (used.user + used.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  }, 2);
  await work();
  // A stall that lasted to the end shows only when the timer next fires.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(timer);
  return { wall, cpu };
}

/**
 * Pages the partner's whole register over HTTP as the tab does (pages of 100, each by the last one's cursor) while
 * the event loop's stalls are measured two ways (Node's delay monitor, and a 2 ms timer's longest late firing) and
 * /healthz is asked over and over beside it: what another request waits while the register is read.
 */
async function pageOverHttp(url: string, email: string) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let lastTick = performance.now();
  let probe = 0;
  let inFlight = 0;
  const gaps: [number, number][] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    probe = Math.max(probe, now - lastTick - 2);
    if (process.env.BENCH_STALLS && now - lastTick > 30) gaps.push([inFlight, Math.round(now - lastTick)]);
    lastTick = now;
  }, 2);
  let paging = true;
  let health = 0;
  let healthWorst = 0;
  const healthLoop = (async () => {
    while (paging) {
      const t = performance.now();
      await (await fetch(`${url}/healthz`)).json();
      healthWorst = Math.max(healthWorst, performance.now() - t);
      health++;
    }
  })();
  const times: number[] = [];
  let pages = 0;
  let cursor: string | undefined;
  const t0 = performance.now();
  do {
    const t = performance.now();
    inFlight = pages + 1;
    const query = `sort=receivedAt&order=desc&page=${pages + 1}&pageSize=${TAB_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await fetch(`${url}/api/cases?${query}`, { headers: { Authorization: `Dev ${email}`, 'accept-encoding': 'gzip' } });
    if (!res.ok) throw new Error(`register page ${pages + 1}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as RegisterPage;
    times.push(performance.now() - t);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 2000);
  const total = performance.now() - t0;
  paging = false;
  await healthLoop;
  clearInterval(timer);
  loop.disable();
  if (process.env.BENCH_STALLS) console.info(`  stalls over 30 ms [page in flight, ms]: ${JSON.stringify(gaps)}`);
  return { pages, ms: total, pageP50: quantile(times, 0.5), pageP95: quantile(times, 0.95), stall: loop.max / 1e6, probe, health, healthWorst };
}

/**
 * The bot's `status` with a reference nobody holds, sent to POST /api/messages by BOT_USERS users at once (the demo's
 * members, each in their own chats), BOT_ROUNDS times; replies come back in the response (expectReplies). Counts
 * connection errors (resets, refusals) apart from any other failure.
 */
async function botStorm(url: string) {
  const previous = process.env.NODE_ENV;
  // Local mode, anonymous, as the Agents Playground calls the bot (production would demand a Bot Framework token).
  delete process.env.NODE_ENV;
  const people = DEMO_PERSONAS.filter((p) => p.roles.some((r) => r === 'partner' || r === 'chair' || r === 'coordinator'));
  const times: number[] = [];
  let connectionErrors = 0;
  let failures = 0;
  let sent = 0;
  let worst = 0;
  try {
    for (let round = 0; round < BOT_ROUNDS; round++) {
      await Promise.all(
        Array.from({ length: BOT_USERS }, async (_, i) => {
          const who = people[i % people.length]!;
          const activity = {
            type: 'message',
            text: 'status CASPX-2026-9999',
            id: `bench-${round}-${i}`,
            from: { id: `29:user-${who.aadObjectId}`, aadObjectId: who.aadObjectId, name: 'Invented' },
            recipient: { id: '28:riskpanel-bot', name: 'RiskPanel' },
            conversation: { id: `bench-conversation-${i}`, conversationType: 'personal' },
            channelId: 'msteams',
            serviceUrl: 'http://127.0.0.1:1',
            deliveryMode: 'expectReplies',
          };
          const t = performance.now();
          sent++;
          try {
            const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
            const body = (await res.json()) as { activities?: unknown[] };
            if (res.status !== 200 || !body.activities?.length) failures++;
          } catch {
            connectionErrors++;
          }
          const took = performance.now() - t;
          times.push(took);
          worst = Math.max(worst, took);
        }),
      );
    }
  } finally {
    process.env.NODE_ENV = previous;
  }
  return { sent, p50: quantile(times, 0.5), p95: quantile(times, 0.95), worst, connectionErrors, failures };
}

async function main(): Promise<void> {
  // One log line per request would bury the figures (and its cost is the logger's, not the register's).
  log.level = process.env.LOG_LEVEL ?? 'warn';
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
  const policeEmail = DEMO_PERSONAS.find((x) => x.key === 'police')!.email;
  const police = await fresh('police');
  const aCase = (await store.transaction((tx) => tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'open' }], limit: 1 })))[0] as CaseRecord;

  console.info(`bench:scale: SQLite (WAL, read connections), production queries through runQuery; demo cases ${demoCases}; ${RUNS} runs each; NODE_ENV=production`);
  const config = loadConfig({ RISKPANEL_MODE: 'local', HOST: '127.0.0.1', PORT: '0', SQLITE_PATH: path.join(dir, 'bench.db'), TAB_DIR: '/nonexistent', SEED_DEMO: 'false', REF_PREFIX: 'CASPA' });
  const server: Server = keepConnectionsAlive(createApp({ config, store }).listen(0, '127.0.0.1'));
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // As deployed (see the header), once the bot's adapter is made in local mode; the bot section runs in local mode.
  process.env.NODE_ENV = 'production';
  const summary: Record<string, Record<number, number>> = { coordinatorP50: {}, coordinatorP95: {}, policeP50: {}, policeP95: {} };
  let held = 0;
  let last:
    | { rowsCoordinator: number; rowsPolice: number; coordinatorP95: number; policeP95: number; coordinatorCpu95: number; policeCpu95: number; missP95: number; missCpu95: number; stall: number; probe: number; botErrors: number; botP95: number }
    | undefined;
  for (const size of SIZES) {
    const t0 = performance.now();
    await grow(store, held, size);
    held = size;
    console.info(`\n== ${size.toLocaleString('en-GB')} invented cases, ${(size * 4).toLocaleString('en-GB')} actions (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const first = { pageSize: PAGE_SIZE };
    const coordinatorFirst = await timed(store, () => runQuery(queries.listRegister, coordinator(), first));
    const policeFirst = await timed(store, () => runQuery(queries.listRegister, police(), first));
    const miss = await timed(store, () => runQuery(queries.getCaseStatus, police(), { ref: 'CASPX-2026-9999', surface: 'personal' }));
    const rows: [string, Awaited<ReturnType<typeof timed>>][] = [
      [`register first page (${PAGE_SIZE}), coordinator`, coordinatorFirst],
      [`register first page (${PAGE_SIZE}), police partner`, policeFirst],
      ['register page 100 (page size 50), coordinator', await timed(store, () => runQuery(queries.listRegister, coordinator(), { page: Math.min(100, Math.max(1, Math.floor(size / 50))) }), 5)],
      ['register search "0042", coordinator (indexed)', await timed(store, () => runQuery(queries.listRegister, coordinator(), { q: '0042' }), 5)],
      ['case page (getCase)', await timed(store, () => runQuery(queries.getCase, coordinator(), { caseId: aCase.id }))],
      ['bot status hit', await timed(store, () => runQuery(queries.getCaseStatus, police(), { ref: aCase.ref, surface: 'personal' }))],
      ['bot status miss (near-miss suggestion)', miss],
      ['register search "0042", police partner', await timed(store, () => runQuery(queries.listRegister, police(), { q: '0042' }), 5)],
      ['register first page, police, sorted by reference', await timed(store, () => runQuery(queries.listRegister, police(), { sort: 'ref' }))],
      // The production scan (as the scheduler runs it); after the first run its rows are already queued.
      ['overdue scan (production, as the scheduler)', await timed(store, () => runOverdueScanAsSystem(store, NOW, { reminderDaysBefore: 3, escalationDaysOverdue: 14 }, 'bench'), 3)],
      ['a year of indicators (2026), coordinator', await timed(store, () => runQuery(queries.getIndicators, coordinator(), { period: '2026' }), 3)],
    ];
    // The scan runs in the server's process (the scheduler): what it holds the event loop for, beside its time.
    const scanStall = await longestStall(() => runOverdueScanAsSystem(store, NOW, { reminderDaysBefore: 3, escalationDaysOverdue: 14 }, 'bench'));
    // CPU time beside the wall clock: on a shared machine the wall clock also counts the time spent waiting for a core.
    for (const [name, r] of rows) {
      console.info(`${name.padEnd(48)} p50 ${ms(r.p50).padStart(10)}  p95 ${ms(r.p95).padStart(10)}  (CPU p50 ${ms(r.cpu50).padStart(9)}, p95 ${ms(r.cpu95).padStart(9)})  rows read ${r.rows}`);
    }
    summary.coordinatorP50![size] = coordinatorFirst.p50;
    summary.coordinatorP95![size] = coordinatorFirst.p95;
    summary.policeP50![size] = policeFirst.p50;
    summary.policeP95![size] = policeFirst.p95;

    // In process: the partner pages their whole register by cursor, letting the loop turn between pages.
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    let pages = 0;
    let cursor: string | undefined;
    const t1 = performance.now();
    do {
      const page = (await runQuery(queries.listRegister, police(), { pageSize: TAB_PAGE_SIZE, ...(cursor ? { cursor } : {}) })) as RegisterPage;
      cursor = page.nextCursor;
      pages++;
      await new Promise((resolve) => setImmediate(resolve));
    } while (cursor && pages < 2000);
    loop.disable();
    console.info(`overdue scan: longest event-loop stall ${ms(scanStall.wall)} (CPU ${ms(scanStall.cpu)})`);
    console.info(`police register paged whole by cursor, in process: ${pages} pages of ${TAB_PAGE_SIZE} in ${ms(performance.now() - t1)}; longest event-loop stall ${ms(loop.max / 1e6)}`);

    const http = await pageOverHttp(url, policeEmail);
    console.info(
      `police register paged whole over HTTP (as the tab pages it): ${http.pages} pages of ${TAB_PAGE_SIZE} in ${ms(http.ms)}; page p50 ${ms(http.pageP50)}, p95 ${ms(http.pageP95)}; ` +
        `longest event-loop stall ${ms(http.stall)} (monitorEventLoopDelay), ${ms(http.probe)} (timer probe); /healthz meanwhile: ${http.health} answers, slowest ${ms(http.healthWorst)}`,
    );
    const bot = await botStorm(url);
    console.info(
      `bot "status" miss over HTTP, ${BOT_USERS} users at once × ${BOT_ROUNDS}: ${bot.sent} messages, p50 ${ms(bot.p50)}, p95 ${ms(bot.p95)}, worst ${ms(bot.worst)}; ` +
        `connection errors ${bot.connectionErrors}, other failures ${bot.failures}`,
    );
    const mem = process.memoryUsage();
    console.info(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
    last = {
      rowsCoordinator: coordinatorFirst.rows, rowsPolice: policeFirst.rows, coordinatorP95: coordinatorFirst.p95, policeP95: policeFirst.p95,
      coordinatorCpu95: coordinatorFirst.cpu95, policeCpu95: policeFirst.cpu95, missP95: miss.p95, missCpu95: miss.cpu95, stall: http.stall, probe: http.probe, botErrors: bot.connectionErrors + bot.failures, botP95: bot.p95,
    };
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  const top = SIZES.at(-1)!;
  const bottom = SIZES[0]!;
  if (last) {
    const met = (ok: boolean) => (ok ? 'MET' : 'MISSED');
    const ratio = (key: string) => summary[key]![top]! / summary[key]![bottom]!;
    console.info(`\nIssue 11 targets at ${top.toLocaleString('en-GB')} cases (SQLite, in process unless said):`);
    console.info(`  register first page rows read ≤ ${2 * PAGE_SIZE}: coordinator ${last.rowsCoordinator}, partner ${last.rowsPolice}  ${met(Math.max(last.rowsCoordinator, last.rowsPolice) <= 2 * PAGE_SIZE)}`);
    console.info(
      `  register first page p95 ≤ 50 ms: coordinator ${ms(last.coordinatorP95)}, partner ${ms(last.policeP95)}  ${met(Math.max(last.coordinatorP95, last.policeP95) <= 50)} ` +
        `(CPU p95 ${ms(last.coordinatorCpu95)}, ${ms(last.policeCpu95)})`,
    );
    console.info(
      `  ratio ${top.toLocaleString('en-GB')} / ${bottom.toLocaleString('en-GB')} cases ≤ 2: coordinator p50 ${ratio('coordinatorP50').toFixed(2)}, p95 ${ratio('coordinatorP95').toFixed(2)}; ` +
        `partner p50 ${ratio('policeP50').toFixed(2)}, p95 ${ratio('policeP95').toFixed(2)}  ${met(Math.max(ratio('coordinatorP50'), ratio('policeP50')) <= 2)} (on p50)`,
    );
    console.info(`  bot status miss ≤ 20 ms: p95 ${ms(last.missP95)}  ${met(last.missP95 <= 20)} (CPU p95 ${ms(last.missCpu95)}); over HTTP, ${BOT_USERS} users at once: ${last.botErrors} errors  ${met(last.botErrors === 0)}, p95 ${ms(last.botP95)}`);
    console.info(`  longest event-loop stall while the whole register is paged over HTTP ≤ 50 ms: ${ms(last.stall)} (timer probe ${ms(last.probe)})  ${met(last.stall <= 50)}`);
  }
  console.info(`\nNot measured here: the Graph fake at these sizes (see npm run bench:graph). Machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}, shared with other jobs: figures vary run to run.`);
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
