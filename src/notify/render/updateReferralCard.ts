import { referralCardUpdates } from './referralCardUpdates';
import type { KindRenderer } from './rendering';

/** The posted new-referral cards, replaced in place. */
export const renderUpdateReferralCard: KindRenderer<'updateReferralCard'> = async (r, p) => {
  const c = await r.tx.get('cases', p.caseId);
  return c ? referralCardUpdates(r, c) : null;
};
