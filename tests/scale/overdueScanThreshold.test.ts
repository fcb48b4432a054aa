import { runOverdueScanAsSystem } from '../../src/kernel/overdueScan';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { insert, makeAction, makeOpenCase } from '../support/records';
import { AGENCIES, FIXED_NOW, MEMBERS } from '../support/world';

// The production overdue scan on an Actions list of 10,000 items on the Graph fake, which refuses (as SharePoint
// does) a query whose lead condition matches more than 5,000: years of finished actions must not be what it reads.

jest.setTimeout(180_000);

it('the overdue scan runs on a 10,000-action list without the list view threshold error and finds every open action due', async () => {
  const { store, fake } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const theCase = makeOpenCase({ id: 'scan-case', ref: 'CASPA-2026-0100' });
  await insert(store, 'cases', theCase);
  // 2% overdue (open, due before today), 8% open and due within the reminder window or later, 90% finished, most
  // of those due in the past: a lead of "due before today" (what the scan sent before) would match 6,200 items.
  let overdue = 0;
  let dueSoon = 0;
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const m = i % 50;
    const over =
      m === 0
        ? { status: i % 100 === 0 ? 'not_started' : 'in_progress', dueDate: '2026-05-20' }
        : m <= 4
          ? { status: m % 2 ? 'not_started' : 'in_progress', dueDate: m <= 2 ? '2026-06-17' : '2026-09-20' }
          : { status: 'completed', dueDate: m % 3 ? '2026-04-01' : '2026-08-01', completedAt: '2026-03-30T10:00:00.000Z' };
    if (m === 0) overdue++;
    if (m === 1 || m === 2) dueSoon++;
    const { version: _v, ...a } = makeAction({ id: `bulk-action-${i}`, parentKind: 'case', parentId: theCase.id, ...over } as never);
    return toFields(LISTS.actions, { ...a, version: 1 });
  });
  fake.seedItems(LISTS.actions.displayName, rows);
  const report = await runOverdueScanAsSystem(store, FIXED_NOW, { reminderDaysBefore: 3, escalationDaysOverdue: 14 }, 'test');
  expect({ overdue: report.overdueActions, dueSoon: report.dueSoonActions }).toEqual({ overdue, dueSoon });
  expect(report.overdueActions).toBe(200);
  await store.close();
});
