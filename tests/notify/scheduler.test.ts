import { nextDailyRun, previousDailyRun, type JobContext, Scheduler } from '../../src/notify/scheduler';
import { zonedTimeToUtc } from '../../src/domain/time';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { createWorld, type World } from '../support/world';
import { VirtualClock } from './support/virtualClock';

const iso = (d: Date) => d.toISOString();
const next = (after: string, at: string) => iso(nextDailyRun(new Date(after), at));

describe('nextDailyRun (Europe/London)', () => {
  it('runs at 09:00 GMT in winter and 09:00 BST in summer', () => {
    expect(next('2026-01-10T08:59:00Z', '09:00')).toBe('2026-01-10T09:00:00.000Z');
    expect(next('2026-01-10T09:00:00Z', '09:00')).toBe('2026-01-11T09:00:00.000Z'); // strictly after
    expect(next('2026-07-01T07:59:59Z', '09:00')).toBe('2026-07-01T08:00:00.000Z');
  });

  it('crosses the March change (last Sunday, 29 March 2026): 09:00 moves from 09:00Z to 08:00Z', () => {
    expect(next('2026-03-28T09:00:00Z', '09:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(next('2026-03-29T08:00:00Z', '09:00')).toBe('2026-03-30T08:00:00.000Z');
    // The day is 23 hours long.
    expect(Date.parse(next('2026-03-28T09:00:00Z', '09:00')) - Date.parse('2026-03-28T09:00:00Z')).toBe(23 * 3_600_000);
  });

  it('crosses the October change (last Sunday, 25 October 2026): 09:00 moves from 08:00Z to 09:00Z', () => {
    expect(next('2026-10-24T08:00:00Z', '09:00')).toBe('2026-10-25T09:00:00.000Z');
    expect(next('2026-10-25T09:00:00Z', '09:00')).toBe('2026-10-26T09:00:00.000Z');
    expect(Date.parse(next('2026-10-24T08:00:00Z', '09:00')) - Date.parse('2026-10-24T08:00:00Z')).toBe(25 * 3_600_000);
  });

  it('a time in the skipped spring hour runs once, an hour later by the clock (01:30 → 02:30 BST)', () => {
    expect(next('2026-03-28T01:30:00Z', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(next('2026-03-29T01:30:00Z', '01:30')).toBe('2026-03-30T00:30:00.000Z');
  });

  it('a time in the repeated autumn hour runs once, at its first occurrence', () => {
    expect(next('2026-10-24T00:30:00Z', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(next('2026-10-25T00:30:00Z', '01:30')).toBe('2026-10-26T01:30:00.000Z');
  });

  it('uses the UK day, not the UTC day, around midnight', () => {
    expect(next('2026-06-14T23:00:00Z', '00:15')).toBe('2026-06-14T23:15:00.000Z');
    expect(iso(previousDailyRun(new Date('2026-06-14T23:10:00Z'), '00:15'))).toBe('2026-06-13T23:15:00.000Z');
    expect(iso(previousDailyRun(new Date('2026-06-15T08:30:00Z'), '09:00'))).toBe('2026-06-15T08:00:00.000Z');
    expect(iso(previousDailyRun(new Date('2026-06-15T07:30:00Z'), '09:00'))).toBe('2026-06-14T08:00:00.000Z');
  });

  it('refuses times that are not HH:MM', () => {
    for (const bad of ['9:00', '24:00', '09:60', 'nine']) expect(() => nextDailyRun(new Date(), bad)).toThrow(/HH:MM/);
  });

  it('converts wall-clock times in other zones too', () => {
    expect(iso(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('Scheduler', () => {
  let world: World;
  let other: SqliteStore;
  beforeEach(async () => {
    world = await createWorld();
    other = new SqliteStore(world.file);
  });
  afterEach(async () => {
    await other.close();
    await world.close();
  });

  const recorder = () => {
    const runs: { holder: string; trigger: string; scheduledFor?: string }[] = [];
    const job = (holder: string) => ({
      name: 'overdueScan',
      at: '09:00',
      run: async (ctx: JobContext) => {
        runs.push({ holder, trigger: ctx.trigger, ...(ctx.scheduledFor ? { scheduledFor: iso(ctx.scheduledFor) } : {}) });
        return 'scanned';
      },
    });
    return { runs, job };
  };

  it('runs the daily job at 09:00 London and re-arms it across the March change', async () => {
    const clock = new VirtualClock('2026-03-27T18:00:00Z'); // beyond the catch-up window of the 27th's run
    const { runs, job } = recorder();
    const scheduler = new Scheduler({ store: world.store, holder: 'a', jobs: [job('a')], now: clock.now, timers: clock.timers });
    await scheduler.start();
    expect(iso(scheduler.nextRuns().overdueScan!)).toBe('2026-03-28T09:00:00.000Z');

    await clock.advanceTo('2026-03-30T12:00:00Z');
    await scheduler.idle();

    expect(runs).toEqual([
      { holder: 'a', trigger: 'schedule', scheduledFor: '2026-03-28T09:00:00.000Z' },
      { holder: 'a', trigger: 'schedule', scheduledFor: '2026-03-29T08:00:00.000Z' },
      { holder: 'a', trigger: 'schedule', scheduledFor: '2026-03-30T08:00:00.000Z' },
    ]);
    expect(iso(scheduler.nextRuns().overdueScan!)).toBe('2026-03-31T08:00:00.000Z');
    await scheduler.stop();
  });

  it('with two instances, each occurrence runs once: the other skips while it is held and after it is done', async () => {
    const clock = new VirtualClock('2026-06-15T07:00:00Z');
    const runs: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const job = (holder: string) => ({
      name: 'overdueScan',
      at: '09:00',
      run: async () => {
        runs.push(holder);
        await slow;
      },
    });
    const a = new Scheduler({ store: world.store, holder: 'a', jobs: [job('a')], now: clock.now, timers: clock.timers });
    const b = new Scheduler({ store: other, holder: 'b', jobs: [job('b')], now: clock.now, timers: clock.timers });
    const occurrence = new Date('2026-06-15T08:00:00Z');
    await clock.advanceTo(occurrence);

    const first = a.fire(job('a'), occurrence, 'schedule');
    await new Promise((r) => setTimeout(r, 20));
    expect(await b.fire(job('b'), occurrence, 'schedule')).toMatchObject({ status: 'skipped', reason: 'leaseHeld', heldBy: 'a' });
    expect(await b.runNow('overdueScan')).toMatchObject({ status: 'skipped', reason: 'leaseHeld' });
    release();
    expect(await first).toMatchObject({ status: 'ran' });
    // b's timer fires a moment late, after a finished and released the lease: the done marker stops a second run.
    expect(await b.fire(job('b'), occurrence, 'schedule')).toEqual({ status: 'skipped', reason: 'alreadyRan' });
    expect(runs).toEqual(['a']);
    // On demand is not limited to once a day.
    expect(await b.runNow('overdueScan')).toMatchObject({ status: 'ran' });
    expect(runs).toEqual(['a', 'b']);
  });

  it('catches up a run missed while no instance was up, once', async () => {
    const clock = new VirtualClock('2026-06-15T08:30:00Z'); // 09:30 BST, the 09:00 run was missed
    const { runs, job } = recorder();
    const a = new Scheduler({ store: world.store, holder: 'a', jobs: [job('a')], now: clock.now, timers: clock.timers });
    await a.start();
    const b = new Scheduler({ store: other, holder: 'b', jobs: [job('b')], now: clock.now, timers: clock.timers });
    await b.start();
    expect(runs).toEqual([{ holder: 'a', trigger: 'catchUp', scheduledFor: '2026-06-15T08:00:00.000Z' }]);
    await a.stop();
    await b.stop();
  });

  it('does not catch up a run missed long ago', async () => {
    const clock = new VirtualClock('2026-06-15T20:00:00Z');
    const { runs, job } = recorder();
    const a = new Scheduler({ store: world.store, holder: 'a', jobs: [job('a')], now: clock.now, timers: clock.timers });
    await a.start();
    expect(runs).toEqual([]);
    await a.stop();
  });

  it('a failed scheduled run is logged, leaves no done marker, and the job stays armed', async () => {
    const clock = new VirtualClock('2026-06-15T07:00:00Z');
    const events: Record<string, unknown>[] = [];
    let fail = true;
    const job = {
      name: 'overdueScan',
      at: '09:00',
      run: async () => {
        if (fail) throw new Error('store unavailable');
        return 'ok';
      },
    };
    const a = new Scheduler({ store: world.store, holder: 'a', jobs: [job], now: clock.now, timers: clock.timers, log: (event, f) => events.push({ event, ...f }) });
    await a.start();
    await clock.advanceTo('2026-06-15T08:00:00Z');
    await a.idle();
    expect(events).toContainEqual(expect.objectContaining({ event: 'scheduler.jobFailed', job: 'overdueScan', error: 'store unavailable' }));
    expect(iso(a.nextRuns().overdueScan!)).toBe('2026-06-16T08:00:00.000Z');
    fail = false;
    expect(await a.fire(job, new Date('2026-06-15T08:00:00Z'), 'catchUp')).toMatchObject({ status: 'ran', result: 'ok' });
    await expect(a.runNow('nope')).rejects.toThrow(/No job/);
    await a.stop();
  });

  it('runs interval jobs (the outbox sender) one after another under their lease', async () => {
    const clock = new VirtualClock('2026-06-15T07:00:00Z');
    let runs = 0;
    const a = new Scheduler({
      store: world.store, holder: 'a', now: clock.now, timers: clock.timers,
      jobs: [{ name: 'outbox', everyMs: 30_000, run: async () => ++runs }],
    });
    await a.start();
    await clock.advanceTo('2026-06-15T07:02:00Z');
    await a.idle();
    expect(runs).toBe(4);
    await a.stop();
    await clock.advanceTo('2026-06-15T08:00:00Z');
    expect(runs).toBe(4);
  });
});
