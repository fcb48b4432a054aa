import { runOverdueScanAsSystem } from '../../../src/kernel/overdueScan';
import { toFields } from '../../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../../src/store/sharepoint/listSchema';
import { provision } from '../../../src/store/sharepoint/provisioning';
import type { GraphFake } from '../../fakes/graphFake';
import { fakeClients, fakeSharePoint } from '../../fakes/sharePointHarness';
import { insert, makeAction, makeOpenCase } from '../../support/records';
import { AGENCIES, FIXED_NOW, MEMBERS } from '../../support/world';

// A site provisioned before Actions had OpenDueDate (the open actions' due-date index the overdue scan leads with)
// holds open actions with no value in it: provisioning must fill them, or the scan silently misses them. The fake's
// list view threshold is lowered so the Actions list is over it: the fill must read without a refused query.

const THRESHOLD = 100;
const SETTINGS = { reminderDaysBefore: 3, escalationDaysOverdue: 14 };
const LATER = new Date(FIXED_NOW.getTime() + 60_000);

type Shape = { status: string; dueDate: string; completedAt?: string };

/** 300 actions as an old site holds them: 20 open and overdue, 10 open and due later, 270 finished (many overdue). */
function shape(i: number): Shape {
  if (i < 20) return { status: i % 2 ? 'in_progress' : 'not_started', dueDate: '2026-05-20' };
  if (i < 30) return { status: 'not_started', dueDate: '2026-09-01' };
  return { status: i % 3 ? 'completed' : 'cancelled', dueDate: '2026-04-01', completedAt: '2026-03-30T10:00:00.000Z' };
}
const OPEN = 30;
const OVERDUE = 20;

async function oldSite(opts: { columnMissing: boolean }) {
  const h = await fakeSharePoint({ fake: { threshold: THRESHOLD } });
  const { store, fake } = h;
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const theCase = makeOpenCase({ id: 'upgrade-case', ref: 'CASPA-2026-0200' });
  await insert(store, 'cases', theCase);
  const actions = fake.list('Actions');
  if (opts.columnMissing) actions.columns = actions.columns.filter((c) => c.name !== 'OpenDueDate');
  const rows = Array.from({ length: 300 }, (_, i) => {
    const { version: _v, ...a } = makeAction({ id: `old-action-${i}`, parentKind: 'case', parentId: theCase.id, ...shape(i) } as never);
    // Written as the old store wrote them: no OpenDueDate.
    const { OpenDueDate: _o, ...fields } = toFields(LISTS.actions, { ...a, version: 1 });
    return fields;
  });
  fake.seedItems('Actions', rows);
  fake.resetStats();
  return h;
}

const openDue = (fake: GraphFake) =>
  [...fake.list('Actions').items.values()].map((it) => ({ id: String(it.fields.RecordId), value: it.fields.OpenDueDate ?? null }));

const writes = (fake: GraphFake) => fake.stats.log.filter((l) => l.method !== 'GET' && !l.url.endsWith('/$batch')).length;
const refused = (fake: GraphFake) => fake.stats.log.filter((l) => Number(l.status) >= 400 && Number(l.status) !== 412).length;

it('on a site without the column, provisioning adds OpenDueDate, fills it on the open actions only, and the overdue scan then finds every overdue one', async () => {
  const { store, fake } = await oldSite({ columnMissing: true });
  const { graph, rest } = fakeClients(fake);

  const plan: string[] = [];
  await provision({ graph, sharePointRest: rest, log: (l) => plan.push(l) }, fake.site.id, { dryRun: true });
  expect(plan).toContain('would add column: Actions: OpenDueDate (date, indexed)');
  expect(plan).toContain(`would fill column: Actions: OpenDueDate on ${OPEN} item(s) written before the column existed or out of step`);
  expect(writes(fake)).toBe(0);

  const lines: string[] = [];
  await provision({ graph, sharePointRest: rest, log: (l) => lines.push(l) }, fake.site.id, { dryRun: false });
  expect(lines).toContain(`filled OpenDueDate on ${OPEN} item(s) of Actions`);
  expect(refused(fake)).toBe(0);

  const values = openDue(fake);
  const byId = new Map(values.map((v) => [v.id, v.value]));
  for (let i = 0; i < 300; i++) {
    const s = shape(i);
    expect([i, byId.get(`old-action-${i}`)]).toEqual([i, i < OPEN ? `${s.dueDate}T00:00:00Z` : null]);
  }

  const report = await runOverdueScanAsSystem(store, FIXED_NOW, SETTINGS, 'test');
  expect(report.overdueActions).toBe(OVERDUE);

  // A second run plans and writes nothing.
  fake.resetStats();
  const again = await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
  expect(again.steps).toEqual([]);
  expect(writes(fake)).toBe(0);
  expect(openDue(fake)).toEqual(values);
  await store.close();
});

it('with the column added but left empty, the scan misses the open actions until provisioning fills them', async () => {
  const { store, fake } = await oldSite({ columnMissing: false });
  // The bug this step fixes: led by OpenDueDate, the scan finds none of the overdue actions.
  expect((await runOverdueScanAsSystem(store, FIXED_NOW, SETTINGS, 'test')).overdueActions).toBe(0);

  const { graph, rest } = fakeClients(fake);
  const result = await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: false });
  expect(result.steps.map((s) => `${s.action}: ${s.list}`)).toEqual(['fill column: Actions']);
  expect((await runOverdueScanAsSystem(store, LATER, SETTINGS, 'test')).overdueActions).toBe(OVERDUE);
  await store.close();
});

it('an action changed by RiskPanel between the plan and the fill keeps the value RiskPanel wrote', async () => {
  const { store, fake } = await oldSite({ columnMissing: false });
  const { graph, rest } = fakeClients(fake);
  const result = await provision({ graph, sharePointRest: rest }, fake.site.id, { dryRun: true });
  const fill = result.steps.find((s) => s.action === 'fill column')!;
  // Action 0 is completed after the plan was read (as the store writes it: OpenDueDate emptied, version bumped).
  const item = [...fake.list('Actions').items.values()].find((it) => it.fields.RecordId === 'old-action-0')!;
  const { version: _v, ...a } = makeAction({ id: 'old-action-0', parentKind: 'case', parentId: 'upgrade-case', status: 'completed', dueDate: '2026-05-20', completedAt: '2026-06-14T10:00:00.000Z' } as never);
  fake.editItem('Actions', item.id, { ...toFields(LISTS.actions, { ...a, version: 2 }), OpenDueDate: null });
  await fill.run!();
  const values = new Map(openDue(fake).map((v) => [v.id, v.value]));
  expect(values.get('old-action-0')).toBeNull();
  expect(values.get('old-action-1')).toBe('2026-05-20T00:00:00Z');
  await store.close();
});

it('upgraded without provisioning (no OpenDueDate column), the overdue scan fails loudly rather than finding nothing', async () => {
  const { store } = await oldSite({ columnMissing: true });
  await expect(runOverdueScanAsSystem(store, FIXED_NOW, SETTINGS, 'test')).rejects.toThrow(/OpenDueDate/);
  await store.close();
});
