import { appendAuditEvent } from '../audit/chain';
import type { ConversationRef, OutboxDelivery, OutboxMessage } from '../domain/records';
import type { Store } from '../store/port';
import { type BotConnector, ConnectorError, type SentActivity } from './connector';
import { RateLimiter } from './rateLimiter';
import { queueNotification } from '../kernel/notifications';
import { CONVERSATION_LOST, type ConversationLostPayload, type DeliveryTarget, type Render } from './render';

/*
 * Exactly once, and why it holds.
 *
 * Every card to one conversation is a delivery with a deterministic key (outbox id + conversation ref id). Each HTTP
 * try is bracketed by two committed writes: before it, the delivery is marked 'sending' (attempts + 1); after it,
 * 'sent' with the activity id, or 'retrying' when the service answered with a failure (so nothing was posted).
 * - A crash before the 'sending' write: nothing was posted; the next run sends.
 * - A crash after the 'sent' write: the next run skips it.
 * - A crash (or a lost answer: no response, 502, 504) between the two: the delivery is left 'sending', i.e. in
 *   doubt. The next try first asks the connector whether a send with that key arrived (BotConnector.findSent) and
 *   records the activity it names instead of posting again.
 * The Bot Connector service itself offers no such lookup and no idempotent POST, so with the plain HTTP connector
 * an in-doubt delivery is re-sent: a card whose request was in flight at the crash may appear twice, but it is
 * never lost (a missed safeguarding notice is worse than a repeated one). Plug a lookup into HttpBotConnector
 * (e.g. Graph channel messages under RSC ChannelMessage.Read.Group) to close that window too. Updates (PUT) are
 * idempotent and simply repeated. Only one sender runs at a time (withLease), so two instances never race on a row.
 * The lease is short and renewed on a heartbeat, so when the sending instance dies another resumes within one lease
 * length (seconds), starting with the in-doubt delivery above; `heartbeat` between rows stops a run whose lease was
 * taken over (the instance had stalled), so at most the card in flight at that moment is sent by both.
 */

export interface ProcessOutboxOptions {
  store: Store;
  connector: BotConnector;
  render: Render;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** HTTP tries per delivery, across runs, before it is given up (default 6). */
  maxAttempts?: number;
  /** Pass one limiter to successive runs so its windows span them; by default each run starts a fresh one. */
  limiter?: RateLimiter;
  /** Exponential backoff with jitter for 412/429/502/504: base * 2^(try-1), capped, then 50-100 % of that. */
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
  /** At most this many rows per run. */
  maxRows?: number;
  /** Called between rows (e.g. renew the lease); throwing stops the run where it is, which is safe. */
  heartbeat?: () => Promise<void>;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

export interface OutboxRunReport {
  processed: number;
  sent: number;
  failed: number;
  /** Rows left pending (an in-doubt send that could not be looked up, or deliveries still to retry). */
  pending: number;
}

type Outcome = 'sent' | 'failed' | 'lost' | 'deferred';
const DONE_STATES: readonly OutboxDelivery['state'][] = ['sent', 'failed'];

const byCreation = (a: OutboxMessage, b: OutboxMessage) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Sends the pending outbox rows, oldest first. */
export async function processOutbox(options: ProcessOutboxOptions): Promise<OutboxRunReport> {
  const run = new OutboxRun(options);
  return run.process();
}

class OutboxRun {
  private readonly store: Store;
  private readonly connector: BotConnector;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly limiter: RateLimiter;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly random: () => number;
  private readonly log: (event: string, fields: Record<string, unknown>) => void;

  constructor(private readonly options: ProcessOutboxOptions) {
    this.store = options.store;
    this.connector = options.connector;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxAttempts = options.maxAttempts ?? 6;
    this.limiter = options.limiter ?? new RateLimiter({ now: this.now, sleep: this.sleep });
    this.backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
    this.random = options.random ?? Math.random;
    this.log = options.log ?? (() => undefined);
  }

  async process(): Promise<OutboxRunReport> {
    const pending = (await this.store.transaction((tx) => tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'pending' }] })))
      .sort(byCreation)
      .slice(0, this.options.maxRows ?? Infinity);
    const report: OutboxRunReport = { processed: 0, sent: 0, failed: 0, pending: 0 };
    for (const row of pending) {
      if (report.processed > 0) await this.options.heartbeat?.();
      const status = await this.processRow(row.id);
      if (!status) continue;
      report.processed++;
      report[status]++;
    }
    return report;
  }

  private async processRow(id: string): Promise<OutboxMessage['status'] | undefined> {
    // Render and plan in one read; each write after this is its own transaction so a crash leaves a true record.
    const plan = await this.store.transaction(async (tx) => {
      const row = await tx.get('outbox', id);
      if (!row || row.status !== 'pending') return undefined;
      let targets: DeliveryTarget[] | null;
      try {
        targets = await this.options.render(row, tx);
      } catch (err) {
        await tx.update('outbox', { ...row, status: 'failed', lastError: `Not rendered: ${(err as Error).message}`.slice(0, 500) });
        return 'failed' as const;
      }
      if (targets === null) {
        await tx.update('outbox', { ...row, status: 'failed', lastError: 'Not rendered: unknown kind or the record is gone.' });
        return 'failed' as const;
      }
      return { row, work: keyed(row, targets) };
    });
    if (plan === undefined || plan === 'failed') {
      if (plan === 'failed') this.log('outbox.notRendered', { outboxId: id });
      return plan;
    }
    for (const { key, target } of plan.work) {
      const earlier = plan.row.deliveries?.find((d) => d.key === key);
      if (earlier && DONE_STATES.includes(earlier.state)) continue;
      const outcome = await this.deliver(plan.row, key, target, earlier);
      this.log('outbox.delivery', { outboxId: id, kind: plan.row.kind, key, outcome });
    }
    return this.finish(id, plan.work.map((w) => w.key));
  }

  private async deliver(row: OutboxMessage, key: string, target: DeliveryTarget, earlier?: OutboxDelivery): Promise<Outcome> {
    const { ref } = target;
    const stored = await this.store.transaction((tx) => tx.get('conversations', ref.id));
    if (stored && !stored.active) {
      await this.patch(row.id, key, ref, { state: 'failed', error: `Conversation inactive: ${stored.deactivatedReason ?? 'no reason recorded'}` });
      return 'lost';
    }
    let attempts = earlier?.attempts ?? 0;
    let inDoubt = earlier?.state === 'sending';
    for (;;) {
      if (inDoubt && !target.replaces) {
        if (this.connector.findSent) {
          let found: SentActivity | null;
          try {
            found = await this.connector.findSent(ref, key);
          } catch (err) {
            // Cannot tell whether it was posted: leave it in doubt for the next run rather than risk a second post.
            this.log('outbox.lookupFailed', { outboxId: row.id, key, error: (err as Error).message });
            return 'deferred';
          }
          if (found) {
            await this.patch(row.id, key, ref, { state: 'sent', ...found, sentAt: this.now().toISOString(), error: undefined });
            return 'sent';
          }
        } else {
          this.log('outbox.resendInDoubt', { outboxId: row.id, key });
        }
      }
      if (attempts >= this.maxAttempts) {
        await this.patch(row.id, key, ref, { state: 'failed', error: `Gave up after ${attempts} attempts.` });
        return 'failed';
      }
      await this.limiter.acquire(ref.conversationId);
      attempts++;
      await this.patch(row.id, key, ref, { state: 'sending', attempts });
      let sent: SentActivity;
      try {
        sent = await this.post(target, key);
      } catch (err) {
        // Anything but a connector answer is a fault of ours (or a crash): stop, leaving the delivery in doubt.
        if (!(err instanceof ConnectorError)) throw err;
        if (err.conversationLost) {
          await this.conversationLost(row, key, ref, err);
          return 'lost';
        }
        if (!err.transient || attempts >= this.maxAttempts) {
          await this.patch(row.id, key, ref, { state: 'failed', error: err.message });
          return 'failed';
        }
        inDoubt = err.inDoubt;
        await this.patch(row.id, key, ref, { state: inDoubt ? 'sending' : 'retrying', error: err.message });
        if (err.status === 429 && err.retryAfterMs !== undefined) this.limiter.pause(ref.conversationId, err.retryAfterMs);
        await this.sleep(Math.max(err.retryAfterMs ?? 0, this.backoffMs(attempts)));
        continue;
      }
      await this.patch(row.id, key, ref, { state: 'sent', ...sent, sentAt: this.now().toISOString(), error: undefined });
      return 'sent';
    }
  }

  private async post(target: DeliveryTarget, key: string): Promise<SentActivity> {
    if (target.replaces) {
      const conversationId = target.replaces.conversationId ?? target.ref.conversationId;
      await this.connector.update(target.ref, target.replaces.activityId, target.activity, conversationId);
      return { activityId: target.replaces.activityId, conversationId };
    }
    return this.connector.send(target.ref, target.activity, { deliveryKey: key, newThread: target.newThread });
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** Writes one delivery's state on the current row (its own transaction: committed before the next step). */
  private async patch(rowId: string, key: string, ref: ConversationRef, change: Partial<OutboxDelivery>): Promise<void> {
    await this.store.transaction(async (tx) => {
      const row = await tx.get('outbox', rowId);
      if (!row) return;
      await tx.update('outbox', withDelivery(row, key, ref, change));
    });
  }

  /**
   * 403 (BotNotInConversationRoster, app removed or blocked) or a conversation that no longer exists: the reference
   * goes inactive with the reason, the delivery fails, and the coordinators get ONE notice per lost conversation.
   */
  private async conversationLost(row: OutboxMessage, key: string, ref: ConversationRef, err: ConnectorError): Promise<void> {
    const at = this.now().toISOString();
    const reason = `${err.status}${err.code ? ` ${err.code}` : ''}`;
    await this.store.transaction(async (tx) => {
      const current = await tx.get('outbox', row.id);
      if (current) await tx.update('outbox', withDelivery(current, key, ref, { state: 'failed', error: `Conversation lost: ${err.message}` }));
      const existing = await tx.get('conversations', ref.id);
      const stored = existing ?? ref;
      if (existing?.active) {
        await tx.update('conversations', { ...existing, active: false, deactivatedAt: at, deactivatedReason: reason });
      }
      const payload: ConversationLostPayload = {
        conversationRefId: stored.id,
        conversationType: stored.conversationType,
        isPartnershipChannel: stored.isPartnershipChannel,
        reason,
        lostAt: at,
        ...(stored.teamId ? { teamId: stored.teamId } : {}),
        ...(stored.channelId ? { channelId: stored.channelId } : {}),
        ...(stored.memberId ? { memberId: stored.memberId } : {}),
      };
      // Keyed per conversation (per capture: a re-installed app is a new capture), so many failed rows make one notice.
      await queueNotification({ now: () => new Date(at) }, tx, CONVERSATION_LOST, `${CONVERSATION_LOST}:${stored.id}:${stored.capturedAt}`, payload, { keyIsRowId: true });
      await appendAuditEvent(tx, {
        id: `audit:${CONVERSATION_LOST}:${stored.id}:${stored.capturedAt}`,
        idempotencyKey: `system:${CONVERSATION_LOST}:${stored.id}:${stored.capturedAt}`,
        at,
        actorId: 'system',
        actorAgencyId: 'system',
        action: 'update',
        recordType: 'conversations',
        recordId: stored.id,
        change: { active: false },
        reason: `The Bot Connector service answered ${reason}; cards can no longer be posted here.`,
        correlationId: `outbox:${row.id}`,
      });
    });
    this.log('outbox.conversationLost', { outboxId: row.id, conversationRefId: ref.id, reason });
  }

  /** Settles the row once every current delivery is done; otherwise it stays pending for the next run. */
  private async finish(rowId: string, keys: string[]): Promise<OutboxMessage['status'] | undefined> {
    return this.store.transaction(async (tx) => {
      const row = await tx.get('outbox', rowId);
      if (!row) return undefined;
      const deliveries = keys.map((k) => row.deliveries?.find((d) => d.key === k));
      const open = deliveries.some((d) => !d || !DONE_STATES.includes(d.state));
      const failed = deliveries.filter((d) => d?.state === 'failed');
      if (open) return 'pending';
      if (failed.length) {
        await tx.update('outbox', { ...row, status: 'failed', lastError: failed.map((d) => d!.error).join(' | ').slice(0, 500) });
        return 'failed';
      }
      await tx.update('outbox', { ...row, status: 'sent', sentAt: this.now().toISOString(), lastError: undefined });
      return 'sent';
    });
  }
}

/** One key per (row, conversation); a second card to the same conversation gets a numbered key. */
function keyed(row: OutboxMessage, targets: DeliveryTarget[]): { key: string; target: DeliveryTarget }[] {
  const seen = new Map<string, number>();
  return targets.map((target) => {
    const n = seen.get(target.ref.id) ?? 0;
    seen.set(target.ref.id, n + 1);
    return { key: `${row.id}:${target.ref.id}${n ? `:${n}` : ''}`, target };
  });
}

function withDelivery(row: OutboxMessage, key: string, ref: ConversationRef, change: Partial<OutboxDelivery>): OutboxMessage {
  const deliveries = [...(row.deliveries ?? [])];
  const index = deliveries.findIndex((d) => d.key === key);
  const base: OutboxDelivery = index >= 0 ? deliveries[index]! : { key, conversationRefId: ref.id, state: 'retrying', attempts: 0 };
  const next = { ...base, ...change };
  for (const field of ['error', 'activityId', 'conversationId', 'sentAt'] as const) if (next[field] === undefined) delete next[field];
  if (index >= 0) deliveries[index] = next;
  else deliveries.push(next);
  const lastError = next.error ?? row.lastError;
  return {
    ...row,
    deliveries,
    attempts: deliveries.reduce((n, d) => n + d.attempts, 0),
    ...(lastError ? { lastError } : {}),
  };
}
