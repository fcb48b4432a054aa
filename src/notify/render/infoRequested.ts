import { caseUrl } from '../../cards/links';
import { noticeCard } from '../../cards/noticeCard';
import { can } from '../../policies';
import type { DeliveryTarget } from '../render';
import { referralCardUpdates } from './referralCardUpdates';
import { cardActivity, type KindRenderer, memberWithChat } from './rendering';

/** The referrer's personal chat (the question only when they may read the case), and the posted referral card. */
export const renderInfoRequested: KindRenderer<'infoRequested'> = async (r, p) => {
  const c = await r.tx.get('cases', p.caseId);
  if (!c) return null;
  const targets: DeliveryTarget[] = [];
  const referrer = await memberWithChat(r, c.referrerMemberId);
  // Answered already (or withdrawn): nothing to ask any more.
  if (referrer && c.status === 'info_requested') {
    const mayRead = referrer.actor !== undefined && can(referrer.actor, 'read', 'case', c);
    const card = noticeCard({
      title: 'More information requested on your referral',
      subject: `${c.ref} \u00b7 ${c.initials}`,
      lines: mayRead && c.infoRequest ? [c.infoRequest.question] : [],
      footnote: 'Answer in RiskPanel; the referral is screened once the panel has what it needs.',
      openUrl: caseUrl(r.publicUrl, c.id),
    });
    targets.push({ ref: referrer.chat, activity: cardActivity(card, `More information requested on ${c.ref}`) });
  }
  targets.push(...(await referralCardUpdates(r, c)));
  return targets;
};
