/**
 * The board's indicators at scale: `npm run bench:reports`
 *   1. every indicator for a year over 5,000 cases and 20,000 actions on SQLite (one GET /api/reports read: time and
 *      rows read);
 *   2. the same read on the SharePoint store against the in-process Graph fake (requests, $batch calls, round trips
 *      and their time at 100 ms each, as bench:graph counts them);
 *   3. the JavaScript the Reports page adds to the tab (gzipped, loaded on demand; run `npm run build:tab` first).
 * Invented data only: a few hundred invented adults, some referred more than once (so repeats are real work).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { ActionRecord, CaseRecord } from '../src/domain/records';
import { makeContext } from '../src/kernel/context';
import { queries, runQuery } from '../src/queries';
import { toFields } from '../src/store/sharepoint/itemMapping';
import { LISTS } from '../src/store/sharepoint/listSchema';
import { fakeSharePoint } from '../tests/fakes/sharePointHarness';
import { makeAction, makeCase } from '../tests/support/records';
import { actorOf, AGENCIES, createWorld, MEMBERS } from '../tests/support/world';

const CASES = 5000;
const ACTIONS = 20000;
const ADULTS = 3500;
const LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
const AGENCY_IDS = AGENCIES.map((a) => a.id);
const NOW = new Date('2026-12-31T12:00:00Z');
const day = (i: number) => new Date(Date.UTC(2025, 11, 1) + (i % 390) * 86_400_000 + (i % 24) * 3_600_000).toISOString();

function benchCases(): CaseRecord[] {
  return Array.from({ length: CASES }, (_, i) => {
    const adult = i % ADULTS;
    return makeCase({
      id: `bench-case-${i}`, ref: `CASPA-2026-${String(i + 1).padStart(5, '0')}`, receivedAt: day(i), referrerAgencyId: AGENCY_IDS[i % 4]!,
      adult: { name: `Invented Adult ${adult}`, dateOfBirth: `19${String(40 + (adult % 50)).padStart(2, '0')}-0${1 + (adult % 9)}-1${adult % 10}`,
        ...(adult % 2 ? { nhsNumber: String(9000000000 + adult) } : {}) },
      ...(i % 3 === 0 ? { status: 'open' as const, acceptedAt: day(i + 10), leadAgencyId: AGENCY_IDS[(i + 1) % 4]!, riskLevel: LEVELS[i % 4]!, riskLevelAtAcceptance: LEVELS[(i + 1) % 4]! } : {}),
    });
  });
}

function benchActions(): ActionRecord[] {
  return Array.from({ length: ACTIONS }, (_, i) => makeAction({
    id: `bench-action-${i}`, agencyId: AGENCY_IDS[i % 4]!, dueDate: day(i).slice(0, 10), parentId: `bench-case-${i % CASES}`,
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
  fake.seedItems('Cases', cases.map((c) => toFields(LISTS.cases, { ...c })));
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

async function main() {
  const cases = benchCases();
  const actions = benchActions();
  await onSqlite(cases, actions);
  await onGraphFake(cases, actions);

  const assets = path.join('tabs', 'dist', 'assets');
  if (!fs.existsSync(assets)) {
    console.info('Reports page JavaScript: build the tab first (npm run build:tab).');
    return;
  }
  for (const prefix of ['ReportsPage-', 'ReportCharts-']) {
    const file = fs.readdirSync(assets).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (file) console.info(`${prefix.slice(0, -1)}: ${(gzipSync(fs.readFileSync(path.join(assets, file))).length / 1024).toFixed(1)} kB gzipped, loaded on demand`);
  }
}

void main();
