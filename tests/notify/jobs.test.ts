import { HttpBotConnector } from '../../src/notify/httpConnector';
import { outboxJob } from '../../src/notify/jobs';
import { Scheduler } from '../../src/notify/scheduler';
import { createWorld, type World } from '../support/world';
import { FakeConnector } from './support/fakeConnector';
import { addConversations, conversation, outboxRow, queue, renderNote } from './support/outboxWorld';
import { VirtualClock } from './support/virtualClock';

let world: World;
let fake: FakeConnector;
beforeEach(async () => {
  world = await createWorld();
  fake = await FakeConnector.start();
  await addConversations(world.store, conversation('general', fake.serviceUrl));
});
afterEach(async () => {
  await fake.close();
  await world.close();
});

describe('outboxJob', () => {
  it('drains the outbox on its interval under the scheduler, renewing the lease on a long run', async () => {
    const clock = new VirtualClock('2026-06-15T09:00:00Z');
    for (let i = 0; i < 70; i++) {
      await queue(world.store, `row-${String(i).padStart(2, '0')}`, `2026-06-15T08:59:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`, { text: `card ${i}`, to: ['general'] });
    }
    const job = outboxJob({ store: world.store, connector: new HttpBotConnector(), render: renderNote, now: clock.now, sleep: clock.sleep, everyMs: 15_000, renewEveryMs: 10_000 });
    const scheduler = new Scheduler({ store: world.store, holder: 'a', jobs: [job], now: clock.now, timers: clock.timers, leaseTtlMs: 20_000 });
    await scheduler.start();

    await clock.advanceTo('2026-06-15T09:00:15Z');
    await scheduler.idle();

    expect(fake.posted).toHaveLength(70);
    expect((await outboxRow(world.store, 'row-69')).status).toBe('sent');
    // 70 cards to one channel take more than 30 s of (virtual) time: longer than the 20 s lease, kept by renewing.
    const lease = await world.store.transaction((tx) => tx.get('leases', 'job:outbox'));
    expect(lease!.version).toBeGreaterThan(3);
    await scheduler.stop();
  });
});
