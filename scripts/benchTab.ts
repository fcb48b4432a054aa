/**
 * The tab's budgets (issue 11), measured: `npm run bench:tab`
 *   1. the bytes actually sent over the wire for a cold load of the register (target at most 160 KB): every
 *      response's encoded length (headers and compressed bodies, as the server sends them) from Chromium's network
 *      log, up to the register's first rows; also the gzipped size of the JavaScript index.html loads first;
 *   2. the register's first rows on a cold page load with 50,000 cases (target at most 800 ms; JavaScript boot and
 *      sign-in included) and opened from the tab's home page (target under 500 ms), in headless Chromium against
 *      the real server on a temporary SQLite file: the demo partnership plus 50,000 invented cases (BENCH_TAB_CASES
 *      to change), as a coordinator and as a partner.
 * Also printed: the server's own time for one register page, how many rows are in the page at once (virtualised),
 * how many pages scrolling fetched, and frame times while scrolling. BENCH_TRACE=1 prints each cold load's requests
 * and long tasks.
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
import { log } from '../src/log';
import { createApp } from '../src/server/app';
import type { NewRecord } from '../src/store/port';
import { SqliteStore } from '../src/store/sqlite/sqliteStore';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'tabs', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTRA_CASES = Number(process.env.BENCH_TAB_CASES ?? 50_000);
const RUNS = 3;
const WIRE_BUDGET_KB = 160;
const COLD_BUDGET_MS = 800;
const IN_APP_BUDGET_MS = 500;

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
/** What the server sends a browser that accepts brotli: the file the build compressed beside it (tabs/vite.config.ts). */
const brotliSize = (file: string) => (fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`) : fs.statSync(file)).size;

/** The scripts index.html loads or preloads: what the browser fetches before the first page can render. */
function initialJs(): { files: string[]; gzip: number; brotli: number; raw: number; allGzip: number; lazyLargest: { file: string; gzip: number } } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const all = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !files.includes(f)).map((file) => ({ file, gzip: gzipSize(path.join(DIST, file)) }));
  return {
    files,
    gzip: files.reduce((n, f) => n + gzipSize(path.join(DIST, f)), 0),
    brotli: files.reduce((n, f) => n + brotliSize(path.join(DIST, f)), 0),
    raw: files.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0),
    allGzip: all.reduce((n, f) => n + gzipSize(path.join(DIST, f)), 0),
    lazyLargest: lazy.sort((a, b) => b.gzip - a.gzip)[0] ?? { file: '-', gzip: 0 },
  };
}

// ---- 2. invented cases --------------------------------------------------------------------------------------

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

const SHOWING = /Showing [\d,]+ of [\d,]+ cases/;

async function measureRegister(browser: Browser, url: string, email: string) {
  const firstRender: number[] = [];
  const inApp: number[] = [];
  const wire: { total: number; js: number; api: number; other: number; requests: number }[] = [];
  let renderedRows = 0;
  let loadedAfterScroll = 0;
  let frames: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh profile each time: nothing cached, as on a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addInitScript((who) => window.localStorage.setItem('riskpanel.persona', who), email);
    // tsx keeps function names with a `__name` helper that does not exist in the page the functions run in.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    if (process.env.BENCH_TRACE) await context.addInitScript({ content: 'window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: "longtask", buffered: true });' });
    const page = await context.newPage();
    // Bytes on the wire: each response's encoded length (headers plus the body as sent, compressed or not).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const types = new Map<string, string>();
    const sent = { total: 0, js: 0, api: 0, other: 0, requests: 0 };
    cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string } }) => {
      types.set(e.requestId, e.response.url.includes('/api/') ? 'api' : e.type === 'Script' ? 'js' : 'other');
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      const kind = (types.get(e.requestId) ?? 'other') as 'js' | 'api' | 'other';
      sent.total += e.encodedDataLength;
      sent[kind] += e.encodedDataLength;
      sent.requests++;
    });
    await page.goto(`${url}/#/register`);
    await page.waitForFunction(() => performance.getEntriesByName('riskpanel:register-rows').length > 0, undefined, { timeout: 30_000 });
    firstRender.push(await page.evaluate(() => performance.getEntriesByName('riskpanel:register-rows')[0]!.startTime));
    // What the first load needed, settled (responses still streaming when the rows appeared are counted in full).
    await page.waitForLoadState('networkidle');
    wire.push({ ...sent });
    await cdp.detach();
    if (process.env.BENCH_TRACE) {
      console.info('longtasks', await page.evaluate(() => JSON.stringify((window as unknown as { __long: number[][] }).__long)));
      console.info(await page.evaluate(() => JSON.stringify((performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]).concat([['dcl', Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd), 0]]))));
    }
    await page.getByRole('status').filter({ hasText: SHOWING }).waitFor({ timeout: 60_000 });
    if (run === 0) {
      renderedRows = await page.locator('tbody tr[data-index]').count();
      frames = await scrollThrough(page);
      loadedAfterScroll = Number(/Showing ([\d,]+)/.exec((await page.getByRole('status').filter({ hasText: SHOWING }).textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
    }

    // Within the tab: from the home page to the register's first rows, as a click on "Register" does.
    // The user is on a loaded home page when they click Register: its own request has been answered.
    const home = page.waitForResponse((r) => r.url().includes('/api/home'), { timeout: 60_000 }).catch(() => undefined);
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await home;
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
    await page.getByRole('status').filter({ hasText: SHOWING }).waitFor({ timeout: 60_000 });
    await context.close();
  }
  // The server's part: one page of the register, asked for directly (the floor under every figure above).
  const apiMs: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const answer = await fetch(`${url}/api/cases?sort=receivedAt&order=desc&page=1&pageSize=100`, { headers: { Authorization: `Dev ${email}` } });
    total = ((await answer.json()) as { total: number }).total;
    apiMs.push(performance.now() - start);
  }
  return { firstRender, inApp, wire, renderedRows, loadedAfterScroll, frames, apiMs, total };
}

/**
 * Scrolls the register down over about two seconds, one step a frame, each step a tenth of what is loaded (the
 * table grows as pages arrive); returns each frame's duration.
 */
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
          scroller.scrollTop += scroller.scrollHeight / 10;
          step++;
          if (step < steps) requestAnimationFrame(tick);
          else resolve(durations.slice(1));
        };
        requestAnimationFrame(tick);
      }),
  );
}

async function main() {
  // One log line per request would bury the figures.
  log.level = process.env.LOG_LEVEL ?? 'warn';
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
    for (let i = 0; i < cases.length; i += 2_000) {
      await store.transaction(async (tx) => {
        for (const c of cases.slice(i, i + 2_000)) await tx.insert('cases', c);
      });
    }
    console.info(`Seeded ${EXTRA_CASES.toLocaleString('en-GB')} invented cases in ${Date.now() - seeded} ms.`);
    const coordinator = members.find((m) => m.roles.includes('coordinator') && m.active)!;
    const partner = members.find((m) => m.roles.includes('partner') && !m.roles.includes('coordinator') && m.active)!;

    server = createApp({ config, store }).listen(0, '127.0.0.1');
    await new Promise<void>((resolve, reject) => server!.once('listening', resolve).once('error', reject));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
    const list = (xs: number[]) => `[${xs.map((x) => x.toFixed(0)).join(', ')}]`;
    console.info('');
    console.info('RiskPanel tab benchmark');
    console.info(`  JavaScript index.html loads first (gzip -9 of the files): ${kb(js.gzip).toFixed(1)} KB, brotli as sent ${kb(js.brotli).toFixed(1)} KB (${kb(js.raw).toFixed(0)} KB raw; ${js.files.length} files)`);
    console.info(`  All JavaScript, every page (gzip):  ${kb(js.allGzip).toFixed(1)} KB; largest lazy chunk ${js.lazyLargest.file} ${kb(js.lazyLargest.gzip).toFixed(1)} KB`);
    let allMet = true;
    for (const [who, email] of [['coordinator', coordinator.email], ['partner', partner.email]] as const) {
      const r = await measureRegister(browser, url, email);
      const sortedFrames = [...r.frames].sort((a, b) => a - b);
      const p95 = sortedFrames[Math.floor(sortedFrames.length * 0.95)] ?? 0;
      const wire = [...r.wire].sort((a, b) => a.total - b.total)[Math.floor(r.wire.length / 2)]!;
      const wireOk = kb(wire.total) <= WIRE_BUDGET_KB;
      const coldOk = median(r.firstRender) <= COLD_BUDGET_MS;
      const inAppOk = median(r.inApp) < IN_APP_BUDGET_MS;
      allMet &&= wireOk && coldOk && inAppOk;
      console.info(`  As a ${who}, whose register holds ${r.total.toLocaleString('en-GB')} cases:`);
      console.info(
        `    bytes on the wire, cold load of the register (median of ${RUNS}): ${kb(wire.total).toFixed(1)} KB in ${wire.requests} responses ` +
          `(scripts ${kb(wire.js).toFixed(1)} KB, API ${kb(wire.api).toFixed(1)} KB, page, styles and icons ${kb(wire.other).toFixed(1)} KB)   target ≤ ${WIRE_BUDGET_KB} KB  ${verdict(wireOk)}`,
      );
      console.info(`    first rows, cold page load (fresh profile, JS boot and sign-in included): median ${median(r.firstRender).toFixed(0)} ms ${list(r.firstRender)}   target ≤ ${COLD_BUDGET_MS} ms  ${verdict(coldOk)}`);
      console.info(`    first rows, opened from the tab's home page:  median ${median(r.inApp).toFixed(0)} ms ${list(r.inApp)}   target < ${IN_APP_BUDGET_MS} ms  ${verdict(inAppOk)}`);
      console.info(`    one register page of 100 from the API (server time): median ${median(r.apiMs).toFixed(0)} ms`);
      console.info(`    rows in the page at once: ${r.renderedRows} (virtualised); scrolling: ${r.frames.length} frames, median ${median(r.frames).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${(sortedFrames.at(-1) ?? 0).toFixed(1)} ms, ${r.loadedAfterScroll.toLocaleString('en-GB')} rows fetched by then (pages of 100 as the end nears)`);
    }
    console.info(`  Machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)} (shared: figures vary run to run)`);
    if (!allMet) process.exitCode = 1;
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
