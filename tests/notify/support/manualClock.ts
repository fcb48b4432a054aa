import type { Timers } from '../../../src/notify/lease';
import type { Store } from '../../../src/store/port';

/**
 * A store wrapper that knows which transactions are in flight, so a test can wait until every one has finished
 * (instead of waiting some milliseconds and hoping the machine was fast enough).
 */
export function trackedStore(store: Store): { store: Store; quiesce: () => Promise<void> } {
  const inFlight = new Set<Promise<unknown>>();
  const tracked: Store = {
    name: store.name,
    close: () => store.close(),
    listDataQualityIssues: () => store.listDataQualityIssues(),
    transaction: (work) => {
      const run = store.transaction(work);
      inFlight.add(run);
      void run.catch(() => undefined).finally(() => inFlight.delete(run));
      return run;
    },
  };
  const quiesce = async () => {
    // Transactions start from promise callbacks that themselves follow transactions: settle until none is left.
    do {
      await Promise.allSettled([...inFlight]);
      await new Promise((resolve) => setImmediate(resolve));
    } while (inFlight.size > 0);
  };
  return { store: tracked, quiesce };
}

/**
 * Time that moves only when told. Timers fire in order at their own time, and after each one the clock waits for
 * `quiesce` (all store work it started) before moving on, so nothing depends on how fast the machine is.
 */
export class ManualClock {
  private t: number;
  private pending: { id: number; at: number; fn: () => void }[] = [];
  private nextId = 1;

  constructor(
    start: Date | string,
    private readonly quiesce: () => Promise<void> = async () => undefined,
  ) {
    this.t = new Date(start).getTime();
  }

  now = (): Date => new Date(this.t);

  readonly timers: Timers = {
    set: (fn, ms) => {
      const id = this.nextId++;
      this.pending.push({ id, at: this.t + Math.max(0, ms), fn });
      return id;
    },
    clear: (handle) => {
      this.pending = this.pending.filter((p) => p.id !== handle);
    },
  };

  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      await this.quiesce();
      const next = [...this.pending].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > target) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = target;
  }
}

/** Timers that a test can stop, as if the process froze or died: what it had armed never fires. */
export function crashableTimers(timers: Timers): Timers & { crash(): void } {
  let dead = false;
  const armed = new Set<unknown>();
  return {
    set: (fn, ms) => {
      if (dead) return undefined;
      const handle = timers.set(() => {
        armed.delete(handle);
        if (!dead) fn();
      }, ms);
      armed.add(handle);
      return handle;
    },
    clear: (handle) => {
      armed.delete(handle);
      timers.clear(handle);
    },
    crash: () => {
      dead = true;
      for (const handle of armed) timers.clear(handle);
      armed.clear();
    },
  };
}
