import { commands } from '../../commands';
import { queries } from '../../queries';
import { type RouteSpec, command, query } from '../routeTable';

/**
 * Retention: cases due for disposal and the two-coordinator disposal. Coordinators only (the policies decide in each
 * command and query); every change is audited.
 */
export const retentionRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/disposals', operationId: 'listDisposals', tag: 'retention',
    summary: queries.listDisposals.summary, operation: query(queries.listDisposals),
    description: 'due: closed cases past their retention date (legalHold true: held, not disposable); proposed: waiting for a second coordinator; done: disposal records (reference, dates, who proposed and approved, counts removed and kept).' },
  { method: 'post', path: '/api/disposals', operationId: 'proposeDisposal', tag: 'retention', status: 201,
    summary: commands.proposeDisposal.summary, operation: command(commands.proposeDisposal),
    description: 'caseId and reason. Refused (400) for a case not closed, still within its retention or under a legal hold; 409 when a proposal is already waiting.' },
  { method: 'post', path: '/api/disposals/approvals', operationId: 'approveDisposal', tag: 'retention',
    summary: commands.approveDisposal.summary, operation: command(commands.approveDisposal),
    description: 'disposalId: the proposal. By a coordinator other than the proposer (403 otherwise). Deletes the case, its risk assessments, actions, chronology and the decisions whose own retention has run out; keeps the disposal record and the audit trail. A legal hold set since the proposal refuses it (400).' },
];
