import type { Timers } from '../../../src/notify/scheduler';

/**
 * Time that moves only when told: `sleep` moves it on at once (so the sender's waits cost nothing), and timers
 * set through `timers` fire when `advanceTo`/`advance` pass their time.
 */
export class VirtualClock {
  private t: number;
  readonly sleeps: number[] = [];
  private pending: { id: number; at: number; fn: () => void }[] = [];
  private nextId = 1;

  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }

  now = (): Date => new Date(this.t);

  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += Math.max(0, ms);
  };

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

  /** When the armed timers fire, earliest first. */
  timerTimes(): Date[] {
    return this.pending.map((p) => new Date(p.at)).sort((a, b) => a.getTime() - b.getTime());
  }

  /** Moves to `to`, firing each due timer at its own time (in order). Returns how many fired. */
  async advanceTo(to: Date | string): Promise<number> {
    const target = new Date(to).getTime();
    let fired = 0;
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > target) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
      fired++;
      // Let the fired callback's async work (store transactions) settle before the next timer.
      await settle();
    }
    this.t = Math.max(this.t, target);
    return fired;
  }
}

/** Waits until queued promise work and I/O callbacks have run. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));
