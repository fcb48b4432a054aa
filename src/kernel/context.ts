import { randomUUID } from 'node:crypto';
import type { Actor } from '../policies/actor';
import type { Store } from '../store/port';
import type { RetentionSchedule } from '../domain/retention';

/** What every command and query runs with: the store, who is acting, and the clock (injected so tests control time). */
export interface Context {
  store: Store;
  actor: Actor;
  now: () => Date;
  refPrefix: string;
  /** Ties the audit events and notifications of one request together; a retry with the same id is deduplicated. */
  correlationId: string;
  newId: () => string;
  /** The partnership's retention schedule (RETENTION_YEARS); absent: the defaults in src/domain/retention.ts. */
  retention?: RetentionSchedule;
}

export function makeContext(parts: Pick<Context, 'store' | 'actor'> & Partial<Context>): Context {
  const ctx: Context = { now: () => new Date(), refPrefix: 'CASPA', correlationId: randomUUID(), newId: randomUUID, ...parts };
  // The policies judge time-limited access (break-glass) by the request's clock, not the machine's.
  return { ...ctx, actor: { ...ctx.actor, now: ctx.now } };
}
