import { runOverdueScanAsSystem } from '../../src/kernel/overdueScan';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import type { GraphFake } from '../fakes/graphFake';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { insert, makeAction, makeOpenCase } from '../support/records';
import { AGENCIES, FIXED_NOW, MEMBERS } from '../support/world';

// The production overdue scan on large Actions lists on the Graph fake, which refuses (as SharePoint does) a query
// whose lead condition matches more than 5,000: years of finished actions must not be what it reads, and neither
// may a status that alone holds more than 5,000 open actions.

jest.setTimeout(600_000);

type Share = { status: string; dueDate: string; completedAt?: string };

/** `n` actions of one case, each shaped by `shape(i)`. */
async function world(n: number, shape: (i: number) => Share) {
  const { store, fake } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const theCase = makeOpenCase({ id: 'scan-case', ref: 'CASPA-2026-0100' });
  await insert(store, 'cases', theCase);
  const rows = Array.from({ length: n }, (_, i) => {
    const { version: _v, ...a } = makeAction({ id: `bulk-action-${i}`, parentKind: 'case', parentId: theCase.id, ...shape(i) } as never);
    return toFields(LISTS.actions, { ...a, version: 1 });
  });
  fake.seedItems(LISTS.actions.displayName, rows);
  fake.resetStats();
  return { store, fake };
}

/** Every Actions list read the scan sent, and whether SharePoint refused any of them. */
function actionReads(fake: GraphFake) {
  const reads = fake.stats.log.filter((r) => r.method === 'GET' && r.url.includes(`/lists/${fake.list('Actions').id}/items`));
  return { reads: reads.length, refused: reads.filter((r) => r.status !== 200).length };
}

const SETTINGS = { reminderDaysBefore: 3, escalationDaysOverdue: 14 };

it('the overdue scan runs on a 10,000-action list without the list view threshold error and finds every open action due', async () => {
  // 2% overdue (open, due before today), 8% open and due within the reminder window or later, 90% finished, most
  // of those due in the past: a lead of "due before today" (what the scan sent before) would match 6,200 items.
  let overdue = 0;
  let dueSoon = 0;
  const { store, fake } = await world(10_000, (i) => {
    const m = i % 50;
    if (m === 0) overdue++;
    if (m === 1 || m === 2) dueSoon++;
    return m === 0
      ? { status: i % 100 === 0 ? 'not_started' : 'in_progress', dueDate: '2026-05-20' }
      : m <= 4
        ? { status: m % 2 ? 'not_started' : 'in_progress', dueDate: m <= 2 ? '2026-06-17' : '2026-09-20' }
        : { status: 'completed', dueDate: m % 3 ? '2026-04-01' : '2026-08-01', completedAt: '2026-03-30T10:00:00.000Z' };
  });
  const report = await runOverdueScanAsSystem(store, FIXED_NOW, SETTINGS, 'test');
  expect({ overdue: report.overdueActions, dueSoon: report.dueSoonActions }).toEqual({ overdue, dueSoon });
  expect(report.overdueActions).toBe(200);
  // Two reads (overdue, due soon), each one page: nothing refused, nothing finished read.
  expect(actionReads(fake)).toEqual({ reads: 2, refused: 0 });
  await store.close();
});

it('a status holding more than 5,000 open actions, due over years, is still read under the threshold', async () => {
  // 12,000 actions: 7,000 in progress (100 overdue, 50 due within three days, the rest due over the next ten years),
  // 5,000 completed in the past. "In progress" alone, and "due before today" alone, each pass 5,000.
  const day = (offset: number) => new Date(Date.parse('2026-06-15') + offset * 86_400_000).toISOString().slice(0, 10);
  const { store, fake } = await world(12_000, (i) => {
    if (i < 5_000) return { status: 'completed', dueDate: day(-1 - (i % 2_000)), completedAt: '2026-01-10T10:00:00.000Z' };
    const k = i - 5_000;
    return { status: 'in_progress', dueDate: k < 100 ? day(-1 - (k % 30)) : k < 150 ? day(1 + (k % 3)) : day(10 + (k % 3_650)) };
  });
  const report = await runOverdueScanAsSystem(store, FIXED_NOW, SETTINGS, 'test');
  expect({ overdue: report.overdueActions, dueSoon: report.dueSoonActions }).toEqual({ overdue: 100, dueSoon: 50 });
  expect(actionReads(fake)).toEqual({ reads: 2, refused: 0 });
  await store.close();
});

it('when even the open actions due in the window pass 5,000, the window is read in parts, each under the threshold', async () => {
  // 6,000 open actions overdue (a backlog) over two years: the open-actions lead itself is refused, then split.
  const day = (offset: number) => new Date(Date.parse('2026-06-15') + offset * 86_400_000).toISOString().slice(0, 10);
  const { store, fake } = await world(6_000, (i) => ({ status: i % 2 ? 'in_progress' : 'not_started', dueDate: day(-1 - (i % 730)) }));
  const report = await runOverdueScanAsSystem(store, FIXED_NOW, SETTINGS, 'test');
  expect(report.overdueActions).toBe(6_000);
  const { reads, refused } = actionReads(fake);
  // One refusal of the whole backlog; every read after it is a window under the threshold.
  expect(refused).toBe(1);
  expect(reads).toBeLessThan(40);
  await store.close();
});
