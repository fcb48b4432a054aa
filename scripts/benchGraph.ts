/**
 * How many Graph requests RiskPanel's typical operations cost on SharePoint, and how long they take at 100 ms per
 * round trip. Runs the production SharePointStore against the in-process Graph fake (no tenant needed):
 *   npm run bench:graph
 * Requests sent together overlap: a $batch of 20 costs one round trip, as do up to four batches in flight at once.
 */
import { makeContext } from '../src/kernel/context';
import type { ActionRecord, Agency, CaseRecord, Member } from '../src/domain/records';
import { queries, runQuery } from '../src/queries';
import { toFields } from '../src/store/sharepoint/itemMapping';
import { LISTS } from '../src/store/sharepoint/listSchema';
import type { SharePointStore } from '../src/store/sharepoint/sharePointStore';
import type { NewRecord } from '../src/store/port';
import type { GraphFake } from '../tests/fakes/graphFake';
import { fakeSharePoint } from '../tests/fakes/sharePointHarness';

const TODAY = '2026-06-15';
const ROUND_TRIP_MS = 100;

interface Row {
  operation: string;
  requests: number;
  batches: number;
  inBatches: number;
  roundTrips: number;
  ms: number;
  target: string;
  met: boolean;
}

async function measure(fake: GraphFake, operation: string, target: string, work: () => Promise<unknown>, met: (r: Omit<Row, 'met' | 'operation' | 'target'>) => boolean): Promise<Row> {
  fake.resetStats();
  await work();
  const s = fake.stats;
  const r = { requests: s.requests, batches: s.batches, inBatches: s.innerRequests, roundTrips: Math.round(s.simulatedMs / ROUND_TRIP_MS), ms: s.simulatedMs };
  return { operation, target, ...r, met: met(r) };
}

function actionRecord(i: number, over: Partial<ActionRecord> = {}): NewRecord<'actions'> {
  return {
    id: `act-${String(i).padStart(5, '0')}`,
    parentKind: 'case',
    parentId: `case-${i % 300}`,
    description: `Invented action ${i}`,
    successMeasure: 'Confirmed at the next panel',
    ownerId: `member-${i % 40}`,
    agencyId: `ag-${i % 8}`,
    dueDate: '2026-09-01',
    status: 'completed',
    createdAt: '2026-01-10T09:00:00.000Z',
    createdById: 'coordinator',
    progress: [],
    dueDateChanges: [],
    ...over,
  };
}

/** n actions, 2% overdue (unfinished, due before today), 8% unfinished and not yet due, the rest completed. */
function seedActions(fake: GraphFake, n: number): number {
  let overdue = 0;
  const rows = Array.from({ length: n }, (_, i) => {
    const m = i % 50;
    const over: Partial<ActionRecord> =
      m === 0
        ? { status: i % 100 === 0 ? 'not_started' : 'in_progress', dueDate: '2026-05-20' }
        : m <= 4
          ? { status: m % 2 ? 'not_started' : 'in_progress', dueDate: '2026-07-20' }
          : { status: 'completed', dueDate: m % 2 ? '2026-04-01' : '2026-08-01', completedAt: '2026-03-30T10:00:00.000Z' };
    if (m === 0) overdue++;
    return toFields(LISTS.actions, { ...actionRecord(i, over), version: 1 });
  });
  fake.seedItems('Actions', rows);
  return overdue;
}

function caseRecord(id: string, n: number, over: Partial<CaseRecord> = {}): NewRecord<'cases'> {
  return {
    id,
    ref: `CASPA-2026-${String(n).padStart(4, '0')}`,
    status: 'submitted',
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
    referrerMemberId: 'police',
    referrerAgencyId: 'ag-police',
    adult: { name: 'Invented Person' },
    initials: 'I.P.',
    riskCategories: ['self_neglect'],
    reasons: 'Invented reasons',
    currentSupport: 'Invented support',
    childrenAtRisk: false,
    otherAdultsAtRisk: false,
    capacity: 'presumed',
    adultAware: true,
    consent: 'given',
    otherProcessesConsidered: [],
    adultViews: 'Invented views',
    advocacyNeeded: false,
    involvements: [],
    restricted: false,
    namedMemberIds: [],
    legalHold: false,
    ...over,
  };
}

async function warm(store: SharePointStore): Promise<void> {
  // List ids are looked up once per process; not part of any operation.
  await store.transaction((tx) => tx.get('cases', 'warm-up'));
}

const AGENCIES: Agency[] = [
  { id: 'ag-council', version: 1, name: 'Invented Council Adult Social Care', shortName: 'ASC', kind: 'council', active: true },
  { id: 'ag-police', version: 1, name: 'Invented Police', shortName: 'Police', kind: 'police', active: true },
  { id: 'ag-health', version: 1, name: 'Invented Health Trust', shortName: 'Health', kind: 'health', active: true },
];
const COORDINATOR: Member = {
  id: 'coordinator',
  version: 1,
  aadObjectId: '00000000-0000-4000-8000-000000000001',
  name: 'Invented Coordinator',
  email: 'coordinator@example.test',
  agencyId: 'ag-council',
  roles: ['coordinator'],
  agencyLead: false,
  active: true,
};

const RISK_ASSESSMENT: NewRecord<'riskAssessments'> = {
  id: 'ra-1',
  caseId: 'case-1',
  assessmentNumber: 1,
  assessedAt: '2026-06-03T10:00:00.000Z',
  assessedById: 'police',
  domains: [{ domain: 'home_environment', rating: 'red', evidence: 'Invented: exits blocked.' }],
  protectiveFactors: 'Invented: a supportive neighbour.',
  overallLevel: 'high',
  adultView: 'Invented: does not see a risk.',
};

/** An open case with 8 actions, 12 chronology entries, a decision and a risk assessment. */
async function seedCasePage(store: SharePointStore): Promise<void> {
  await store.transaction(async (tx) => {
    await Promise.all([...AGENCIES.map((a) => tx.insert('agencies', a)), tx.insert('members', COORDINATOR)]);
    await tx.insert(
      'cases',
      caseRecord('case-1', 1, {
        status: 'open',
        riskLevel: 'high',
        nextReviewDate: '2026-07-01',
        acceptedAt: '2026-06-01T11:00:00.000Z',
        leadAgencyId: 'ag-police',
        leadProfessionalId: 'police',
        involvements: [{ agencyId: 'ag-health', known: true, byMemberId: 'health', at: '2026-06-02T10:00:00.000Z' }],
      }),
    );
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => tx.insert('actions', actionRecord(i, { parentId: 'case-1' }))),
      ...Array.from({ length: 12 }, (_, i) =>
        tx.append('chronology', { id: `ch-${i}`, idempotencyKey: `ch-${i}`, caseId: 'case-1', occurredAt: '2026-05-01T10:00:00.000Z', recordedAt: '2026-05-02T10:00:00.000Z', recordedById: 'police', sourceAgencyId: 'ag-police', type: 'contact', summary: 'Invented contact', significance: 'low' }),
      ),
      tx.append('decisions', { id: 'dec-1', idempotencyKey: 'dec-1', caseId: 'case-1', outcome: 'accept', rationale: 'Invented', decidedById: 'chair', decidedAt: '2026-06-01T11:00:00.000Z' }),
      tx.insert('riskAssessments', RISK_ASSESSMENT),
    ]);
  });
}

async function casePageReads(): Promise<Row> {
  const { fake, store } = await fakeSharePoint();
  await seedCasePage(store);
  await warm(store);
  return measure(
    fake,
    'Open a case page, reads only (case, actions, chronology, decisions, assessments, agenda items; hand-built, no audit)',
    '1 round trip',
    () =>
      store.transaction((tx) =>
        Promise.all([
          tx.get('cases', 'case-1'),
          tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: 'case-1' }] }),
          tx.find('chronology', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
          tx.find('decisions', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
          tx.find('riskAssessments', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
          tx.find('agendaItems', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
        ]),
      ),
    (r) => r.roundTrips === 1,
  );
}

/**
 * The path GET /api/cases/:id takes: runQuery(getCase) as a coordinator, authorisation and 'view' audit event included.
 * Judged against the target of one round trip, which it cannot meet safely: the audit event may only be written
 * once the case has been read and authorised, so the reads (one $batch) and the audit write are two dependent trips.
 */
async function casePageQuery(): Promise<Row> {
  const { fake, store } = await fakeSharePoint();
  await seedCasePage(store);
  await warm(store);
  const ctx = makeContext({ store, actor: { member: COORDINATOR, agency: AGENCIES[0]! }, now: () => new Date(`${TODAY}T09:00:00.000Z`) });
  let view: unknown;
  const row = await measure(
    fake,
    "Open a case page through the API's query (getCase, with its audit event)",
    '1 round trip',
    async () => (view = await runQuery(queries.getCase, ctx, { caseId: 'case-1' })),
    (r) => r.roundTrips === 1,
  );
  const full = view as { access?: string; actions?: unknown[]; chronology?: unknown[] } | undefined;
  if (full?.access !== 'full' || full.actions?.length !== 8 || full.chronology?.length !== 12) throw new Error('getCase did not return the full case page');
  const audited = await store.transaction((tx) => tx.find('audit'));
  if (!audited.some((e) => e.action === 'view' && e.recordId === 'case-1' && e.correlationId === ctx.correlationId)) throw new Error('getCase wrote no view audit event');
  return row;
}

async function overdueScan(n: number): Promise<Row[]> {
  const { fake, store } = await fakeSharePoint({ fake: { latencyMs: 1 } });
  const overdue = seedActions(fake, n);
  await warm(store);
  let found = 0;
  const scan = await measure(
    fake,
    `Overdue scan over ${n.toLocaleString('en-GB')} actions (${overdue} overdue)`,
    'pages of overdue results only',
    async () => {
      const perStatus = await store.transaction((tx) =>
        Promise.all(
          (['not_started', 'in_progress'] as const).map((status) =>
            tx.find('actions', { where: [{ field: 'status', op: 'eq', value: status }, { field: 'dueDate', op: 'lt', value: TODAY }] }),
          ),
        ),
      );
      found = perStatus.flat().length;
    },
    (r) => r.roundTrips <= Math.max(1, Math.ceil(overdue / 500)),
  );
  if (found !== overdue) throw new Error(`The scan found ${found} overdue actions, expected ${overdue}`);
  const naive = await measure(
    fake,
    `  for comparison: reading all ${n.toLocaleString('en-GB')} actions`,
    '(not used)',
    () => store.transaction((tx) => tx.find('actions')),
    () => true,
  );
  return [scan, naive];
}

async function buildAgenda(): Promise<Row> {
  const { fake, store } = await fakeSharePoint({ fake: { latencyMs: 1 } });
  await store.transaction(async (tx) => {
    await tx.insert('meetings', { id: 'm1', title: 'Invented panel, July', startsAt: '2026-07-02T10:00:00.000Z', chairId: 'chair', status: 'planned', quorum: { coreAgencyIds: ['ag-0', 'ag-1'], minCoreShare: 0.5, chairRequired: true } });
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => tx.insert('cases', caseRecord(`new-${i}`, i + 1, { status: i % 4 === 0 ? 'deferred' : 'submitted' }))),
      ...Array.from({ length: 6 }, (_, i) => tx.insert('cases', caseRecord(`rev-${i}`, i + 20, { status: 'open', riskLevel: 'high', nextReviewDate: '2026-06-30' }))),
      ...Array.from({ length: 30 }, (_, i) => tx.insert('cases', caseRecord(`later-${i}`, i + 40, { status: 'open', riskLevel: 'low', nextReviewDate: '2026-12-01' }))),
    ]);
  });
  await warm(store);
  return measure(
    fake,
    "Build a meeting's agenda (8 new referrals, 6 reviews due)",
    '3 round trips: read, write items, publish',
    async () => {
      const [meeting, submitted, deferred, reviews] = await store.transaction((tx) =>
        Promise.all([
          tx.get('meetings', 'm1'),
          tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'submitted' }] }),
          tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'deferred' }] }),
          tx.find('cases', { where: [{ field: 'status', op: 'eq', value: 'open' }, { field: 'nextReviewDate', op: 'le', value: '2026-07-02' }] }),
        ]),
      );
      const cases = [...submitted, ...deferred, ...reviews];
      await store.transaction((tx) =>
        Promise.all(
          cases.map((c, i) =>
            tx.insert('agendaItems', { id: `ai-${i}`, meetingId: 'm1', order: i + 1, kind: c.status === 'open' ? 'review' : 'new_referral', caseId: c.id, minutesAllotted: 10 }),
          ),
        ),
      );
      await store.transaction((tx) => tx.update('meetings', { ...meeting!, status: 'agenda_published', papersIssuedAt: '2026-06-25T09:00:00.000Z' }));
    },
    (r) => r.roundTrips <= 3,
  );
}

async function writeMinutes(): Promise<Row> {
  const { fake, store } = await fakeSharePoint({ fake: { latencyMs: 1 } });
  await store.transaction((tx) => tx.insert('meetings', { id: 'm1', title: 'Invented panel, June', startsAt: '2026-06-04T10:00:00.000Z', chairId: 'chair', status: 'held', quorum: { coreAgencyIds: [], minCoreShare: 0, chairRequired: true } }));
  await warm(store);
  const items = 30 + 60;
  return measure(
    fake,
    'Write the minutes: 30 decisions and 60 new actions',
    `at most ⌈${items}/20⌉ = ${Math.ceil(items / 20)} batches`,
    () =>
      store.transaction((tx) =>
        Promise.all([
          ...Array.from({ length: 30 }, (_, i) =>
            tx.append('decisions', { id: `d-${i}`, idempotencyKey: `minutes-m1-${i}`, caseId: `case-${i}`, meetingId: 'm1', outcome: 'continue', rationale: 'Invented rationale', decidedById: 'chair', decidedAt: '2026-06-04T11:00:00.000Z' }),
          ),
          ...Array.from({ length: 60 }, (_, i) => tx.insert('actions', actionRecord(i, { parentId: `case-${i % 30}`, status: 'not_started', dueDate: '2026-07-01' }))),
        ]),
      ),
    (r) => r.batches <= Math.ceil(items / 20) && r.requests <= Math.ceil(items / 20),
  );
}

async function main(): Promise<void> {
  const rows = [await casePageReads(), await casePageQuery(), ...(await overdueScan(1000)), ...(await overdueScan(10_000)), await buildAgenda(), await writeMinutes()];
  const header = ['operation', 'HTTP requests', 'batches', 'requests in batches', 'round trips', 'simulated time', 'target', 'met'];
  const table = rows.map((r) => [r.operation, r.requests, r.batches, r.inBatches, r.roundTrips, `${r.ms} ms`, r.target, r.target === '(not used)' ? '' : r.met ? 'yes' : 'NO'].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.info(`Graph cost of RiskPanel operations (${ROUND_TRIP_MS} ms per round trip, page size 500, $batch of 20)\n`);
  console.info(line(header));
  console.info(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of table) console.info(line(row));
  if (rows.some((r) => !r.met)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
