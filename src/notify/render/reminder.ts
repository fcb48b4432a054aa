import { reminderCardOf } from '../../cards/cardsFromViews';
import { formatDate } from '../../cards/format';
import { isActionFinished } from '../../domain/rules';
import { loadReminderView } from '../../queries/cardData';
import { cardActivity, type KindRenderer, memberWithChat } from './rendering';

/** The owner's personal chat. */
export const renderReminder: KindRenderer<'reminder'> = async (r, p) => {
  const action = await r.tx.get('actions', p.actionId);
  if (!action) return null;
  // Finished, or its due date moved (the new date gets its own reminder): nothing to remind of.
  if (isActionFinished(action) || action.dueDate !== p.dueDate) return [];
  const owner = await memberWithChat(r, action.ownerId);
  const view = await loadReminderView(r.tx, action.id, { now: r.now });
  if (!owner || !view) return [];
  return [{ ref: owner.chat, activity: cardActivity(reminderCardOf(view, r.publicUrl), `Action due ${formatDate(action.dueDate)}`) }];
};
