import type { ActionStatus } from '../domain/enums';
import { FINISHED_ACTION_STATUSES } from '../domain/enums';
import { days, formatDate, formatDateTime } from './format';
import { ACTION_STATUS_LABELS, labelOf } from '../domain/labels';
import { dataLine, fixedText } from './elements';
import { safeText } from './safeText';
import { type CardKind, executeAction } from './universalActions';

/**
 * One action as the overdue digest, the reminder and the escalation show it: the case by reference and initials,
 * the owner (staff names are fine on shared cards), the agency, the due date and the state. Never the description on
 * a shared card: it is free text and may name the adult.
 */
export interface ActionLine {
  actionId: string;
  /** The case reference; '' for an action with no case (a board or learning-review action). */
  ref: string;
  initials: string;
  /** The owning agency's short name. */
  agency: string;
  owner: string;
  /** yyyy-mm-dd */
  dueDate: string;
  status: ActionStatus;
  /** Days past the due date; 0 when not overdue (or finished). */
  daysOverdue: number;
  /** For a finished action: who finished it and when (ISO instant). */
  finishedBy?: string;
  finishedAt?: string;
}

export const isFinished = (status: string): boolean => (FINISHED_ACTION_STATUSES as readonly string[]).includes(status);

/** What the line says about where the action stands. */
export function stateText(line: ActionLine): string {
  if (isFinished(line.status)) {
    const label = labelOf(ACTION_STATUS_LABELS, line.status);
    const by = line.finishedBy ? ` by ${line.finishedBy}` : '';
    const at = line.finishedAt ? ` on ${formatDateTime(line.finishedAt)}` : '';
    return `${label}${by}${at}`;
  }
  const label = labelOf(ACTION_STATUS_LABELS, line.status);
  return line.daysOverdue > 0 ? `${label}, ${days(line.daysOverdue)} overdue` : label;
}

/**
 * Per-field limits on lines: a digest card holds several lines and must stay under Teams' 28 KB whatever the data
 * (safeText is idempotent, so expandCard applying it again changes nothing).
 */
export const SHORT = 40;
export const NAME = 80;

/** The template data for one line: display strings, and `open` ('Yes'/'No' after safeText) for the buttons' $when. */
export function actionLineData(line: ActionLine) {
  return {
    actionId: line.actionId,
    ref: safeText(line.ref || 'No case', { max: SHORT }),
    initials: safeText(line.initials, { max: SHORT }),
    agency: safeText(line.agency, { max: SHORT }),
    owner: safeText(line.owner, { max: NAME }),
    due: formatDate(line.dueDate),
    state: safeText(stateText({ ...line, ...(line.finishedBy ? { finishedBy: safeText(line.finishedBy, { max: NAME }) } : {}) }), { max: 200 }),
    open: !isFinished(line.status),
  };
}

/**
 * The three things anyone may try on an open action; the policy decides on the press (only the owner, their agency
 * lead, a coordinator or the chair), and anyone else is told so. Input ids carry the action id, since one digest card
 * holds many actions and input ids must be unique in a card. `context` are extra data bindings naming the card.
 */
export function actionControls(card: CardKind, context: Record<string, string> = {}) {
  const data = { actionId: '${actionId}', card, ...context };
  return {
    type: 'ActionSet',
    $when: "${open == 'Yes'}",
    actions: [
      // No inputs go with Complete: the update and due-date inputs belong to their own buttons.
      executeAction('Complete', 'completeAction', data, { associatedInputs: 'none' }),
      {
        type: 'Action.ShowCard',
        title: 'Add update',
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.Text',
              id: 'note-${actionId}',
              label: 'Update',
              isMultiline: true,
              maxLength: 2000,
              isRequired: true,
              errorMessage: 'Write the update first.',
            },
          ],
          actions: [executeAction('Save update', 'addActionUpdate', data)],
        },
      },
      {
        type: 'Action.ShowCard',
        title: 'Change due date',
        card: {
          type: 'AdaptiveCard',
          body: [
            { type: 'Input.Date', id: 'dueDate-${actionId}', label: 'New due date', isRequired: true, errorMessage: 'Choose the new due date.' },
            {
              type: 'Input.Text',
              id: 'reason-${actionId}',
              label: 'Reason',
              maxLength: 1000,
              isRequired: true,
              errorMessage: 'Say why the date moves.',
            },
          ],
          actions: [executeAction('Save due date', 'changeDueDate', data)],
        },
      },
    ],
  };
}

/** The line's text: "REF · initials · Agency", owner and due date, state. */
export const actionLineBody = [
  dataLine([{ text: '${ref}', weight: 'Bolder' }, ' \u00b7 ', '${initials}', ' \u00b7 ', '${agency}']),
  {
    type: 'ColumnSet',
    spacing: 'None',
    columns: [
      { type: 'Column', width: 'auto', items: [fixedText('Owner', { isSubtle: true })] },
      { type: 'Column', width: 'stretch', items: [dataLine(['${owner}'])] },
      { type: 'Column', width: 'auto', items: [fixedText('Due', { isSubtle: true })] },
      { type: 'Column', width: 'auto', items: [dataLine(['${due}'])] },
    ],
  },
  dataLine([{ text: '${state}', isSubtle: true }], { spacing: 'None' }),
];
