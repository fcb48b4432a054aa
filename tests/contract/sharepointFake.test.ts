import { fakeSharePoint } from '../fakes/sharePointHarness';
import { describeStoreContract } from './storeContract';

describeStoreContract('SharePoint on the Graph fake', async () => {
  const { store } = await fakeSharePoint();
  return { store, cleanup: () => store.close() };
});

const seen = { faults: 0, outerFaults: 0, waits: [] as number[] };
afterAll(() => {
  // The faults really happened, and every retry waited what Retry-After said (2 s). Shorter waits are the jittered
  // back-off of nextSequence between contending writers (under 0.5 s). A request answered 429/503 on its own is
  // waited for once; the throttled requests inside one $batch are resent together after one wait.
  expect(seen.faults).toBeGreaterThan(20);
  const retryWaits = seen.waits.filter((w) => w >= 500);
  expect(retryWaits.length).toBeGreaterThanOrEqual(seen.outerFaults);
  expect(retryWaits.length).toBeGreaterThan(seen.outerFaults);
  expect(new Set(retryWaits)).toEqual(new Set([2000]));
});

describeStoreContract('SharePoint on the Graph fake, one request in five answered 429 or 503', async () => {
  const { store, fake, retry } = await fakeSharePoint({ faults: { every: 5, kinds: ['429', '503'], retryAfterSeconds: 2 } });
  return {
    store,
    cleanup: async () => {
      seen.faults += fake.stats.faults['429'] + fake.stats.faults['503'];
      seen.outerFaults += fake.stats.log.filter((l) => !l.inner && (l.status === 429 || l.status === 503)).length;
      seen.waits.push(...retry.waits);
      await store.close();
    },
  };
});

describeStoreContract('SharePoint on the Graph fake, with throttling and dropped connections', async () => {
  const { store } = await fakeSharePoint({ faults: { every: 4, kinds: ['429', 'drop', '503', 'drop-after'] }, pageSize: 2 });
  return { store, cleanup: () => store.close() };
});
