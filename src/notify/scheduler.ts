import type { Store } from '../store/port';
import { DEFAULT_LEASE_TTL_MS, type LeaseHandle, realTimers, type Timers, withLease } from './lease';
import { LONDON, localParts, zonedTimeToUtc } from '../domain/time';

export interface JobContext {
  /** When the run started. */
  now: Date;
  /** The daily occurrence this run is for (absent for on-demand and interval runs). */
  scheduledFor?: Date;
  trigger: 'schedule' | 'catchUp' | 'manual';
  /** Renew for long runs; throws LeaseLostError if another instance took over. */
  lease: LeaseHandle;
}

interface JobBase {
  name: string;
  /** The job body (e.g. the overdue scan, reminders, the outbox sender): pluggable, written elsewhere. */
  run: (ctx: JobContext) => Promise<unknown>;
}
/** Once a day at a wall-clock time in the scheduler's zone ('HH:MM', 24-hour). */
export interface DailyJob extends JobBase { at: string }
/** Every `everyMs` after the previous run ended (e.g. draining the outbox). */
export interface IntervalJob extends JobBase { everyMs: number }
export type Job = DailyJob | IntervalJob;

export type JobOutcome =
  | { status: 'ran'; result: unknown }
  | { status: 'skipped'; reason: 'leaseHeld'; heldBy?: string }
  | { status: 'skipped'; reason: 'alreadyRan' }
  | { status: 'failed'; error: string };

export type { Timers } from './lease';

export interface SchedulerOptions {
  store: Store;
  /** Unique per process (host:pid:random); the lease holder. */
  holder: string;
  jobs: Job[];
  timeZone?: string;
  now?: () => Date;
  /**
   * How long a job's lease lasts past its holder's last heartbeat (default 15 s): after a crash, how long the other
   * instances wait before running the job. The holder renews it every third of that while the job runs.
   */
  leaseTtlMs?: number;
  /** On start, a daily run missed less than this long ago (process down at the time) runs now (default 6 hours). */
  catchUpWithinMs?: number;
  timers?: Timers;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

const isDaily = (job: Job): job is DailyJob => 'at' in job;

function parseAt(at: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!m) throw new Error(`A daily time must be HH:MM (24-hour), not "${at}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The wall-clock time `at` on the local day `offsetDays` from the local day of `ref`. */
function occurrenceOn(ref: Date, offsetDays: number, at: string, timeZone: string): Date {
  const { hour, minute } = parseAt(at);
  const today = localParts(ref, timeZone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offsetDays));
  return zonedTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute }, timeZone);
}

/** The first daily occurrence strictly after `after`; the hour that repeats in October gives one run, not two. */
export function nextDailyRun(after: Date, at: string, timeZone: string = LONDON): Date {
  for (let offset = 0; offset < 3; offset++) {
    const candidate = occurrenceOn(after, offset, at, timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error('unreachable: a daily time always recurs within three days');
}

/** The latest daily occurrence at or before `at`. */
export function previousDailyRun(atOrBefore: Date, at: string, timeZone: string = LONDON): Date {
  for (let offset = 0; offset > -3; offset--) {
    const candidate = occurrenceOn(atOrBefore, offset, at, timeZone);
    if (candidate.getTime() <= atOrBefore.getTime()) return candidate;
  }
  throw new Error('unreachable: a daily time always recurs within three days');
}

/**
 * Runs daily and interval jobs in-process. Each run happens under the job's lease, so with several instances one
 * runs and the others skip; a daily occurrence also leaves a 'done:<job>:<occurrence>' marker (kind 'leases'), so an
 * instance whose timer fires after the winner has finished and released does not run the same occurrence again.
 */
export class Scheduler {
  private readonly timeZone: string;
  private readonly now: () => Date;
  private readonly timers: Timers;
  private readonly handles = new Map<string, unknown>();
  private readonly due = new Map<string, Date>();
  private running = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: SchedulerOptions) {
    this.timeZone = options.timeZone ?? LONDON;
    this.now = options.now ?? (() => new Date());
    this.timers = options.timers ?? realTimers;
    const names = new Set<string>();
    for (const job of options.jobs) {
      if (names.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
      names.add(job.name);
      if (isDaily(job)) parseAt(job.at);
      else if (!(job.everyMs > 0)) throw new Error(`Job ${job.name} needs a positive interval`);
    }
  }

  /** Arms every job; daily jobs missed recently (see catchUpWithinMs) run at once. */
  start(): Promise<void> {
    this.running = true;
    const catchUps: Promise<unknown>[] = [];
    for (const job of this.options.jobs) {
      if (isDaily(job)) {
        const last = previousDailyRun(this.now(), job.at, this.timeZone);
        if (this.now().getTime() - last.getTime() <= (this.options.catchUpWithinMs ?? 6 * 3_600_000)) {
          catchUps.push(this.fire(job, last, 'catchUp'));
        }
      }
      this.arm(job);
    }
    return Promise.all(catchUps).then(() => undefined);
  }

  /** Disarms every job and waits for runs in progress (graceful shutdown). */
  async stop(): Promise<void> {
    this.running = false;
    for (const handle of this.handles.values()) this.timers.clear(handle);
    this.handles.clear();
    this.due.clear();
    await this.idle();
  }

  /** Resolves when no timer-started run is in progress. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** When each armed job runs next. */
  nextRuns(): Record<string, Date> {
    return Object.fromEntries(this.due);
  }

  /** On demand (the coordinator's button, `npm run scan:overdue`): under the lease, whatever ran earlier today. */
  async runNow(name: string): Promise<JobOutcome> {
    const job = this.options.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`No job named ${name}`);
    return this.underLease(job, 'manual');
  }

  private arm(job: Job): void {
    if (!this.running) return;
    const now = this.now();
    const at = isDaily(job) ? nextDailyRun(now, job.at, this.timeZone) : new Date(now.getTime() + job.everyMs);
    this.due.set(job.name, at);
    this.handles.set(job.name, this.timers.set(() => this.track(this.onTimer(job, at)), Math.max(0, at.getTime() - now.getTime())));
  }

  private track(run: Promise<void>): void {
    this.inFlight.add(run);
    void run.catch(() => undefined).finally(() => this.inFlight.delete(run));
  }

  private async onTimer(job: Job, at: Date): Promise<void> {
    if (!this.running) return;
    // Timers may fire a little early; never run a daily occurrence before its time.
    if (isDaily(job) && this.now().getTime() < at.getTime()) {
      this.handles.set(job.name, this.timers.set(() => this.track(this.onTimer(job, at)), at.getTime() - this.now().getTime()));
      return;
    }
    await (isDaily(job) ? this.fire(job, at, 'schedule') : this.underLease(job, 'schedule'));
    this.arm(job);
  }

  /** One daily occurrence: under the lease, and only if no instance has completed it already. */
  async fire(job: DailyJob, occurrence: Date, trigger: 'schedule' | 'catchUp'): Promise<JobOutcome> {
    const marker = `done:${job.name}:${occurrence.toISOString()}`;
    return this.underLease(job, trigger, occurrence, marker);
  }

  private async underLease(job: Job, trigger: JobContext['trigger'], scheduledFor?: Date, marker?: string): Promise<JobOutcome> {
    const { store, holder } = this.options;
    const log = this.options.log ?? (() => undefined);
    try {
      const leaseOptions = {
        name: `job:${job.name}`,
        holder,
        ttlMs: this.options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS,
        now: this.now,
        timers: this.timers,
        log,
      };
      const outcome = await withLease(store, leaseOptions, async (lease) => {
        if (marker && (await store.transaction((tx) => tx.get('leases', marker)))) return { status: 'skipped', reason: 'alreadyRan' } as const;
        const result = await job.run({ now: this.now(), trigger, lease, ...(scheduledFor ? { scheduledFor } : {}) });
        if (marker) {
          await store.transaction((tx) => tx.insert('leases', { id: marker, holder, expiresAt: this.now().toISOString() }));
        }
        return { status: 'ran', result } as const;
      });
      const result: JobOutcome = outcome.ran ? outcome.result : { status: 'skipped', reason: 'leaseHeld', heldBy: outcome.heldBy };
      log('scheduler.job', { job: job.name, trigger, status: result.status, ...(result.status === 'skipped' ? { reason: result.reason } : {}) });
      return result;
    } catch (err) {
      log('scheduler.jobFailed', { job: job.name, trigger, error: (err as Error).message });
      // A timer has nobody to tell but the log; the next occurrence (or a catch-up on restart) tries again.
      if (trigger === 'manual') throw err;
      return { status: 'failed', error: (err as Error).message };
    }
  }
}
