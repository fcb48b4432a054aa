import { commands } from '../../commands';
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
];
