import type { Tx } from '../store/port';
import type { Context } from './context';

/** The cards RiskPanel posts; each is rendered from the current record when it is sent. */
export type NotificationKind = 'newReferral' | 'infoRequested' | 'decision' | 'actionAssigned' | 'actionCompleted' | 'caseClosed';

/**
 * Queues a card in the outbox inside the command's unit of work. The key says what the card is about, so the
 * same event never queues two cards. Payloads carry ids and references only, never personal details.
 */
export async function queueNotification(
  ctx: Context,
  tx: Tx,
  kind: NotificationKind,
  key: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await tx.append('outbox', {
    id: ctx.newId(),
    idempotencyKey: `${kind}:${key}`,
    kind,
    createdAt: ctx.now().toISOString(),
    payload,
    status: 'pending',
    attempts: 0,
  });
}
