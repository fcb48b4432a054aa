import { noticeCard } from '../../cards/noticeCard';
import { cardActivity, coordinators, type KindRenderer, withChats } from './rendering';

const REVERTED = 'RiskPanel put the saved values back. Make this change in RiskPanel, where its rules and notifications apply.';
const LEFT = 'RiskPanel did not take the change and shows the last value it saved. Put the column right in SharePoint; the data quality list shows the item until then.';

/**
 * A change made by hand in a SharePoint list that RiskPanel did not take, to every coordinator's personal chat: which
 * list and columns, who (SharePoint's editor), and why. The case reference only, never the adult's details.
 */
export const renderSharePointEditFlagged: KindRenderer<'sharePointEditFlagged'> = async (r, p) => {
  const card = noticeCard({
    title: 'A change made in SharePoint was not taken',
    subject: p.ref ?? `${p.list}, item ${p.itemId}`,
    lines: [`${p.editorName} changed ${p.columns.join(', ') || 'an item'} in ${p.list}.`, ...p.reasons],
    footnote: p.reverted ? REVERTED : LEFT,
    ...(p.webUrl ? { openUrl: p.webUrl } : {}),
  });
  const activity = cardActivity(card, `A SharePoint change in ${p.list} was not taken`);
  return (await withChats(r, await coordinators(r))).map((m) => ({ ref: m.chat, activity }));
};
