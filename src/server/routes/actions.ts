import { z } from 'zod';
import { commands, execute } from '../../commands';
import { parseInput } from '../../kernel/validation';
import { notifySettingsOf } from '../../config';
import { queries } from '../../queries';
import { type RouteSpec, command } from '../routeTable';

const actionId = { id: 'actionId' };

/** Actions: the lists people chase, and the changes their owners make. Creating one is a case route. */
export const actionRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/actions', operationId: 'listActions', tag: 'actions',
    summary: 'List actions: mine (default), my agency\'s (or a named agency\'s, for coordinators and chairs), or overdue',
    operation: {
      kind: 'queryBy',
      param: 'scope',
      fallback: 'mine',
      queries: { mine: queries.listMyActions, agency: queries.listAgencyActions, overdue: queries.listOverdueActions },
    } },
  { method: 'post', path: '/api/actions/:id/progress', operationId: 'addActionProgress', tag: 'actions', params: actionId,
    summary: commands.addActionProgress.summary, operation: command(commands.addActionProgress) },
  { method: 'post', path: '/api/actions/:id/completion', operationId: 'completeAction', tag: 'actions', params: actionId,
    summary: commands.completeAction.summary, operation: command(commands.completeAction) },
  { method: 'post', path: '/api/actions/:id/due-date', operationId: 'changeActionDueDate', tag: 'actions', params: actionId,
    summary: commands.changeActionDueDate.summary, operation: command(commands.changeActionDueDate) },
  // The thresholds come from the server's configuration, never from the body (which must be empty).
  { method: 'post', path: '/api/scans/overdue', operationId: 'runOverdueScan', tag: 'actions', summary: commands.runOverdueScan.summary,
    description: 'Coordinators only. Answers with what was queued; a second run on the same UK day queues nothing again.',
    operation: { kind: 'handler', input: z.object({}).strict(), run: ({ ctx, input, deps }) => {
      parseInput(z.object({}).strict(), input);
      const { reminderDaysBefore, escalationDaysOverdue } = notifySettingsOf(deps.config);
      return execute(commands.runOverdueScan, ctx!, { reminderDaysBefore, escalationDaysOverdue });
    } } },
];
