import { makeContext } from '../../src/kernel/context';
import { runQuery } from '../../src/queries';
import { listRegister, type RegisterPage } from '../../src/queries/listRegister';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { insert, makeOpenCase } from '../support/records';
import { actorOf, AGENCIES, FIXED_NOW, MEMBERS, type Persona } from '../support/world';

// A Cases list of 6,000 items on the Graph fake, which refuses (as SharePoint does) a query whose lead condition
// matches more than 5,000: the production register stays under the threshold for coordinators and partners, with
// and without filters, by page and by cursor.

jest.setTimeout(180_000);

it('the register answers on a 6,000-case list without the list view threshold error', async () => {
  const { store, fake } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  const rows = Array.from({ length: 6000 }, (_, i) => {
    const { version: _v, ...c } = makeOpenCase({
      id: `bulk-${i}`,
      ref: `BULK-2024-${String(i).padStart(5, '0')}`,
      receivedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
      status: i % 2 ? 'open' : 'closed',
      referrerAgencyId: i % 3 === 0 ? 'ag-police' : 'ag-fire',
    });
    return toFields(LISTS.cases, { ...c, version: 1 });
  });
  fake.seedItems(LISTS.cases.displayName, rows);
  let seq = 0;
  const ctxFor = (p: Persona) => makeContext({ store, actor: actorOf(p), now: () => FIXED_NOW, correlationId: `c-${++seq}`, newId: () => `id-${++seq}` });
  for (const [persona, input] of [
    ['coordinator', {}],
    ['coordinator', { status: 'open' }],
    ['coordinator', { sort: 'ref', pageSize: 20, page: 3 }],
    ['police', {}],
    ['police', { status: 'open', riskLevel: 'high' }],
  ] as [Persona, Record<string, unknown>][]) {
    const first = (await runQuery(listRegister, ctxFor(persona), input)) as RegisterPage;
    expect({ persona, input, some: first.items.length > 0, total: first.total > 1000 }).toEqual({ persona, input, some: true, total: true });
    if (first.nextCursor) {
      const next = (await runQuery(listRegister, ctxFor(persona), { ...input, cursor: first.nextCursor })) as RegisterPage;
      expect(next.items[0]?.ref).not.toBe(first.items[0]?.ref);
    }
  }
  await store.close();
});
