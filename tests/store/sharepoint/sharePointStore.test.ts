import { ConflictError } from '../../../src/domain/errors';
import type { ActionRecord } from '../../../src/domain/records';
import { dataQualityOf } from '../../../src/store/sharepoint/itemMapping';
import { LISTS } from '../../../src/store/sharepoint/listSchema';
import type { Kind, NewRecord } from '../../../src/store/port';
import { derivedField, INDEXED_FIELDS } from '../../../src/store/schema';
import { action, audit } from '../../contract/storeContract';
import type { GraphFake } from '../../fakes/graphFake';
import { filterColumns, parseFilter } from '../../fakes/odataFilter';
import { fakeSharePoint } from '../../fakes/sharePointHarness';

const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

/** Every $filter and $orderby the fake received names only indexed columns. */
function assertOnlyIndexedQueries(fake: GraphFake): number {
  let checked = 0;
  for (const entry of fake.stats.log) {
    const url = new URL(entry.url);
    const m = /\/lists\/([^/]+)\/items/.exec(url.pathname);
    if (!m) continue;
    const list = fake.list(decodeURIComponent(m[1]!));
    const filter = url.searchParams.get('$filter');
    const orderby = url.searchParams.get('$orderby');
    const columns = [...(filter ? filterColumns(parseFilter(filter)) : []), ...(orderby ? [/fields\/(\w+)/.exec(orderby)![1]!] : [])];
    for (const name of columns) {
      expect({ list: list.displayName, column: name, indexed: list.columns.find((c) => c.name === name)?.indexed }).toEqual({ list: list.displayName, column: name, indexed: true });
      checked++;
    }
  }
  return checked;
}

describe('SharePointStore on the Graph fake', () => {
  it('loses and duplicates nothing when one request in five is throttled and connections drop', async () => {
    const { fake, store } = await fakeSharePoint({ faults: { every: 5, kinds: ['429', '503', 'drop', 'drop-after'], retryAfterSeconds: 1 } });
    const actions = Array.from({ length: 60 }, (_, i) => action(`f${String(i).padStart(2, '0')}`, { ownerId: `owner-${i % 3}` }));
    const events = Array.from({ length: 40 }, (_, i) => audit(`e${i}`, `key-${i}`, '2026-06-15T09:00:00.000Z'));
    const before = { actions: fake.list('Actions').items.size, audit: fake.list('Audit trail').items.size };
    await store.transaction((tx) => Promise.all(actions.map((a) => tx.insert('actions', a))));
    const first = await store.transaction((tx) => Promise.all(events.map((e) => tx.append('audit', e))));
    expect(first.every((r) => r.created)).toBe(true);
    // The same appends again (a retried request): nothing new.
    const again = await store.transaction((tx) => Promise.all(events.map((e) => tx.append('audit', { ...e, id: `${e.id}-retry` }))));
    expect(again.every((r) => !r.created)).toBe(true);

    const after = { actions: fake.list('Actions').items.size, audit: fake.list('Audit trail').items.size };
    expect(after).toEqual({ actions: before.actions + 60, audit: before.audit + 40 });
    const recordIds = [...fake.list('Actions').items.values()].map((i) => i.fields.RecordId);
    expect(new Set(recordIds).size).toBe(recordIds.length);
    const read = await store.transaction((tx) => tx.find('actions'));
    expect(read.map(({ version: _v, ...r }) => r)).toEqual(actions);
    expect(fake.stats.faults['429'] + fake.stats.faults['503']).toBeGreaterThan(0);
    expect(fake.stats.faults.drop + fake.stats.faults['drop-after']).toBeGreaterThan(0);
  });

  it('lets one of ten concurrent writers with the same eTag win; the others get a conflict they can act on', async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.insert('actions', action('c1')));
    const read = (await store.transaction((tx) => tx.get('actions', 'c1')))!;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => store.transaction((tx) => tx.update('actions', { ...read, description: `Writer ${i}` }))),
    );
    const won = results.filter((r): r is PromiseFulfilledResult<ActionRecord> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(ConflictError);
      expect(l.reason.message).toBe('Someone else changed this record after you opened it. Reload it to see their change, then try again.');
    }
    expect(fake.stats.log.filter((l) => l.status === 412)).toHaveLength(9);
    const stored = (await store.transaction((tx) => tx.get('actions', 'c1')))!;
    expect(stored).toEqual(won[0]!.value);
    expect(stored.version).toBe(2);
  });

  it("treats a coordinator's edit in SharePoint as a change: the app's stale copy conflicts", async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.insert('actions', action('h1')));
    const read = (await store.transaction((tx) => tx.get('actions', 'h1')))!;
    const item = [...fake.list('Actions').items.values()].find((i) => i.fields.RecordId === 'h1')!;
    fake.editItem('Actions', item.id, { ActionStatus: 'In progress' });
    await expect(store.transaction((tx) => tx.update('actions', { ...read, description: 'Late' }))).rejects.toBeInstanceOf(ConflictError);
    const now = (await store.transaction((tx) => tx.get('actions', 'h1')))!;
    expect(now).toMatchObject({ status: 'in_progress', version: 2, description: read.description });
    expect(dataQualityOf(now)).toEqual([]);
  });

  it('orders and limits across many small pages, stopping early when the server order makes the rest irrelevant', async () => {
    const { fake, store } = await fakeSharePoint({ pageSize: 4 });
    const due = (i: number) => `2026-07-${String((i % 28) + 1).padStart(2, '0')}`;
    await store.transaction((tx) => Promise.all(Array.from({ length: 40 }, (_, i) => tx.insert('actions', action(`o${String(i).padStart(2, '0')}`, { dueDate: due(i) })))));
    fake.resetStats();
    const latest = await store.transaction((tx) => tx.find('actions', { orderBy: { field: 'dueDate', direction: 'desc' }, limit: 5 }));
    // 28 distinct days over 40 actions: days 28..25 once each... computed the SQLite way:
    const expected = Array.from({ length: 40 }, (_, i) => ({ id: `o${String(i).padStart(2, '0')}`, d: due(i) }))
      .sort((a, b) => (a.d < b.d ? 1 : a.d > b.d ? -1 : a.id < b.id ? -1 : 1))
      .slice(0, 5)
      .map((x) => x.id);
    expect(ids(latest)).toEqual(expected);
    const pages = fake.stats.log.filter((l) => l.url.includes('/items')).length;
    expect(pages).toBeLessThan(10);
  });

  it('never sends a filter or order on a column that is not indexed', async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction(async (tx) => {
      await Promise.all([tx.insert('actions', action('q1')), tx.append('audit', audit('e1', 'k1', '2026-06-15T09:00:00.000Z'))]);
      await tx.find('actions', { where: [{ field: 'status', op: 'ne', value: 'completed' }, { field: 'dueDate', op: 'lt', value: '2026-07-01' }] });
      await tx.find('actions', { where: [{ field: 'agencyId', op: 'eq', value: 'ag-police' }], orderBy: { field: 'dueDate', direction: 'asc' }, limit: 3 });
      await tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: 'case-1' }, { field: 'at', op: 'ge', value: '2026-06-01T00:00:00.000Z' }] });
      await tx.find('agencies', { where: [{ field: 'active', op: 'eq', value: true }] });
      await tx.nextSequence('ref-X');
    });
    expect(assertOnlyIndexedQueries(fake)).toBeGreaterThan(5);
  });

  it("opens a case page in one round trip when its reads are issued together", async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.get('cases', 'warm-up')); // resolves the list ids once per process
    fake.resetStats();
    await store.transaction((tx) =>
      Promise.all([
        tx.get('cases', 'case-1'),
        tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: 'case-1' }] }),
        tx.find('chronology', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
        tx.find('decisions', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
        tx.find('riskAssessments', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
        tx.find('agendaItems', { where: [{ field: 'caseId', op: 'eq', value: 'case-1' }] }),
      ]),
    );
    expect(fake.stats.requests).toBe(1);
    expect(fake.stats.batches).toBe(1);
    expect(fake.stats.innerRequests).toBe(6);
  });

  it('writes the minutes of 30 decisions and 60 new actions in ⌈90/20⌉ = 5 batches', async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.get('cases', 'warm-up'));
    fake.resetStats();
    const decisions: NewRecord<'decisions'>[] = Array.from({ length: 30 }, (_, i) => ({
      id: `d${i}`,
      idempotencyKey: `minutes-m1-d${i}`,
      caseId: `case-${i}`,
      meetingId: 'm1',
      outcome: 'continue',
      rationale: 'Invented rationale',
      decidedById: 'chair',
      decidedAt: '2026-06-15T11:00:00.000Z',
    }));
    await store.transaction((tx) =>
      Promise.all([
        ...decisions.map((d) => tx.append('decisions', d)),
        ...Array.from({ length: 60 }, (_, i) => tx.insert('actions', action(`m${i}`, { parentId: `case-${i % 30}` }))),
      ]),
    );
    expect(fake.stats.batches).toBe(5);
    expect(fake.stats.requests).toBe(5);
    expect(fake.list('Decisions').items.size).toBe(30);
    expect(fake.list('Actions').items.size).toBe(60);
  });

  it('finds the site by its URL as well as by its id', async () => {
    const { store } = await fakeSharePoint({ siteRef: 'url' });
    await store.transaction((tx) => tx.insert('actions', action('u1')));
    expect((await store.transaction((tx) => tx.get('actions', 'u1')))?.id).toBe('u1');
  });

  it('says which list is missing when the site was not provisioned', async () => {
    const { fake, store } = await fakeSharePoint();
    fake.site.lists.delete(fake.list('Meetings').id);
    await expect(store.transaction((tx) => tx.find('meetings'))).rejects.toThrow(/The SharePoint list "Meetings" is missing.*npm run provision/);
  });
});

describe('hand edits in SharePoint', () => {
  async function withItem() {
    const sp = await fakeSharePoint();
    await sp.store.transaction((tx) => tx.insert('actions', action('x1', { status: 'in_progress', dueDate: '2026-06-20' })));
    const itemId = [...sp.fake.list('Actions').items.values()].find((i) => i.fields.RecordId === 'x1')!.id;
    return { ...sp, itemId, get: () => sp.store.transaction((tx) => tx.get('actions', 'x1')) };
  }

  it('an unknown choice, an emptied required column and a bad date never break a read: last saved values and warnings', async () => {
    const { fake, itemId, get, store } = await withItem();
    fake.editItem('Actions', itemId, { ActionStatus: 'Pending', OwnerId: '', DueDate: 'next week' });
    const read = (await get())!;
    expect(read).toMatchObject({ status: 'in_progress', ownerId: 'owner-a', dueDate: '2026-06-20', version: 2 });
    expect(dataQualityOf(read).map((p) => [p.field, p.column])).toEqual([
      ['status', 'Status'],
      ['dueDate', 'Due date'],
      ['ownerId', 'Owner id'],
    ]);
    expect(dataQualityOf(read).find((p) => p.field === 'status')!.message).toBe('"Pending" is not one of the choices for Status; showing the last value RiskPanel saved.');
    // Lists still work (the server filters on what the column holds, so the damaged item is not "in progress" there),
    // and the record can be saved, which repairs the item.
    expect(ids(await store.transaction((tx) => tx.find('actions', { where: [{ field: 'status', op: 'eq', value: 'in_progress' }] })))).toEqual([]);
    const repaired = await store.transaction((tx) => tx.update('actions', { ...read, description: 'Repaired' }));
    expect(dataQualityOf(repaired)).toEqual([]);
    const reread = (await get())!;
    expect(dataQualityOf(reread)).toEqual([]);
    expect(reread).toEqual(repaired);
    expect(fake.list('Actions').items.get(itemId)!.fields.ActionStatus).toBe('In progress');
  });

  it('a valid edit is taken up, including a date picked in UK summer time', async () => {
    const { fake, itemId, get } = await withItem();
    fake.editItem('Actions', itemId, { ActionStatus: 'Completed', DueDate: '2026-06-24T23:00:00Z', CompletedAt: '2026-06-25T10:15:00Z' });
    const read = (await get())!;
    expect(read).toMatchObject({ status: 'completed', dueDate: '2026-06-25', completedAt: '2026-06-25T10:15:00.000Z' });
    expect(dataQualityOf(read)).toEqual([]);
  });

  it('a damaged RecordJson still gives a usable record from the columns, with a warning', async () => {
    const { fake, itemId, get } = await withItem();
    fake.editItem('Actions', itemId, { RecordJson: '{"id": "x1", oops' });
    const read = (await get())!;
    expect(read).toMatchObject({ id: 'x1', status: 'in_progress', dueDate: '2026-06-20', ownerId: 'owner-a', progress: [], dueDateChanges: [] });
    expect(dataQualityOf(read)[0]!.message).toMatch(/saved record is missing or damaged/);
  });

  it('a coordinator can list every item needing attention, including items added by hand', async () => {
    const { fake, itemId, store } = await withItem();
    fake.editItem('Actions', itemId, { ActionStatus: 'Pending' });
    fake.seedItems('Agencies', [{ Title: 'Typed in by hand' }]);
    // The hand-made item has no record id: it is skipped by queries, not fatal.
    expect(await store.transaction((tx) => tx.find('agencies'))).toEqual([]);
    const issues = await store.listDataQualityIssues();
    expect(issues.map((i) => [i.list, i.recordId ?? null, i.problems.map((p) => p.column)])).toEqual([
      ['Agencies', null, ['Record id']],
      ['Actions', 'x1', ['Status']],
    ]);
    expect(issues[1]!.title).toBe('Invented action x1');
  });

  it('every list is schema-complete: each indexed field of the port has an indexed column', () => {
    for (const [kind, fields] of Object.entries(INDEXED_FIELDS)) {
      // A derived field (a case's audience) has no column: the adapter checks it on what the server returns.
      for (const field of fields.filter((f) => !derivedField(kind as Kind, f))) expect({ kind, field, indexed: LISTS[kind as Kind].columns.find((c) => c.field === field)?.indexed }).toEqual({ kind, field, indexed: true });
    }
    for (const spec of Object.values(LISTS)) {
      const names = spec.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of spec.columns) {
        expect(c.name.length).toBeLessThanOrEqual(32);
        expect(['Title', 'ID', 'Order', 'Created', 'Modified', 'Author', 'Editor', 'Version', 'Attachments', 'ContentType']).not.toContain(c.name);
      }
    }
  });
});
