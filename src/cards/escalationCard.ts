import type { AdaptiveCardJson } from './types';
import { days } from './format';
import { type ActionLine, actionControls, actionLineBody, actionLineData, isFinished } from './actionLine';
import { dataLine, fixedText } from './elements';
import { cardTemplate, expandCard } from './expandCard';
import { type MessageTone, withMessage, withRefresh } from './universalActions';

/**
 * An action overdue beyond the configured number of days, flagged to the chair in a personal chat. Shows the line
 * as the digest does (reference, initials, agency, owner, dates): the chair opens the case in the tab for the rest.
 */
export interface EscalationCardData extends ActionLine {
  /** The configured threshold: escalated when overdue by more than this many days. */
  thresholdDays: number;
  openUrl: string;
  /** Entra object ids whose card refreshes by itself: normally the chair. */
  refreshUserIds?: string[];
  message?: string;
  messageTone?: MessageTone;
}

export const ESCALATION_TEMPLATE = cardTemplate(
  [
    fixedText('Overdue action escalated to the chair', { size: 'Medium', weight: 'Bolder', color: 'Attention' }),
    dataLine([{ text: '${why}', isSubtle: true }], { spacing: 'None' }),
    { type: 'Container', items: actionLineBody },
    actionControls('escalation', { thresholdDays: '${$root.thresholdDays}' }),
  ],
  [{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: '${openUrl}' }],
);

export function escalationCard(view: EscalationCardData): AdaptiveCardJson {
  const why = isFinished(view.status)
    ? 'This action is finished: nothing more to chase.'
    : view.daysOverdue === 0
      ? 'Its due date has moved: it is no longer overdue.'
      : `Overdue by ${days(view.daysOverdue)}${view.thresholdDays > 0 ? ` (escalated after ${days(view.thresholdDays)})` : ''}: the owner, their agency lead or the chair should act or agree a new date.`;
  const thresholdDays = String(Math.max(0, Math.floor(view.thresholdDays)));
  const card = expandCard(ESCALATION_TEMPLATE, { ...actionLineData(view), why, thresholdDays, openUrl: view.openUrl });
  return withMessage(
    withRefresh(card, { card: 'escalation', actionId: view.actionId, thresholdDays }, view.refreshUserIds),
    view.message,
    view.messageTone,
  );
}
