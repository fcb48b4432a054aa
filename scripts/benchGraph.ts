/**
 * What RiskPanel's own operations cost on SharePoint: the production queries and commands (register, case page,
 * overdue scan, agenda build, minutes issue), run through the kernel (runQuery, execute, the scheduler's scan) on the
 * production SharePointStore against the in-process Graph fake, which refuses any query whose lead condition finds
 * more than 5,000 items, as SharePoint does. No hand-built query is measured. Prints per operation the HTTP requests
 * (a $batch counts once), the requests inside batches, round trips at 100 ms each (requests sent together overlap)
 * and the time the process spent, at each size:
 *   npm run bench:graph                      (1,500 cases / 6,000 actions; 6,000 cases / 24,000 actions with a meeting;
 *                                             50,000 cases / 100,000 actions: the overdue scan at 6k, 24k and 100k actions)
 *   BENCH_GRAPH_MAX=6000 npm run bench:graph (the sizes up to 6,000 cases only)
 *   BENCH_GRAPH_DETAIL=1 npm run bench:graph (also each operation's requests by method and list)
 * Invented data only (no real person).
 */
import { performance } from 'node:perf_hooks';
import { type Context, makeContext } from '../src/kernel/context';
import { runOverdueScanAsSystem } from '../src/kernel/overdueScan';
import { runQuery } from '../src/kernel/query';
import { queries } from '../src/queries';
import type { RegisterPage } from '../src/queries/listRegister';
import type { ActionRecord, CaseRecord } from '../src/domain/records';
import { toFields } from '../src/store/sharepoint/itemMapping';
import { LISTS } from '../src/store/sharepoint/listSchema';
import type { GraphFake } from '../tests/fakes/graphFake';
import { seedCases } from '../tests/fakes/seedCases';
import { fakeSharePoint } from '../tests/fakes/sharePointHarness';
import { runMeeting } from '../tests/meetings/support/meetingFlow';
import { insert } from '../tests/support/records';
import { actorOf, AGENCIES, FIXED_NOW, MEMBERS, type Persona, type World } from '../tests/support/world';
import { inventedCase } from './scaleWorld';

const ROUND_TRIP_MS = 100;
/** The meeting flow is slow on the fake at 50,000 cases (its lists are filtered in process): run at the first size. */
const SIZES = [
  { cases: 1_500, actions: 6_000, meeting: false },
  { cases: 6_000, actions: 24_000, meeting: true },
  { cases: 50_000, actions: 100_000, meeting: false },
].filter((s) => s.cases <= Number(process.env.BENCH_GRAPH_MAX ?? 50_000));
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.parse('2026-06-15') + offset * DAY_MS).toISOString().slice(0, 10);

interface Cost { requests: number; inBatches: number; roundTrips: number; ms: number; detail: string }
interface Row extends Cost { operation: string; target: string; met?: boolean; note?: string }

const DETAIL = process.env.BENCH_GRAPH_DETAIL === '1';
const snapshot = (fake: GraphFake) => ({ fake, requests: fake.stats.requests, inner: fake.stats.innerRequests, sim: fake.stats.simulatedMs, logAt: fake.stats.log.length, t: performance.now() });
const costBetween = (a: ReturnType<typeof snapshot>, b: ReturnType<typeof snapshot>): Cost => ({
  requests: b.requests - a.requests,
  inBatches: b.inner - a.inner,
  roundTrips: Math.round((b.sim - a.sim) / ROUND_TRIP_MS),
  ms: Math.round(b.t - a.t),
  detail: DETAIL ? requestsByList(a.fake, a.logAt, b.logAt) : '',
});

/** "GET Cases 12, POST Agenda items 40 …": what the operation asked of which list (a $batch's requests counted inside it). */
function requestsByList(fake: GraphFake, from: number, to: number): string {
  const names = new Map([...fake.site.lists.values()].map((l) => [l.id, l.displayName]));
  const counts = new Map<string, number>();
  for (const r of fake.stats.log.slice(from, to)) {
    const list = /\/lists\/([^/?]+)/.exec(r.url)?.[1];
    const what = `${r.method} ${list ? (names.get(decodeURIComponent(list)) ?? 'lists') : r.url.includes('$batch') ? '$batch' : new URL(r.url).pathname.split('/').slice(2, 4).join('/')}${r.status === 500 ? ' REFUSED' : ''}`;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return [...counts].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}

async function measure(fake: GraphFake, work: () => Promise<unknown>): Promise<Cost> {
  const before = snapshot(fake);
  await work();
  return costBetween(before, snapshot(fake));
}

/**
 * Invented cases (scripts/scaleWorld.ts), with the history a partnership that brings years in has: referrals awaiting
 * the panel only among the newest, review dates spread over two years, closed cases behind them.
 */
function seedInventedCases(fake: GraphFake, n: number): CaseRecord[] {
  const cases: CaseRecord[] = [];
  for (let i = 0; i < n; i++) {
    const { c } = inventedCase(i);
    const recent = i >= n - 20;
    const status = (c.status === 'submitted' || c.status === 'listed') && !recent ? 'closed' : c.status;
    const live = status === 'open' || status === 'escalated';
    const record = { ...c, status, ...(live ? { nextReviewDate: day(20 + (i % 730)) } : {}), version: 1 } as CaseRecord;
    if (!live) delete (record as Partial<CaseRecord>).nextReviewDate;
    cases.push(record);
  }
  // With their keys list items, as the store writes them: a partner's register is read through them.
  seedCases(fake, cases);
  return cases;
}

/** n actions on the cases: 2% overdue, 8% open and due later, 90% completed (due dates spread over eight years). */
function seedActions(fake: GraphFake, cases: CaseRecord[], n: number): { overdue: number; open: number } {
  let overdue = 0;
  let open = 0;
  const rows = Array.from({ length: n }, (_, i) => {
    const m = i % 50;
    const shape: Partial<ActionRecord> =
      m === 0
        ? { status: i % 100 === 0 ? 'not_started' : 'in_progress', dueDate: day(-1 - (i % 90)) }
        : m <= 4
          ? { status: m % 2 ? 'not_started' : 'in_progress', dueDate: day(1 + (i % 400)) }
          : { status: 'completed', dueDate: day(-1 - (i % 2_900)), completedAt: '2025-01-10T10:00:00.000Z' };
    if (m === 0) overdue++;
    if (m <= 4) open++;
    const parent = cases[i % cases.length]!;
    const a: ActionRecord = {
      id: `bench-action-${i}`, version: 1, parentKind: 'case', parentId: parent.id, description: 'Invented action', successMeasure: 'Invented',
      ownerId: 'police', agencyId: 'ag-police', dueDate: day(10), status: 'in_progress', createdAt: '2024-01-10T09:00:00.000Z', createdById: 'coordinator',
      progress: [], dueDateChanges: [], ...shape,
    };
    return toFields(LISTS.actions, a as unknown as Record<string, unknown>);
  });
  fake.seedItems(LISTS.actions.displayName, rows);
  return { overdue, open };
}

async function benchSize(cases: number, actions: number, meeting: boolean): Promise<Row[]> {
  const { fake, store } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const t0 = performance.now();
  const seeded = seedInventedCases(fake, cases);
  const { overdue, open } = seedActions(fake, seeded, actions);
  console.info(`\n== ${cases.toLocaleString('en-GB')} cases, ${actions.toLocaleString('en-GB')} actions (${overdue} overdue, ${open} open), seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  let seq = 0;
  const ctx = (persona: Persona, now: Date = FIXED_NOW): Context =>
    makeContext({ store, actor: actorOf(persona), now: () => now, newId: () => `bench-id-${++seq}`, correlationId: `bench-${++seq}` });
  // List ids are looked up once per process; not part of any operation.
  await store.transaction((tx) => tx.get('cases', 'warm-up'));
  const rows: Row[] = [];
  const add = (operation: string, target: string, cost: Cost, met?: boolean, note?: string) =>
    rows.push({ operation, target, ...cost, ...(met !== undefined ? { met } : {}), ...(note || cost.detail ? { note: [note, cost.detail].filter(Boolean).join('; ') } : {}) });

  for (const persona of ['coordinator', 'police'] as const) {
    let first: RegisterPage | undefined;
    // As the tab asks: the rows with total=false, and the count (pageSize=0) as its own request beside them.
    const c1 = await measure(fake, async () => (first = (await runQuery(queries.listRegister, ctx(persona), { total: false })) as RegisterPage));
    add(`register first page (rows, total=false), ${persona}`, '≤ 2 round trips', c1, c1.roundTrips <= 2, `${first!.items.length} rows; with the view's audit event`);
    let count: RegisterPage | undefined;
    const cn = await measure(fake, async () => (count = (await runQuery(queries.listRegister, ctx(persona), { pageSize: 0 })) as RegisterPage));
    add(`register count (pageSize=0), ${persona}`, '', cn, undefined, `${count!.total} cases`);
    const c2 = await measure(fake, () => runQuery(queries.listRegister, ctx(persona), { total: false, cursor: first!.nextCursor }));
    add(`register next page by cursor, ${persona}`, '≤ 2 round trips', c2, c2.roundTrips <= 2);
    const c3 = await measure(fake, () => runQuery(queries.listRegister, ctx(persona), { page: 20 }));
    add(`register page 20 (50 a page), ${persona}`, '', c3);
  }
  const withActions = seeded.find((c) => c.status === 'open')!;
  add('case page (getCase, coordinator, with its audit event)', '', await measure(fake, () => runQuery(queries.getCase, ctx('coordinator'), { caseId: withActions.id })));

  let scan: Awaited<ReturnType<typeof runOverdueScanAsSystem>> | undefined;
  const refusedBefore = fake.stats.log.filter((r) => r.status === 500).length;
  const sc = await measure(fake, async () => (scan = await runOverdueScanAsSystem(store, FIXED_NOW, { reminderDaysBefore: 3, escalationDaysOverdue: 14 }, 'bench')));
  const refused = fake.stats.log.filter((r) => r.status === 500).length - refusedBefore;
  add(
    `overdue scan (scheduler's), ${overdue} overdue of ${actions.toLocaleString('en-GB')}`,
    'no threshold error; requests ∝ open actions',
    sc,
    refused === 0,
    `found ${scan!.overdueActions} overdue in shared digest, ${scan!.dueSoonActions} due soon; ${refused} refused`,
  );

  if (!meeting) {
    await store.close();
    return rows;
  }
  // A panel meeting through the real commands (tests/meetings/support/meetingFlow.ts): each command's cost is what
  // the fake served between its context being made and the next one's.
  const marks: { label: string; at: ReturnType<typeof snapshot> }[] = [];
  const world: World = {
    store,
    file: '',
    ctx: (persona, now = FIXED_NOW) => {
      marks.push({ label: `${persona}@${now.toISOString()}`, at: snapshot(fake) });
      return ctx(persona, now);
    },
    close: () => store.close(),
  };
  await runMeeting(world, 'issued');
  const end = snapshot(fake);
  const costOf = (label: string): Cost => {
    const i = marks.findIndex((m) => m.label === label);
    return costBetween(marks[i]!.at, (marks[i + 1] ?? { at: end }).at);
  };
  add('build the agenda (buildAgenda command)', '', costOf('coordinator@2026-06-16T09:00:00.000Z'));
  add('issue the minutes (issueMinutes command, Word document)', '', costOf('coordinator@2026-07-03T10:00:00.000Z'));
  await store.close();
  return rows;
}

async function main(): Promise<void> {
  console.info(`bench:graph: production queries and commands on SharePointStore against the Graph fake (threshold 5,000, ${ROUND_TRIP_MS} ms a round trip, $batch of 20)`);
  for (const size of SIZES) {
    const rows = await benchSize(size.cases, size.actions, size.meeting);
    const header = ['operation', 'requests', 'in batches', 'round trips', 'process ms', 'target', 'met', 'note'];
    const table = rows.map((r) => [r.operation, r.requests, r.inBatches, r.roundTrips, r.ms, r.target, r.met === undefined ? '' : r.met ? 'yes' : 'NO', r.note ?? ''].map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    console.info(line(header));
    console.info(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const row of table) console.info(line(row));
  }
  // Figures, not a gate: a target not met shows as NO and leaves the exit code alone.
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
