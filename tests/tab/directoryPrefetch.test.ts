import { AGENCY_KINDS, ROLES } from '../../src/domain/enums';
import { ApiClient } from '../../tabs/src/api/client';
import { prefetchDirectory, takePrefetchedDirectory } from '../../tabs/src/hooks/directoryPrefetch';

// The first script asks for agencies and members once the user is known; DirectoryProvider takes that answer instead of
// asking again, only with the same client, and only once.

const agencies = [{ id: 'ag-1', name: 'Invented Council', shortName: 'IC', kind: AGENCY_KINDS[0], active: true }];
const members = [{ id: 'm-1', name: 'Pat Example', agencyId: 'ag-1', roles: [ROLES[0]], agencyLead: false, active: true }];

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

function stubFetch(): string[] {
  const asked: string[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const body = url.includes('agencies') ? agencies : members;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return asked;
}

test('the prefetched lists are taken once, by the client that asked, without asking again', async () => {
  const asked = stubFetch();
  const client = new ApiClient({ kind: 'dev', email: 'pat@example.test' });
  prefetchDirectory(client);
  const taken = takePrefetchedDirectory(client);
  expect(taken).toBeDefined();
  const lists = await taken;
  expect(lists?.agencies.map((a) => a.id)).toEqual(['ag-1']);
  expect(lists?.members.map((m) => m.id)).toEqual(['m-1']);
  expect(takePrefetchedDirectory(client)).toBeUndefined();
  expect(asked).toHaveLength(2);
});

test('another client does not get a prefetch made for someone else', () => {
  stubFetch();
  prefetchDirectory(new ApiClient({ kind: 'dev', email: 'pat@example.test' }));
  expect(takePrefetchedDirectory(new ApiClient({ kind: 'dev', email: 'sam@example.test' }))).toBeUndefined();
});
