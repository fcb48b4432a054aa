import { makeContext } from '../../src/kernel/context';
import { runQuery } from '../../src/queries';
import { listRegister, type RegisterPage } from '../../src/queries/listRegister';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { insert, makeAction, makeOpenCase } from '../support/records';
import { actorOf, AGENCIES, FIXED_NOW, MEMBERS } from '../support/world';

// The register's overdue counts read only the page's cases' open actions due before today. On the Graph fake, with
// an Actions list of 6,000 open items (more than the list view threshold), the count's query must still lead with
// the page's cases, not with the open status every one of those items shares.

jest.setTimeout(120_000);

it("counts a page's overdue actions on a 6,000-action list without the list view threshold error", async () => {
  const { store, fake } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const cases = Array.from({ length: 30 }, (_, i) =>
    makeOpenCase({ id: `oc-${i}`, ref: `OVER-2026-${String(i).padStart(4, '0')}`, receivedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() }),
  );
  await insert(store, 'cases', ...cases);
  // Case i has i % 3 overdue open actions, one finished past-due action, and the rest of the list is open and due later.
  const actions = [
    ...cases.flatMap((c, i) => [
      ...Array.from({ length: i % 3 }, (_, k) => makeAction({ id: `od-${i}-${k}`, parentId: c.id, status: 'in_progress', dueDate: '2026-01-10' })),
      makeAction({ id: `done-${i}`, parentId: c.id, status: 'completed', dueDate: '2026-01-10' }),
    ]),
    ...Array.from({ length: 6000 }, (_, k) => makeAction({ id: `later-${k}`, parentId: `elsewhere-${k % 500}`, status: 'not_started', dueDate: '2027-01-01' })),
  ];
  fake.seedItems(
    LISTS.actions.displayName,
    actions.map(({ version: _v, ...a }) => toFields(LISTS.actions, { ...a, version: 1 })),
  );
  const ctx = makeContext({ store, actor: actorOf('coordinator'), now: () => FIXED_NOW, correlationId: 'c-1', newId: () => 'id-1' });
  const page = (await runQuery(listRegister, ctx, { pageSize: 50 })) as RegisterPage;
  const byRef = new Map(page.items.map((item) => [item.ref, item.overdueActions]));
  for (const [i, c] of cases.entries()) expect([c.ref, byRef.get(c.ref)]).toEqual([c.ref, i % 3]);
  await store.close();
});
