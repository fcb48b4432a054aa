import { formatDate } from '../../cards/format';
import { actionsUrl, caseUrl } from '../../cards/links';
import { noticeCard } from '../../cards/noticeCard';
import { isActionFinished } from '../../domain/rules';
import { actionSourceOf } from '../../queries/actionSource';
import { cardActivity, type KindRenderer, memberWithChat, parentOf } from './rendering';

/** The owner's personal chat. */
export const renderActionAssigned: KindRenderer<'actionAssigned'> = async (r, p) => {
  const action = await r.tx.get('actions', p.actionId);
  if (!action) return null;
  if (isActionFinished(action)) return [];
  const owner = await memberWithChat(r, action.ownerId);
  if (!owner) return [];
  const parentCase = await parentOf(r, action);
  const source = parentCase ? undefined : await actionSourceOf(r.tx, action);
  const card = noticeCard({
    title: 'A new action for you',
    subject: parentCase ? `${parentCase.ref} \u00b7 ${parentCase.initials}` : (source ?? ''),
    lines: [action.description, `Due ${formatDate(action.dueDate)}`],
    footnote: 'You will be reminded before it is due. Update or complete it from the reminder or in RiskPanel.',
    openUrl: parentCase ? caseUrl(r.publicUrl, parentCase.id) : actionsUrl(r.publicUrl),
  });
  return [{ ref: owner.chat, activity: cardActivity(card, parentCase ? `A new action on ${parentCase.ref}` : 'A new action for you') }];
};
