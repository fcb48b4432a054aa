import { escalationCardOf } from '../../cards/cardsFromViews';
import { isOverdue } from '../../domain/rules';
import { can } from '../../policies';
import { loadEscalationView } from '../../queries/cardData';
import { activeChairs } from '../../kernel/overdueScan';
import { cardActivity, coordinators, type KindRenderer, parentOf, withChats } from './rendering';

/** The chairs' chats (the coordinators' when no chair may read the action). */
export const renderEscalation: KindRenderer<'escalation'> = async (r, p) => {
  const action = await r.tx.get('actions', p.actionId);
  if (!action) return null;
  if (!isOverdue(action, r.now)) return [];
  const parentCase = await parentOf(r, action);
  const subject = { action, ...(parentCase ? { parentCase } : {}) };
  // The chairs who may see the action; a restricted case outside every chair's circle goes to the coordinators.
  let readers = (await withChats(r, await activeChairs(r.tx))).filter((m) => m.actor && can(m.actor, 'read', 'action', subject));
  if (!readers.length) readers = await withChats(r, await coordinators(r));
  const view = await loadEscalationView(r.tx, action.id, p.thresholdDays, { now: r.now });
  if (!view) return [];
  const activity = cardActivity(escalationCardOf(view, r.publicUrl), 'Overdue action escalated');
  return readers.map((m) => ({ ref: m.chat, activity }));
};
