import { version } from '../../../package.json';
import { GRAPH_ROOT } from '../../../src/store/sharepoint/graphHttp';
import { LISTS } from '../../../src/store/sharepoint/listSchema';
import { action } from '../../contract/storeContract';
import { type GraphFake, NON_INDEXED_PREFER } from '../../fakes/graphFake';
import { fakeClients, fakeSharePoint, ORG, recordingRetry } from '../../fakes/sharePointHarness';

/** Rows as a coordinator's bulk import would leave them: the columns only. */
function actionRows(n: number, status: (i: number) => string) {
  return Array.from({ length: n }, (_, i) => ({
    Title: `Invented action ${i}`,
    RecordId: `bulk-${String(i).padStart(5, '0')}`,
    ActionStatus: status(i),
    DueDate: '2026-06-01T00:00:00Z',
    Description: `Invented action ${i}`,
  }));
}

describe('the Graph fake, reached through the production Graph client', () => {
  it('requires a bearer token, which the production middleware adds, and sees the app named in the User-Agent', async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.insert('actions', action('a1')));
    await store.transaction((tx) => tx.find('actions'));
    expect(fake.stats.requests).toBeGreaterThan(0);
    expect(fake.stats.unauthenticated).toBe(0);
    expect([...fake.stats.bearerTokens]).toEqual(['fake-token:https://graph.microsoft.com/.default']);
    expect([...fake.stats.userAgents]).toEqual([`NONISV|${ORG}|RiskPanel/${version}`]);

    // Without the bearer the fake refuses, as Graph does: the production path is what made the calls above work.
    const bare = await fake.fetch(`${GRAPH_ROOT}/sites/${fake.site.id}/lists`);
    expect(bare.status).toBe(401);
    // And an http:// base URL would not be Graph at all.
    const plain = await fake.fetch(`http://graph.microsoft.com/v1.0/sites/${fake.site.id}/lists`, { headers: { Authorization: 'Bearer x' } });
    expect(plain.status).toBe(404);
  });

  describe('a filter on a column that is not indexed, against a 6,000-item list', () => {
    let fake: GraphFake;
    let clients: ReturnType<typeof fakeClients>;
    let itemsUrl: string;
    beforeAll(async () => {
      const sp = await fakeSharePoint();
      fake = sp.fake;
      fake.seedItems('Actions', actionRows(6000, (i) => (i < 5500 ? 'Completed' : 'Not started')));
      clients = fakeClients(fake);
      itemsUrl = `/sites/${fake.site.id}/lists/${fake.list('Actions').id}/items`;
    });
    const get = (filter: string, headers?: Record<string, string>) =>
      clients.graph.send({ method: 'GET', url: `${itemsUrl}?expand=fields&$filter=${encodeURIComponent(filter)}`, ...(headers ? { headers } : {}) });

    it('is refused outright without the Prefer header', async () => {
      const reply = await get("fields/Description eq 'Invented action 7'");
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toMatch(/Field 'Description' cannot be referenced in filter or orderby as it is not indexed/);
    });

    it('fails with the list view threshold error even with the Prefer header', async () => {
      const reply = await get("fields/Description eq 'Invented action 7'", { Prefer: NON_INDEXED_PREFER });
      expect(reply.status).toBe(500);
      expect(reply.body.error.message).toMatch(/exceeds the list view threshold/);
    });

    it('also fails when the first indexed condition still matches more than 5,000 items; a selective one works', async () => {
      expect((await get("fields/ActionStatus eq 'Completed'")).status).toBe(500);
      const selective = await get("fields/ActionStatus eq 'Not started'");
      expect(selective.status).toBe(200);
      expect(selective.body.value).toHaveLength(200);
      expect(selective.body['@odata.nextLink']).toContain('$skiptoken=');
    });

    it('is never issued by the adapter: a query on a non-indexed field is refused before any request', async () => {
      const { store, fake: f2 } = await fakeSharePoint();
      f2.seedItems('Actions', actionRows(6000, () => 'Not started'));
      const before = f2.stats.requests;
      await expect(store.transaction((tx) => tx.find('actions', { where: [{ field: 'description', op: 'eq', value: 'x' }] }))).rejects.toThrow(
        /not an indexed field/,
      );
      expect(f2.stats.requests).toBe(before);
    });
  });

  it('pages with a default size of 200 and a nextLink that the store follows to the end', async () => {
    const { fake, store } = await fakeSharePoint();
    fake.seedItems(
      'Actions',
      Array.from({ length: 450 }, (_, i) => ({
        RecordId: `p${String(i).padStart(3, '0')}`,
        RecordJson: JSON.stringify(action(`p${String(i).padStart(3, '0')}`)),
        ActionStatus: 'Not started',
        DueDate: '2026-06-15T00:00:00Z',
      })),
    );
    const clients = fakeClients(fake);
    const first = await clients.graph.send({ method: 'GET', url: `/sites/${fake.site.id}/lists/${fake.list('Actions').id}/items?expand=fields` });
    expect(first.body.value).toHaveLength(200);
    const second = await clients.graph.send({ method: 'GET', url: first.body['@odata.nextLink'] });
    expect(second.body.value).toHaveLength(200);
    expect(second.body.value[0].fields.RecordId).toBe('p200');

    fake.resetStats();
    const all = await store.transaction((tx) => tx.find('actions'));
    expect(all).toHaveLength(450);
    expect(new Set(all.map((a) => a.id)).size).toBe(450);
  });

  it('follows nextLink when the server gives smaller pages than asked, whatever the page size', async () => {
    const { fake, store } = await fakeSharePoint({ fake: { maxPageSize: 7 } });
    await store.transaction((tx) => Promise.all(Array.from({ length: 30 }, (_, i) => tx.insert('actions', action(`n${String(i).padStart(2, '0')}`, { ownerId: i % 2 ? 'odd' : 'even' })))));
    fake.resetStats();
    const odd = await store.transaction((tx) => tx.find('actions', { where: [{ field: 'ownerId', op: 'eq', value: 'odd' }] }));
    expect(odd.map((a) => a.id)).toEqual(Array.from({ length: 15 }, (_, i) => `n${String(i * 2 + 1).padStart(2, '0')}`));
    expect(fake.stats.log.filter((l) => l.method === 'GET' && l.url.includes('/items')).length).toBe(3);
  });

  it('refuses a $batch of more than 20 and retries throttled requests inside a batch after their Retry-After', async () => {
    const { fake } = await fakeSharePoint();
    const retry = recordingRetry();
    const { graph } = fakeClients(fake, undefined, retry);
    const url = `/sites/${fake.site.id}/lists/${fake.list('Actions').id}/items?expand=fields&$top=1`;
    await expect(graph.batch(Array.from({ length: 21 }, () => ({ method: 'GET' as const, url })))).rejects.toThrow(/at most 20/);
    const tooMany = await fake.fetch(`${GRAPH_ROOT}/$batch`, {
      method: 'POST',
      headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: url.replace(GRAPH_ROOT, '') })) }),
    });
    expect(tooMany.status).toBe(400);

    fake.setFaults({ every: 3, kinds: ['429', '503'], retryAfterSeconds: 7 });
    const replies = await graph.batch(Array.from({ length: 12 }, () => ({ method: 'GET' as const, url })));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(fake.stats.faults['429'] + fake.stats.faults['503']).toBeGreaterThanOrEqual(4);
    expect(graph.counts.innerRetries).toBeGreaterThan(0);
    expect(retry.waits.every((w) => w === 7000)).toBe(true);
  });

  it('retries a read whose connection dropped, without the caller noticing', async () => {
    const { fake, store } = await fakeSharePoint();
    await store.transaction((tx) => tx.insert('actions', action('d1')));
    fake.setFaults({ every: 2, kinds: ['drop'] });
    // The first read goes through; the second one's connection drops and the middleware sends it again.
    expect((await store.transaction((tx) => tx.get('actions', 'd1')))?.id).toBe('d1');
    expect((await store.transaction((tx) => tx.get('actions', 'd1')))?.id).toBe('d1');
    expect(fake.stats.faults.drop).toBe(1);
    expect(fake.stats.log.filter((l) => l.status === 'dropped')).toHaveLength(1);
  });

  it('serves delta changes since a token, and 410 once the token has expired', async () => {
    const { fake, store } = await fakeSharePoint();
    const { graph } = fakeClients(fake);
    await store.transaction((tx) => Promise.all([tx.insert('actions', action('x1')), tx.insert('actions', action('x2'))]));
    const deltaUrl = `/sites/${fake.site.id}/lists/${fake.list('Actions').id}/items/delta?expand=fields`;
    const start = await graph.send({ method: 'GET', url: deltaUrl });
    expect(start.body.value).toHaveLength(2);
    const link = start.body['@odata.deltaLink'] as string;
    const read = (await store.transaction((tx) => tx.get('actions', 'x1')))!;
    await store.transaction((tx) => tx.update('actions', { ...read, status: 'in_progress' }));
    const changes = await graph.send({ method: 'GET', url: `${link}&expand=fields` });
    expect(changes.body.value.map((i: { fields: { RecordId: string } }) => i.fields.RecordId)).toEqual(['x1']);
    fake.expireDeltaTokens('Actions');
    const expired = await graph.send({ method: 'GET', url: link });
    expect(expired.status).toBe(410);
    expect(expired.headers.location).toContain('/items/delta');
  });

  it('gives every list of the schema the columns the adapter selects', async () => {
    const { fake } = await fakeSharePoint();
    for (const spec of Object.values(LISTS)) {
      const names = fake.list(spec.displayName).columns.map((c) => c.name);
      for (const col of spec.columns) expect(names).toContain(col.name);
    }
  });
});
