/**
 * The board's indicators at scale: `npm run bench:reports`
 *   1. every indicator for a year over 5,000 cases and 20,000 actions on SQLite (one GET /api/reports read: time and
 *      rows read);
 *   2. the same read on the SharePoint store against the in-process Graph fake (requests, $batch calls, round trips
 *      and their time at 100 ms each, as bench:graph counts them);
 *   3. the JavaScript the Reports page adds to the tab: the chunks opening it fetches beyond the first load, and of
 *      those the ones no other page loads (gzipped at level 9 as bench:tab weighs the first load; loaded on demand);
 *   4. time to first chart in headless Chromium: a cold load of #/reports as the board member (a new browser profile,
 *      so nothing cached) until the first chart's bars are on screen, and until the first table of figures, against
 *      the real server on a temporary SQLite file with the demo partnership, then with 5,000 cases and 20,000
 *      actions more (dated over the last 13 months, so the quarter the page opens on has its share).
 * 3 and 4 need the built tab (`npm run build:tab`); `npm run bench:reports -- tab` runs them alone. Figures only: nothing here passes or fails on time.
 * Invented data only: a few thousand invented adults, some referred more than once (so repeats are real work).
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import type { ActionRecord, CaseRecord } from '../src/domain/records';
import { DEMO_AGENCIES } from '../src/demo/personas';
import { makeContext } from '../src/kernel/context';
import { captureLogs } from '../src/log';
import { queries, runQuery } from '../src/queries';
import { toFields } from '../src/store/sharepoint/itemMapping';
import { LISTS } from '../src/store/sharepoint/listSchema';
import { launchBrowser } from '../tests/e2e/support/browser';
import { personas, startTabServer, type TabServer } from '../tests/e2e/support/tabServer';
import { seedCases } from '../tests/fakes/seedCases';
import { fakeSharePoint } from '../tests/fakes/sharePointHarness';
import {
  chunkNamed, firstLoadChunks, gzipBytes, importsOf, isBuilt, jsChunks, staticClosure,
} from '../tests/tab/support/builtChunks';
import { makeAction, makeCase } from '../tests/support/records';
import { actorOf, AGENCIES, createWorld, MEMBERS } from '../tests/support/world';

const CASES = 5000;
const ACTIONS = 20000;
const ADULTS = 3500;
const LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
const NOW = new Date('2026-12-31T12:00:00Z');
/** The first day the invented records fall on; they spread over 390 days from it. */
let firstDay = Date.UTC(2025, 11, 1);
const day = (i: number) => new Date(firstDay + (i % 390) * 86_400_000 + (i % 24) * 3_600_000).toISOString();
const COLD_LOADS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function benchCases(agencyIds: readonly string[] = AGENCIES.map((a) => a.id)): CaseRecord[] {
  return Array.from({ length: CASES }, (_, i) => {
    const adult = i % ADULTS;
    return makeCase({
      id: `bench-case-${i}`, ref: `CASPA-2026-${String(i + 1).padStart(5, '0')}`, receivedAt: day(i), referrerAgencyId: agencyIds[i % 4]!,
      adult: { name: `Invented Adult ${adult}`, dateOfBirth: `19${String(40 + (adult % 50)).padStart(2, '0')}-0${1 + (adult % 9)}-1${adult % 10}`,
        ...(adult % 2 ? { nhsNumber: String(9000000000 + adult) } : {}) },
      ...(i % 3 === 0 ? { status: 'open' as const, acceptedAt: day(i + 10), leadAgencyId: agencyIds[(i + 1) % 4]!, riskLevel: LEVELS[i % 4]!, riskLevelAtAcceptance: LEVELS[(i + 1) % 4]! } : {}),
    });
  });
}

function benchActions(agencyIds: readonly string[] = AGENCIES.map((a) => a.id)): ActionRecord[] {
  return Array.from({ length: ACTIONS }, (_, i) => makeAction({
    id: `bench-action-${i}`, agencyId: agencyIds[i % 4]!, dueDate: day(i).slice(0, 10), parentId: `bench-case-${i % CASES}`,
    ...(i % 2 ? { status: 'completed' as const, completedAt: day(i + (i % 5)) } : {}),
  }));
}

async function onSqlite(cases: CaseRecord[], actions: ActionRecord[]) {
  const world = await createWorld();
  await world.store.transaction(async (tx) => {
    for (const c of cases) await tx.insert('cases', c);
    for (const a of actions) await tx.insert('actions', a);
  });
  const stats = (world.store as unknown as { stats: { rowsRead: number } }).stats;
  await runQuery(queries.getIndicators, world.ctx('viewer', NOW), { period: '2026' }); // warm the statement cache
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let counted = { referrals: 0, repeats: 0, rows: 0 };
  for (let run = 0; run < 3; run++) {
    const rowsBefore = stats.rowsRead;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const view = await runQuery(queries.getIndicators, world.ctx('viewer', NOW), { period: '2026' });
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    counted = { referrals: view.referrals.total, repeats: view.repeats.repeats, rows: stats.rowsRead - rowsBefore };
  }
  await world.close();
  console.info(`SQLite: all indicators for 2026 over ${CASES} cases and ${ACTIONS} actions: ${Math.min(...times).toFixed(0)} ms best of 3 (CPU ${Math.min(...cpuTimes).toFixed(0)} ms), `
    + `${counted.rows} rows read (${counted.referrals} referrals, ${counted.repeats} repeats counted)`);
}

async function onGraphFake(cases: CaseRecord[], actions: ActionRecord[]) {
  const { fake, store } = await fakeSharePoint();
  // With their keys list items, as the store writes them (the indicators' repeat referrals look cases up by adult).
  seedCases(fake, cases);
  fake.seedItems('Actions', actions.map((a) => toFields(LISTS.actions, { ...a })));
  await store.transaction(async (tx) => {
    for (const a of AGENCIES) await tx.insert('agencies', a);
    await tx.insert('members', MEMBERS.viewer);
  });
  const ctx = makeContext({ store, actor: actorOf('viewer'), now: () => NOW });
  fake.resetStats();
  const started = performance.now();
  const view = await runQuery(queries.getIndicators, ctx, { period: '2026' });
  const wall = performance.now() - started;
  const s = fake.stats;
  console.info(`SharePoint (Graph fake): the same read: ${s.requests} requests (${s.batches} $batch carrying ${s.innerRequests}), `
    + `${Math.round(s.simulatedMs / 100)} round trips = ${(s.simulatedMs / 1000).toFixed(1)} s at 100 ms each; ${wall.toFixed(0)} ms in process `
    + `(${view.referrals.total} referrals)`);
}

/** What opening the Reports page fetches beyond the first load, and the part of it no other page loads. */
function reportsJavaScript(): void {
  const firstLoad = staticClosure(firstLoadChunks());
  const page = chunkNamed('ReportsPage');
  const charts = chunkNamed('ReportCharts');
  const opened = [...staticClosure([page, charts])].filter((c) => !firstLoad.has(c));
  // Everything any other page (or anything else loaded on demand) brings: the targets of every dynamic import but
  // the Reports page's own two chunks, with what they import.
  const elsewhere = staticClosure(jsChunks().flatMap((c) => importsOf(c).dynamics).filter((c) => c !== page && c !== charts));
  const only = opened.filter((c) => !elsewhere.has(c));
  const sum = (chunks: string[]) => chunks.reduce((n, c) => n + gzipBytes(c), 0);
  const firstLoadBytes = sum([...firstLoad]);
  console.info(`Reports page JavaScript (gzip level 9, loaded on demand): opening it adds ${opened.length} chunks, ${kb(sum(opened))} KB `
    + `(ReportsPage ${kb(gzipBytes(page))} KB, ReportCharts ${kb(gzipBytes(charts))} KB, the rest shared with other pages); `
    + `${only.length} chunks, ${kb(sum(only))} KB, are loaded by the Reports page alone. The first load stays ${kb(firstLoadBytes)} KB.`);
}

type Marked = Window & { __firstTable?: number; __firstChart?: number };

/** The board member's cold loads of #/reports: ms from navigation to the first table of figures and the first chart. */
async function coldLoads(browser: Browser, server: TabServer): Promise<{ table: number[]; chart: number[]; api: number[]; bars: number }> {
  const viewer = (await personas(server)).find((p) => p.roles.length === 1 && p.roles[0] === 'viewer');
  if (!viewer) throw new Error('The demo has no board member (viewer) persona');
  const table: number[] = [];
  const chart: number[] = [];
  const api: number[] = [];
  let bars = 0;
  for (let run = 0; run < COLD_LOADS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    await context.addInitScript((email) => window.localStorage.setItem('riskpanel.persona', email), viewer.email);
    // tsx keeps function names with a `__name` helper that does not exist in the page the functions below run in.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    // Marks, in the page's own clock (ms from navigation), the first table of figures and the first chart with bars on
    // screen; a string, so no compiled helper is needed in the page.
    await context.addInitScript({ content: `
      const seen = () => {
        if (!window.__firstTable && document.querySelector('#report-referrals-section table tbody tr')) window.__firstTable = performance.now();
        const bar = document.querySelector('svg[role="region"] [role="option"]');
        if (!window.__firstChart && bar && bar.closest('svg').getBoundingClientRect().height > 0) window.__firstChart = performance.now();
        return window.__firstTable && window.__firstChart;
      };
      const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
      document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true, attributes: true }));
    ` });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/reports`);
    // The functions run in the page: they can name only what is there.
    await page.waitForFunction(() => (window as Marked).__firstChart !== undefined && (window as Marked).__firstTable !== undefined, undefined, { timeout: 120_000 });
    const marks = await page.evaluate(() => ({
      table: (window as Marked).__firstTable!, chart: (window as Marked).__firstChart!,
      api: window.performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/reports?')).map((e) => e.duration)[0] ?? 0,
      bars: document.querySelectorAll('svg[role="region"] [role="option"]').length,
    }));
    table.push(marks.table);
    chart.push(marks.chart);
    api.push(marks.api);
    bars = marks.bars;
    await context.close();
  }
  return { table, chart, api, bars };
}

async function timeToFirstChart(): Promise<void> {
  // The server logs every request; the figures are what this prints.
  const quiet = captureLogs();
  let browser: Browser | undefined;
  const servers: TabServer[] = [];
  try {
    browser = await launchBrowser();
    const say = (label: string, r: Awaited<ReturnType<typeof coldLoads>>) => console.info(
      `Time to first chart, ${label}: ${median(r.chart).toFixed(0)} ms median of ${COLD_LOADS} cold loads of #/reports `
      + `(first ${r.chart[0]!.toFixed(0)} ms, best ${Math.min(...r.chart).toFixed(0)} ms); first table of figures ${median(r.table).toFixed(0)} ms; `
      + `GET /api/reports ${median(r.api).toFixed(0)} ms; ${r.bars} bars on screen at the first chart`);

    const demo = await startTabServer();
    servers.push(demo);
    say('demo partnership', await coldLoads(browser, demo));

    const big = await startTabServer();
    servers.push(big);
    // Dated over the 390 days to today, with the demo's agencies: the quarter the page opens on holds its share.
    firstDay = Date.now() - 390 * 86_400_000;
    const agencyIds = DEMO_AGENCIES.map((a) => a.id);
    const cases = benchCases(agencyIds).map((c, i) => ({ ...c, ref: `CASPA-1999-${String(i + 1).padStart(5, '0')}` }));
    const actions = benchActions(agencyIds);
    await big.store.transaction(async (tx) => {
      for (const c of cases) await tx.insert('cases', c);
      for (const a of actions) await tx.insert('actions', a);
    });
    say(`demo + ${CASES.toLocaleString('en-GB')} cases and ${ACTIONS.toLocaleString('en-GB')} actions`, await coldLoads(browser, big));
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    const problems = quiet.lines.filter((l) => l.level === 'error' || l.level === 'fatal');
    quiet.stop();
    if (problems.length) console.info(`The server logged ${problems.length} errors, first: ${JSON.stringify(problems[0])}`);
  }
}

async function main() {
  // `npm run bench:reports -- tab`: the tab's figures (3 and 4) alone.
  if (!process.argv.slice(2).includes('tab')) {
    const cases = benchCases();
    const actions = benchActions();
    await onSqlite(cases, actions);
    await onGraphFake(cases, actions);
  }

  if (!isBuilt()) {
    console.info('Reports page JavaScript and time to first chart: build the tab first (npm run build:tab).');
    return;
  }
  reportsJavaScript();
  await timeToFirstChart();
}

void main();
