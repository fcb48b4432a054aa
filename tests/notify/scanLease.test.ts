import path from 'node:path';
import { DEFAULT_NOTIFY } from '../../src/config';
import { HttpBotConnector } from '../../src/notify/httpConnector';
const OVERDUE_DIGEST = 'overdueDigest';
import { Scheduler } from '../../src/notify/scheduler';
import { notificationJobs, OUTBOX_JOB, OVERDUE_SCAN_JOB } from '../../src/notify/startNotifications';
import type { Store } from '../../src/store/port';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { testConfig } from '../api/server';
import { createWorld, type World } from '../support/world';
import { FakeConnector } from './support/fakeConnector';
import { raceProcesses } from './support/raceProcesses';
import { buildScenario, installApp, outboxRows } from './support/scenario';
import { GENERAL_CHANNEL } from './support/teamsActivities';
import { settle, VirtualClock } from './support/virtualClock';

// Two instances of the server (two connections to one database file), each with the real jobs of startNotifications
// on its own scheduler: the daily scan and the outbox sender under their leases.

let world: World;
let other: SqliteStore;
let fake: FakeConnector;
beforeEach(async () => {
  world = await createWorld();
  other = new SqliteStore(world.file);
  fake = await FakeConnector.start();
  await buildScenario(world);
  await installApp(world, fake.serviceUrl);
});
afterEach(async () => {
  await fake.close();
  await other.close();
  await world.close();
});

function instance(holder: string, store: Store, clock: VirtualClock, events: { holder: string; job: unknown; status: unknown; reason?: unknown }[]) {
  const config = { ...testConfig(world.file), notify: { ...DEFAULT_NOTIFY, scanTime: '07:00', outboxIntervalSeconds: 10 } };
  return new Scheduler({
    store,
    holder,
    jobs: notificationJobs({ config, store, connector: new HttpBotConnector({ findSent: fake.findSent }), now: clock.now }),
    now: clock.now,
    timers: clock.timers,
    log: (event, fields) => {
      if (event === 'scheduler.job') events.push({ holder, job: fields.job, status: fields.status, ...(fields.reason ? { reason: fields.reason } : {}) });
    },
  });
}

describe('two instances with the notification jobs', () => {
  it('the daily scan runs once at 07:00 UK time and its digest is posted once', async () => {
    const clock = new VirtualClock('2026-06-15T05:59:00Z'); // 06:59 BST
    const events: { holder: string; job: unknown; status: unknown; reason?: unknown }[] = [];
    const a = instance('instance-a', world.store, clock, events);
    const b = instance('instance-b', other, clock, events);
    await a.start();
    await b.start();
    expect(a.nextRuns()[OVERDUE_SCAN_JOB]!.toISOString()).toBe('2026-06-15T06:00:00.000Z');

    await clock.advanceTo('2026-06-15T06:00:45Z');
    await settle();
    await a.stop();
    await b.stop();

    const scans = events.filter((e) => e.job === OVERDUE_SCAN_JOB);
    expect(scans.filter((e) => e.status === 'ran')).toHaveLength(1);
    expect(scans.filter((e) => e.status === 'skipped')).toHaveLength(1);
    expect(await outboxRows(world, OVERDUE_DIGEST)).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(fake.postsTo(GENERAL_CHANNEL)).toHaveLength(1);
    expect(fake.posted).toHaveLength(3);
  });

  it('in separate processes, racing: one runs the scan, the other skips while it works; one digest', async () => {
    const racer = path.join(__dirname, 'support/scanRacer.ts');
    const outcomes = await raceProcesses<{ holder: string; status: string; queued?: unknown }>(
      racer,
      ['instance-a', 'instance-b'].map((holder) => [world.file, holder, '2026-06-15T06:00:00.000Z']),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ran', 'skipped']);
    expect(outcomes.find((o) => o.status === 'ran')!.queued).toEqual({ digests: 1, reminders: 1, escalations: 1 });
    expect(await outboxRows(world, OVERDUE_DIGEST)).toHaveLength(1);
  }, 60_000);

  it('on demand on both, one after the other (the button, then npm run scan:overdue): one digest, posted once', async () => {
    const clock = new VirtualClock('2026-06-15T08:00:00Z');
    const events: { holder: string; job: unknown; status: unknown; reason?: unknown }[] = [];
    const a = instance('instance-a', world.store, clock, events);
    const b = instance('instance-b', other, clock, events);

    expect(await a.runNow(OVERDUE_SCAN_JOB)).toMatchObject({ status: 'ran', result: { queued: { digests: 1 } } });
    expect(await b.runNow(OVERDUE_SCAN_JOB)).toMatchObject({ status: 'ran', result: { queued: { digests: 0 }, alreadyQueued: { digests: 1 } } });
    await a.runNow(OUTBOX_JOB);
    await b.runNow(OUTBOX_JOB);

    expect(await outboxRows(world, OVERDUE_DIGEST)).toHaveLength(1);
    expect(fake.postsTo(GENERAL_CHANNEL)).toHaveLength(1);
    expect(new Set(fake.posted.map((p) => p.deliveryKey)).size).toBe(fake.posted.length);
  });
});
