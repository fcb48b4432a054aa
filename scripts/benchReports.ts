/**
 * The board's indicators at scale: every indicator for a year over 5,000 cases and 20,000 actions on SQLite (time
 * of one GET /api/reports read), and the JavaScript the Reports page adds to the tab (gzipped, loaded on demand;
 * run `npm run build:tab` first). Invented data only.
 *   npm run bench:reports
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { queries, runQuery } from '../src/queries';
import { insert, makeAction, makeCase } from '../tests/support/records';
import { createWorld } from '../tests/support/world';

const CASES = 5000;
const ACTIONS = 20000;
const LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
const AGENCY_IDS = ['ag-council', 'ag-police', 'ag-health', 'ag-fire'];
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 360) * 86_400_000).toISOString();

async function main() {
  const world = await createWorld();
  const cases = Array.from({ length: CASES }, (_, i) => makeCase({
    id: `bench-case-${i}`, receivedAt: day(i), referrerAgencyId: AGENCY_IDS[i % 4]!,
    ...(i % 3 === 0 ? { status: 'open' as const, acceptedAt: day(i + 10), leadAgencyId: AGENCY_IDS[(i + 1) % 4]!, riskLevel: LEVELS[i % 4]!, riskLevelAtAcceptance: LEVELS[(i + 1) % 4]! } : {}),
  }));
  for (let i = 0; i < cases.length; i += 500) await insert(world.store, 'cases', ...cases.slice(i, i + 500));
  const actions = Array.from({ length: ACTIONS }, (_, i) => makeAction({
    id: `bench-action-${i}`, agencyId: AGENCY_IDS[i % 4]!, dueDate: day(i).slice(0, 10), parentId: `bench-case-${i % CASES}`,
    ...(i % 2 ? { status: 'completed' as const, completedAt: day(i + (i % 5)) } : {}),
  }));
  for (let i = 0; i < actions.length; i += 1000) await insert(world.store, 'actions', ...actions.slice(i, i + 1000));

  const ctx = world.ctx('viewer', new Date('2026-12-31T12:00:00Z'));
  await runQuery(queries.getIndicators, ctx, { period: '2026' }); // warm the statement cache
  const times: number[] = [];
  let referrals = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const view = await runQuery(queries.getIndicators, world.ctx('viewer', new Date('2026-12-31T12:00:00Z')), { period: '2026' });
    times.push(performance.now() - started);
    referrals = view.referrals.total;
  }
  await world.close();
  console.info(`All indicators for 2026 over ${CASES} cases and ${ACTIONS} actions (SQLite): ${Math.min(...times).toFixed(0)} ms best of 3 (${referrals} referrals counted)`);

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
