import { RateLimiter } from './rateLimiter';
import type { IntervalJob } from './scheduler';
import { processOutbox, type ProcessOutboxOptions } from './sender';

/**
 * The outbox sender as a scheduler job: every `everyMs` under the 'job:outbox' lease (one instance sends), with one
 * rate limiter kept across runs so Teams' windows span them, and the lease renewed as rows go by (a run that loses
 * the lease stops between rows; see sender.ts for why that is safe).
 */
export function outboxJob(
  options: Omit<ProcessOutboxOptions, 'limiter' | 'heartbeat'> & { everyMs?: number; renewEveryMs?: number },
): IntervalJob {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limiter = new RateLimiter({ now, sleep });
  const { everyMs = 15_000, renewEveryMs = 0, ...send } = options;
  return {
    name: 'outbox',
    everyMs,
    run: async ({ lease }) => {
      let renewedAt = now().getTime();
      return processOutbox({
        ...send,
        now,
        sleep,
        limiter,
        heartbeat: async () => {
          if (now().getTime() - renewedAt < renewEveryMs) return;
          await lease.renew();
          renewedAt = now().getTime();
        },
      });
    },
  };
}
