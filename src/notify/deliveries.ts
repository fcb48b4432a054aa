import type { OutboxDelivery } from '../domain/records';
import type { Tx } from '../store/port';

/**
 * Where a card went, by the idempotency key it was queued with (e.g. 'newReferral:<case id>'): the sent deliveries
 * with their conversation and activity ids, which an in-place update (DeliveryTarget.replaces) needs.
 * The outbox is indexed on status only, so this reads the sent rows; fine at a partnership's volume.
 */
export async function sentDeliveries(tx: Tx, idempotencyKey: string): Promise<OutboxDelivery[]> {
  const sent = await tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'sent' }] });
  const row = sent.find((r) => r.idempotencyKey === idempotencyKey);
  return (row?.deliveries ?? []).filter((d) => d.state === 'sent' && d.activityId);
}
