import { queries, runQuery, type ActionItem } from '../../src/queries';
import { listCard, type ListLine } from '../../src/cards/listCard';
import { days, formatDate } from '../../src/cards/format';
import { actionsUrl } from '../../src/cards/links';
import { ACTION_STATUS_LABELS } from '../../src/domain/labels';
import { type BotDeps, type BotInput, type BotReply, isShared } from '../types';
import { defineBotCommand } from './command';
import { caseLabel, contextFor, SHARED_DETAILS_NOTE } from './chatContext';

export const MY_ACTIONS_NOTE = 'Update or complete them from your reminder cards, or in the RiskPanel tab.';
export const NO_ACTIONS = 'You have no open actions.';

export const myActionsCommand = defineBotCommand<Record<string, never>>({
  name: 'my actions',
  aliases: ['mine', 'my tasks', 'actions'],
  usage: 'my actions',
  example: 'my actions',
  summary: 'The actions you own that are still open, overdue first.',
  parseArgs: (rest) => (rest.trim() === '' ? {} : undefined),
  run: (input, _args, deps) => myActionsReplies(input, deps),
});

/** "In progress, 3 days overdue" */
export const actionState = (a: Pick<ActionItem, 'status' | 'overdue' | 'daysOverdue'>): string =>
  `${ACTION_STATUS_LABELS[a.status]}${a.overdue ? `, ${days(a.daysOverdue)} overdue` : ''}`;

/**
 * The actor's own open actions (listMyActions, so only what they may read). In a personal chat with due dates and
 * what each action is; in a channel or group chat only references, initials and states.
 */
export async function myActionsReplies(input: BotInput, deps: BotDeps): Promise<BotReply[]> {
  const ctx = contextFor(input, deps);
  const items = await runQuery(queries.listMyActions, ctx, {});
  if (!items.length) return [{ text: NO_ACTIONS }];
  const shared = isShared(input.conversationType);
  const lines: ListLine[] = items.map((a) =>
    shared
      ? { main: caseLabel(a, shared), detail: actionState(a) }
      : { main: caseLabel(a, shared), detail: `Due ${formatDate(a.dueDate)} \u00b7 ${actionState(a)}`, text: a.description },
  );
  const overdue = items.filter((a) => a.overdue).length;
  return [
    {
      card: listCard({
        title: 'My actions',
        intro: `${items.length} open action${items.length === 1 ? '' : 's'}${overdue ? `, ${overdue} overdue` : ''}`,
        groups: [{ heading: '', lines }],
        note: shared ? SHARED_DETAILS_NOTE : MY_ACTIONS_NOTE,
        links: [{ title: 'Open my actions in RiskPanel', url: actionsUrl(deps.config.publicUrl) }],
      }),
    },
  ];
}
