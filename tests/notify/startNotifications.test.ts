import { DEFAULT_NOTIFY } from '../../src/config';
import { startNotifications } from '../../src/notify/startNotifications';
import { testConfig } from '../api/server';
import { createWorld, type World } from '../support/world';
import { FakeConnector } from './support/fakeConnector';
import { buildScenario, installApp, SCAN_AT } from './support/scenario';
import { GENERAL_CHANNEL } from './support/teamsActivities';

let world: World;
let fake: FakeConnector;
beforeEach(async () => {
  world = await createWorld();
  fake = await FakeConnector.start();
  await buildScenario(world);
  await installApp(world, fake.serviceUrl);
});
afterEach(async () => {
  await fake.close();
  await world.close();
});

describe('startNotifications (as src/main.ts starts it)', () => {
  it('with SCHEDULER=off arms nothing; on demand it scans and posts, in local mode to the stored service URL without a token', async () => {
    const config = { ...testConfig(world.file), notify: { ...DEFAULT_NOTIFY, schedulerEnabled: false } };
    const notifications = await startNotifications({ config, store: world.store, now: () => SCAN_AT });
    try {
      expect(notifications.scheduler.nextRuns()).toEqual({});
      const { scan, outbox } = await notifications.runScanNow();
      expect(scan).toMatchObject({ status: 'ran', result: { queued: { digests: 1, reminders: 1, escalations: 1 } } });
      expect(outbox).toMatchObject({ status: 'ran', result: { processed: 3, sent: 3, failed: 0 } });
      expect(fake.postsTo(GENERAL_CHANNEL)).toHaveLength(1);
      expect(fake.requests.map((r) => r.authorization)).toEqual([undefined, undefined, undefined]);
    } finally {
      await notifications.stop();
    }
  });

  it('started, it arms the daily scan at SCAN_TIME (UK time) and the outbox on its interval', async () => {
    const config = { ...testConfig(world.file), notify: { ...DEFAULT_NOTIFY, scanTime: '06:45', outboxIntervalSeconds: 600 } };
    // 05:00 UTC = 06:00 BST: the day's 06:45 is still ahead, and nothing is missed to catch up on.
    const now = () => new Date('2026-06-15T05:00:00Z');
    const notifications = await startNotifications({ config, store: world.store, now });
    try {
      expect(notifications.scheduler.nextRuns()).toEqual({
        overdueScan: new Date('2026-06-15T05:45:00Z'),
        outbox: new Date('2026-06-15T05:10:00Z'),
      });
      expect(fake.requests).toEqual([]);
    } finally {
      await notifications.stop();
    }
  });
});
