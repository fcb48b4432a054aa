import type { CaseRecord } from '../domain/records';
import type { Tx } from '../store/port';
import { UPDATE_REFERRAL_CARD, type UpdateReferralCardPayload } from './kinds';

/**
 * Queues an in-place update of the new-referral card already posted for a case (an agency answered "known", the
 * referral was listed or withdrawn), inside the unit of work that changed the case. Keyed by the version written, so
 * each change refreshes the card once and a retried request adds nothing. The renderer looks up where the card
 * went (sentDeliveries of 'newReferral:<case id>') and replaces it there with the card as it is when sent; when the
 * card has not been posted (yet), there is nothing to update and the row settles with no delivery.
 */
export async function queueReferralCardRefresh(tx: Tx, c: Pick<CaseRecord, 'id' | 'ref' | 'version'>, now: Date): Promise<boolean> {
  const key = `${UPDATE_REFERRAL_CARD}:${c.id}:v${c.version}`;
  const payload: UpdateReferralCardPayload = { caseId: c.id, ref: c.ref };
  const { created } = await tx.append('outbox', {
    id: key,
    idempotencyKey: key,
    kind: UPDATE_REFERRAL_CARD,
    createdAt: now.toISOString(),
    payload,
    status: 'pending',
    attempts: 0,
  });
  return created;
}
