/** How many requests may start within a sliding window. */
export interface WindowLimit { limit: number; windowMs: number }

/** Teams' limits per bot per conversation ("Optimize your bot with rate limiting in Teams"). */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** About 50 requests a second per app per tenant, across all conversations. */
export const TEAMS_APP_LIMITS: readonly WindowLimit[] = [{ limit: 50, windowMs: 1_000 }];

export interface Clock {
  now: () => Date;
  /** Waits; tests pass a virtual clock whose sleep moves time on instantly. */
  sleep: (ms: number) => Promise<void>;
}

export interface RateLimiterOptions extends Clock {
  perConversation?: readonly WindowLimit[];
  perApp?: readonly WindowLimit[];
}

const APP = '\u0000app';

/**
 * Sliding-window log per conversation: a request may start at time t only if, for every window, fewer than `limit`
 * requests started in (t - windowMs, t]. Every request counts (retries and throttled ones too, as Teams counts them).
 * In memory: one sender runs at a time (under the lease), and a 429 after a restart is handled by Retry-After.
 */
export class RateLimiter {
  private readonly starts = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly perConversation: readonly WindowLimit[];
  private readonly perApp: readonly WindowLimit[];
  private readonly longestMs: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.perConversation = options.perConversation ?? TEAMS_CONVERSATION_LIMITS;
    this.perApp = options.perApp ?? TEAMS_APP_LIMITS;
    this.longestMs = Math.max(...[...this.perConversation, ...this.perApp].map((w) => w.windowMs));
  }

  /** Waits until a request to the conversation may start, and counts it as started. */
  async acquire(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.options.now().getTime();
      const at = Math.max(
        now,
        this.pausedUntil.get(conversationId) ?? 0,
        earliestStart(this.log(conversationId, now), this.perConversation),
        earliestStart(this.log(APP, now), this.perApp),
      );
      if (at <= now) {
        this.log(conversationId, now).push(now);
        this.log(APP, now).push(now);
        return;
      }
      await this.options.sleep(at - now);
    }
  }

  /** After a 429: no request to the conversation starts before Retry-After has passed. */
  pause(conversationId: string, ms: number): void {
    const until = this.options.now().getTime() + ms;
    this.pausedUntil.set(conversationId, Math.max(until, this.pausedUntil.get(conversationId) ?? 0));
  }

  private log(key: string, now: number): number[] {
    let log = this.starts.get(key);
    if (!log) this.starts.set(key, (log = []));
    while (log.length && log[0]! <= now - this.longestMs) log.shift();
    return log;
  }
}

/** The earliest time every window has room again: the (limit)-th most recent start must have left its window. */
function earliestStart(log: readonly number[], limits: readonly WindowLimit[]): number {
  let at = 0;
  for (const { limit, windowMs } of limits) {
    if (log.length >= limit) at = Math.max(at, log[log.length - limit]! + windowMs);
  }
  return at;
}
