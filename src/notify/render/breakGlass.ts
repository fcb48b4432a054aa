import { caseUrl } from '../../cards/links';
import { formatDateTime } from '../../cards/format';
import { noticeCard } from '../../cards/noticeCard';
import { cardActivity, coordinators, type KindRenderer, withChats } from './rendering';

/**
 * A break-glass opening, to every coordinator's personal chat at once: the case's reference and who opened it, until
 * when. Nothing about the adult (not even initials); the stated reason is on the case's audit trail, behind the tab.
 */
export const renderBreakGlass: KindRenderer<'breakGlass'> = async (r, p) => {
  const [member, agency] = await Promise.all([r.tx.get('members', p.memberId), r.tx.get('agencies', p.agencyId)]);
  const who = `${member?.name ?? 'A member'}${agency ? ` (${agency.shortName})` : ''}`;
  const card = noticeCard({
    title: 'A case was opened by break-glass',
    subject: p.ref,
    lines: [`${who} opened it on ${formatDateTime(p.at)}; their access ends ${formatDateTime(p.until)}.`],
    footnote: 'The reason they gave is on the case\'s audit trail. Check it, and restrict the case further if the need is not genuine.',
    openUrl: caseUrl(r.publicUrl, p.caseId),
  });
  const activity = cardActivity(card, `Break-glass on ${p.ref}`);
  return (await withChats(r, await coordinators(r))).map((m) => ({ ref: m.chat, activity }));
};
