import { formatDateTime } from '../../cards/format';
import { noticeCard } from '../../cards/noticeCard';
import { cardActivity, coordinators, type KindRenderer, withChats } from './rendering';

/** The coordinators' chats: which conversation was lost, never anything about a case. */
export const renderConversationLost: KindRenderer<'conversationLost'> = async (r, p) => {
  let where = p.isPartnershipChannel ? 'The partnership channel' : p.conversationType === 'channel' ? 'A team channel' : p.conversationType === 'groupChat' ? 'A group chat' : 'A personal chat';
  if (p.conversationType === 'personal' && p.memberId) {
    const member = await r.tx.get('members', p.memberId);
    if (member) where = `The personal chat of ${member.name}`;
  }
  const card = noticeCard({
    title: 'RiskPanel can no longer post to a conversation',
    subject: '',
    lines: [`${where}: Teams answered ${p.reason} on ${formatDateTime(p.lostAt)}. Cards for it are not sent.`],
    footnote: 'Add the RiskPanel app to that team or chat again; new cards go there once it is back.',
  });
  const activity = cardActivity(card, 'RiskPanel lost a conversation');
  return (await withChats(r, await coordinators(r))).map((m) => ({ ref: m.chat, activity }));
};
