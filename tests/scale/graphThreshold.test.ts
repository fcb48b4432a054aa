import { makeContext } from '../../src/kernel/context';
import { runQuery } from '../../src/queries';
import { listRegister, type RegisterPage } from '../../src/queries/listRegister';
import { toFields } from '../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import { seedCases } from '../fakes/seedCases';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { insert, makeOpenCase } from '../support/records';
import { actorOf, AGENCIES, FIXED_NOW, MEMBERS, type Persona } from '../support/world';

// A Cases list of 6,000 items on the Graph fake, which refuses (as SharePoint does) a query whose lead condition
// matches more than 5,000: the production register stays under the threshold for coordinators and partners, with
// and without filters, by page and by cursor.

jest.setTimeout(600_000);

it('the register answers on a 6,000-case list without the list view threshold error', async () => {
  const { store, fake } = await fakeSharePoint();
  await insert(store, 'agencies', ...AGENCIES);
  await insert(store, 'members', ...Object.values(MEMBERS));
  // With their keys (audience, search, adult keys) in the companion list, as the store writes them.
  seedCases(fake, Array.from({ length: 6000 }, (_, i) =>
    makeOpenCase({
      id: `bulk-${i}`,
      ref: `BULK-2024-${String(i).padStart(5, '0')}`,
      receivedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
      status: i % 2 ? 'open' : 'closed',
      referrerAgencyId: i % 3 === 0 ? 'ag-police' : 'ag-fire',
    }),
  ));
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

it('the fake refuses, as SharePoint does, a lead that finds more than 5,000 items, whatever the conditions after it', async () => {
  const { fake } = await fakeSharePoint();
  const list = fake.list(LISTS.cases.displayName);
  fake.seedItems(list.displayName, Array.from({ length: 6000 }, (_, i) => {
    const { version: _v, ...c } = makeOpenCase({ id: `lead-${i}`, ref: `LEAD-2024-${i}`, receivedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString() });
    return toFields(LISTS.cases, { ...c, version: 1 });
  }));
  const get = async (filter: string) => {
    const url = `https://graph.microsoft.com/v1.0/sites/${fake.site.id}/lists/${list.id}/items?$filter=${encodeURIComponent(filter)}&$top=10`;
    return (await fake.fetch(url, { headers: { authorization: 'Bearer t' } })).status;
  };
  // 6,000 open cases: a status lead is refused even though the reference narrows it to one.
  expect(await get("fields/CaseStatus eq 'Open' and fields/Ref eq 'LEAD-2024-7'")).toBe(500);
  // The same conditions the other way round lead with the narrow one.
  expect(await get("fields/Ref eq 'LEAD-2024-7' and fields/CaseStatus eq 'Open'")).toBe(200);
  // A range on one column is one lead: a week of received dates (168 items) is under the threshold...
  expect(await get("fields/ReceivedAt ge '2024-02-01T00:00:00Z' and fields/ReceivedAt lt '2024-02-08T00:00:00Z' and fields/CaseStatus eq 'Open'")).toBe(200);
  // ...but its lower end alone is not.
  expect(await get("fields/ReceivedAt ge '2024-02-01T00:00:00Z' and fields/CaseStatus eq 'Open' and fields/ReceivedAt lt '2024-02-08T00:00:00Z'")).toBe(500);
});
