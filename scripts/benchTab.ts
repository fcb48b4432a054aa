/**
 * The tab's two budgets, measured: `npm run bench:tab`
 *   1. the gzipped size of the JavaScript the first page load needs (target at most 250 KB; pages are split by
 *      route, so only the shell and the page asked for load first);
 *   2. the time to first render of the register with 5,000 cases in headless Chromium (target under 500 ms),
 *      against the real server on a temporary SQLite file: the demo partnership plus 5,000 invented cases.
 * The register's time is given twice: opened from within the tab (the tab already running, as when a user clicks
 * "Register"), and as a cold page load of #/register (JavaScript boot and sign-in included). Also printed: the
 * server's own time for one register page, how long all the cases take to arrive (pages of 200, behind the first),
 * how many rows are in the page at once (virtualised), and frame times while scrolling through all of them.
 * BENCH_TRACE=1 prints each cold load's requests and long tasks.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type Browser, type Page, chromium } from 'playwright-core';
import { loadConfig } from '../src/config';
import { seedDemo } from '../src/demo/seedDemo';
import { CAPACITY_STATES, CONSENT_STATES, RISK_CATEGORIES, RISK_LEVELS, type CaseStatus } from '../src/domain/enums';
import type { CaseRecord } from '../src/domain/records';
import { formatRef, initialsOf } from '../src/domain/rules';
import { createApp } from '../src/server/app';
import type { NewRecord } from '../src/store/port';
import { SqliteStore } from '../src/store/sqlite/sqliteStore';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'tabs', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTRA_CASES = 5000;
const RUNS = 5;
const INITIAL_JS_BUDGET_KB = 250;
const FIRST_RENDER_BUDGET_MS = 500;

const kb = (bytes: number) => bytes / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---- 1. initial JavaScript ------------------------------------------------------------------------------------

function build(): void {
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--config', 'tabs/vite.config.ts', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The scripts index.html loads or preloads: what the browser fetches before the first page can render. */
function initialJs(): { files: string[]; gzip: number; raw: number; allGzip: number; lazyLargest: { file: string; gzip: number } } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const all = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !files.includes(f)).map((file) => ({ file, gzip: gzipSize(path.join(DIST, file)) }));
  return {
    files,
    gzip: files.reduce((n, f) => n + gzipSize(path.join(DIST, f)), 0),
    raw: files.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0),
    allGzip: all.reduce((n, f) => n + gzipSize(path.join(DIST, f)), 0),
    lazyLargest: lazy.sort((a, b) => b.gzip - a.gzip)[0] ?? { file: '-', gzip: 0 },
  };
}

// ---- 2. 5,000 invented cases --------------------------------------------------------------------------------------

/** A small deterministic generator, so every run benchmarks the same register. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Bryn', 'Cato', 'Dara', 'Eli', 'Fen', 'Gale', 'Hal', 'Ira', 'Jude', 'Kit', 'Lark', 'Mika', 'Nell', 'Oren', 'Pip'];
const LAST = ['Ashdown', 'Birchley', 'Colvern', 'Dunmore', 'Elstow', 'Farrow', 'Greyling', 'Hollin', 'Ivesley', 'Jarrow', 'Kestle', 'Lomond'];
const STATUSES: CaseStatus[] = ['submitted', 'info_requested', 'listed', 'deferred', 'declined', 'withdrawn', 'open', 'open', 'open', 'escalated', 'closed', 'closed'];

/** Records shaped like tests/support/records.ts makeCase, spread over the demo partnership's agencies and members. */
function syntheticCases(agencyIds: string[], membersByAgency: Map<string, string[]>, now: Date): NewRecord<'cases'>[] {
  const rnd = prng(5000);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * 86_400_000);
  return Array.from({ length: EXTRA_CASES }, (_, i) => {
    const status = pick(STATUSES);
    const referrerAgencyId = pick(agencyIds);
    const referrerMemberId = pick(membersByAgency.get(referrerAgencyId) ?? ['mem-coordinator']);
    const name = `${pick(FIRST)} ${pick(FIRST)} ${pick(LAST)}`;
    const received = day(-Math.floor(rnd() * 700));
    const live = status === 'open' || status === 'escalated' || status === 'closed';
    const leadAgencyId = live ? referrerAgencyId : undefined;
    const record: NewRecord<'cases'> = {
      id: `bench-case-${String(i + 1).padStart(5, '0')}`,
      ref: formatRef('CASPA', 2024, i + 1),
      status,
      createdAt: received.toISOString(),
      updatedAt: received.toISOString(),
      receivedAt: received.toISOString(),
      referrerMemberId,
      referrerAgencyId,
      adult: { name, postcode: 'LU1 1AA' },
      initials: initialsOf(name),
      riskCategories: [pick(RISK_CATEGORIES), pick(RISK_CATEGORIES)].filter((c, j, all) => all.indexOf(c) === j),
      reasons: 'Invented for the benchmark.',
      currentSupport: 'Invented for the benchmark.',
      childrenAtRisk: rnd() < 0.1,
      otherAdultsAtRisk: rnd() < 0.2,
      capacity: pick(CAPACITY_STATES),
      adultAware: true,
      consent: 'given',
      otherProcessesConsidered: [],
      adultViews: 'Invented for the benchmark.',
      advocacyNeeded: false,
      involvements: [],
      restricted: false,
      namedMemberIds: [],
      legalHold: false,
      ...(live
        ? {
            acceptedAt: day(-Math.floor(rnd() * 300)).toISOString(),
            leadAgencyId,
            leadProfessionalId: referrerMemberId,
            riskLevel: pick(RISK_LEVELS),
            nextReviewDate: day(Math.floor(rnd() * 120) - 20).toISOString().slice(0, 10),
          }
        : {}),
    };
    // Only to keep the type honest: every consent state is valid, given is the common one.
    if (rnd() < 0.05) Object.assign(record, { consent: pick(CONSENT_STATES), noConsentReason: 'Invented.', lawfulBasis: 'Invented basis.' });
    return record as Omit<CaseRecord, 'version'>;
  });
}

// ---- 3. the register in Chromium ------------------------------------------------------------------------------------

async function measureRegister(browser: Browser, url: string, coordinatorEmail: string) {
  const firstRender: number[] = [];
  const inApp: number[] = [];
  let allLoadedMs = 0;
  let renderedRows = 0;
  let frames: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh profile each time: nothing cached, as on a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript((email) => window.localStorage.setItem('riskpanel.persona', email), coordinatorEmail);
    // tsx keeps function names with a `__name` helper that does not exist in the page the functions run in.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    if (process.env.BENCH_TRACE) await context.addInitScript({ content: 'window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: "longtask", buffered: true });' });
    const page = await context.newPage();
    await page.goto(`${url}/#/register`);
    await page.waitForFunction(() => performance.getEntriesByName('riskpanel:register-rows').length > 0, undefined, { timeout: 30_000 });
    firstRender.push(await page.evaluate(() => performance.getEntriesByName('riskpanel:register-rows')[0]!.startTime));
    if (process.env.BENCH_TRACE) {
      console.info('longtasks', await page.evaluate(() => JSON.stringify((window as unknown as { __long: number[][] }).__long)));
      console.info(await page.evaluate(() => JSON.stringify((performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]).concat([['dcl', Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd), 0]]))));
    }
    await page.getByRole('status').filter({ hasText: `Showing 5,` }).waitFor({ timeout: 60_000 });
    if (run === 0) {
      allLoadedMs = await page.evaluate(() => performance.now());
      renderedRows = await page.locator('tbody tr[data-index]').count();
      frames = await scrollThrough(page);
    }

    // Within the tab: from the home page to the register's first rows, as a click on "Register" does.
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    inApp.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector('tbody tr[data-index]')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            (document.querySelector('nav[aria-label="Main"] a[href="#/register"]') as HTMLAnchorElement).click();
          }),
      ),
    );
    // Let the rest arrive, so the next run does not start while the server is still answering this one.
    await page.getByRole('status').filter({ hasText: `Showing 5,` }).waitFor({ timeout: 60_000 });
    await context.close();
  }
  // The server's part: one page of the register, asked for directly (the floor under every figure above).
  const apiMs: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const answer = await fetch(`${url}/api/cases?sort=receivedAt&order=desc&page=1&pageSize=200`, { headers: { Authorization: `Dev ${coordinatorEmail}` } });
    total = ((await answer.json()) as { total: number }).total;
    apiMs.push(performance.now() - start);
  }
  return { firstRender, inApp, allLoadedMs, renderedRows, frames, apiMs, total };
}

/** Scrolls the register from top to bottom over about two seconds, one step a frame; returns each frame's duration. */
function scrollThrough(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const table = document.querySelector('table[aria-label="Cases"]')!;
        const scroller = table.parentElement as HTMLElement;
        const steps = 120;
        const durations: number[] = [];
        let step = 0;
        let last = performance.now();
        const tick = (now: number) => {
          durations.push(now - last);
          last = now;
          scroller.scrollTop = (scroller.scrollHeight * ++step) / steps;
          if (step < steps) requestAnimationFrame(tick);
          else resolve(durations.slice(1));
        };
        requestAnimationFrame(tick);
      }),
  );
}

async function main() {
  console.info('Building the tab…');
  build();
  const js = initialJs();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-bench-tab-'));
  const config = loadConfig({ RISKPANEL_MODE: 'local', HOST: '127.0.0.1', PORT: '0', SQLITE_PATH: path.join(dir, 'bench.db'), TAB_DIR: DIST, SEED_DEMO: 'false', REF_PREFIX: 'CASPA' });
  const store = new SqliteStore(config.sqlitePath);
  let browser: Browser | undefined;
  let server: ReturnType<ReturnType<typeof createApp>['listen']> | undefined;
  try {
    const now = new Date();
    await seedDemo(store, { now, refPrefix: config.refPrefix });
    const { agencies, members } = await store.transaction(async (tx) => ({ agencies: await tx.find('agencies'), members: await tx.find('members') }));
    const byAgency = new Map<string, string[]>();
    for (const m of members.filter((x) => x.active && x.roles.includes('partner'))) byAgency.set(m.agencyId, [...(byAgency.get(m.agencyId) ?? []), m.id]);
    const cases = syntheticCases(agencies.map((a) => a.id), byAgency, now);
    const seeded = Date.now();
    await store.transaction(async (tx) => {
      for (const c of cases) await tx.insert('cases', c);
    });
    console.info(`Seeded ${EXTRA_CASES.toLocaleString('en-GB')} invented cases in ${Date.now() - seeded} ms.`);
    const coordinator = members.find((m) => m.roles.includes('coordinator') && m.active)!;

    server = createApp({ config, store }).listen(0, '127.0.0.1');
    await new Promise<void>((resolve, reject) => server!.once('listening', resolve).once('error', reject));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    const r = await measureRegister(browser, url, coordinator.email);

    const sortedFrames = [...r.frames].sort((a, b) => a - b);
    const p95 = sortedFrames[Math.floor(sortedFrames.length * 0.95)] ?? 0;
    const jsOk = kb(js.gzip) <= INITIAL_JS_BUDGET_KB;
    const renderOk = median(r.firstRender) < FIRST_RENDER_BUDGET_MS;
    const inAppOk = median(r.inApp) < FIRST_RENDER_BUDGET_MS;
    const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
    console.info('');
    console.info('RiskPanel tab benchmark');
    console.info(`  Initial JavaScript (gzip):          ${kb(js.gzip).toFixed(1)} KB  (${kb(js.raw).toFixed(0)} KB raw; ${js.files.length} files)   target ≤ ${INITIAL_JS_BUDGET_KB} KB  ${verdict(jsOk)}`);
    console.info(`  All JavaScript, every page (gzip):  ${kb(js.allGzip).toFixed(1)} KB; largest lazy chunk ${js.lazyLargest.file} ${kb(js.lazyLargest.gzip).toFixed(1)} KB`);
    console.info(`  Register with ${r.total.toLocaleString('en-GB')} cases, time to first rows on screen (target < ${FIRST_RENDER_BUDGET_MS} ms):`);
    console.info(`    opened from the tab's home page:  median ${median(r.inApp).toFixed(0)} ms  [${r.inApp.map((x) => x.toFixed(0)).join(', ')}]  ${verdict(inAppOk)}`);
    console.info(`    cold page load (fresh profile, JS boot and sign-in included):`);
    console.info(`                                      median ${median(r.firstRender).toFixed(0)} ms  [${r.firstRender.map((x) => x.toFixed(0)).join(', ')}]  ${verdict(renderOk)}`);
    console.info(`  One register page from the API (server time, ${r.total.toLocaleString('en-GB')} cases): median ${median(r.apiMs).toFixed(0)} ms`);
    console.info(`  Machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}`);
    console.info(`  All cases loaded (pages of 200):    ${r.allLoadedMs.toFixed(0)} ms from navigation`);
    console.info(`  Rows in the page at once:           ${r.renderedRows} (virtualised)`);
    console.info(`  Scrolling top to bottom:            ${r.frames.length} frames, median ${median(r.frames).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${(sortedFrames.at(-1) ?? 0).toFixed(1)} ms`);
    if (!jsOk || !inAppOk) process.exitCode = 1;
  } finally {
    await browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
