import { newReferralCardOf } from '../../cards/cardsFromViews';
import { loadNewReferralView } from '../../queries/cardData';
import { partnershipChannels } from '../../kernel/conversations';
import { cardActivity, type KindRenderer } from './rendering';

/** A new thread in each active partnership channel; never for a restricted case or a draft. */
export const renderNewReferral: KindRenderer<'newReferral'> = async (r, p) => {
  const c = await r.tx.get('cases', p.caseId);
  if (!c) return null;
  // Every partner reads the channel; a restricted referral's summary is for its circle only (casePolicy).
  if (c.restricted || c.status === 'draft') return [];
  const view = await loadNewReferralView(r.tx, c.id, { now: r.now, shared: true });
  if (!view) return null;
  const activity = cardActivity(newReferralCardOf(view, r.publicUrl), `New referral ${c.ref}`);
  return (await partnershipChannels(r.tx)).map((ref) => ({ ref, activity, newThread: true }));
};
