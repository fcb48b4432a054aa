import { newReferralCardOf, restrictedReferralCard } from '../../cards/cardsFromViews';
import type { CaseRecord } from '../../domain/records';
import { newReferralKey } from '../../kernel/notifications';
import { loadNewReferralView } from '../../queries/cardData';
import type { DeliveryTarget } from '../render';
import { cardActivity, type Rendering, sentTo } from './rendering';

/** The posted new-referral cards of a case, replaced by the card as it is now (its shared view, surface rule 3). */
export async function referralCardUpdates(r: Rendering, c: CaseRecord): Promise<DeliveryTarget[]> {
  const posted = await sentTo(r, newReferralKey(c.id));
  if (!posted.length) return [];
  let card;
  if (c.restricted) {
    // Restricted after it was posted: take the reference off the shared card rather than keep showing it.
    card = restrictedReferralCard();
  } else {
    const view = await loadNewReferralView(r.tx, c.id, { now: r.now, shared: true });
    if (!view) return [];
    card = newReferralCardOf(view, r.publicUrl);
  }
  const activity = cardActivity(card, `Referral ${c.restricted ? 'update' : c.ref}`);
  return posted.map(({ ref, activityId, conversationId }) => ({ ref, activity, replaces: { activityId, conversationId } }));
}
