import { overdueDigestCardOf } from '../../cards/cardsFromViews';
import { formatDate } from '../../cards/format';
import { isActionFinished } from '../../domain/rules';
import { loadOverdueDigestView } from '../../queries/cardData';
import { cardActivity, type KindRenderer } from './rendering';

/** Its partnership channel, in the shared view (surface rule 2). */
export const renderOverdueDigest: KindRenderer<'overdueDigest'> = async (r, p, rowId) => {
  const ref = await r.tx.get('conversations', p.conversationRefId);
  const view = await loadOverdueDigestView(r.tx, rowId, { now: r.now, shared: true });
  if (!ref || !view) return null;
  // Everything on it was dealt with before it went out: no digest rather than a list of finished actions.
  if (!view.actions.some((a) => !isActionFinished(a) && a.daysOverdue > 0)) return [];
  return [{ ref, activity: cardActivity(overdueDigestCardOf(view, r.publicUrl), `Overdue actions on ${formatDate(view.asOf)}`) }];
};
