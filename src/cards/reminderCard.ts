import type { AdaptiveCardJson } from './types';
import { days } from './format';
import { type ActionLine, actionControls, actionLineBody, actionLineData, isFinished } from './actionLine';
import { dataLine, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';
import { type MessageTone, withMessage, withRefresh } from './universalActions';

/**
 * The reminder to an action's owner, in their personal chat, a configured number of days before it is due. Personal,
 * so it carries what the action is (the owner may read it); it is never posted to a shared conversation.
 */
export interface ReminderCardData extends ActionLine {
  /** What the action is, as the panel wrote it. */
  description: string;
  /** Days until the due date (0: due today; negative: overdue). */
  daysUntilDue: number;
  /** The case (or the actions page) in the tab. */
  openUrl: string;
  /** Entra object ids whose card refreshes by itself: normally the owner. */
  refreshUserIds?: string[];
  message?: string;
  messageTone?: MessageTone;
}

export const REMINDER_TEMPLATE = cardTemplate(
  [
    fixedText('Action due soon', { size: 'Medium', weight: 'Bolder' }),
    dataLine([{ text: '${when}', weight: 'Bolder' }], { spacing: 'None' }),
    { type: 'Container', items: actionLineBody },
    dataLine([{ text: '${description}' }], { spacing: 'Medium' }),
    actionControls('reminder'),
  ],
  [{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: '${openUrl}' }],
);

/** "Due in 3 days", "Due today", "2 days overdue", or, once it is finished, nothing to chase. */
export function dueText(view: Pick<ReminderCardData, 'status' | 'daysUntilDue'>): string {
  if (isFinished(view.status)) return 'Nothing more to do on this action.';
  if (view.daysUntilDue > 0) return `Due in ${days(view.daysUntilDue)}`;
  if (view.daysUntilDue === 0) return 'Due today';
  return `${days(-view.daysUntilDue)} overdue`;
}

export function reminderCard(view: ReminderCardData): AdaptiveCardJson {
  const card = expandCard(REMINDER_TEMPLATE, {
    ...actionLineData(view),
    when: dueText(view),
    description: view.description,
    openUrl: view.openUrl,
  });
  return withMessage(withRefresh(card, { card: 'reminder', actionId: view.actionId }, view.refreshUserIds), view.message, view.messageTone);
}
