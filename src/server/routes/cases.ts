import { commands } from '../../commands';
import { queries } from '../../queries';
import { type RouteSpec, command, query } from '../routeTable';

const caseId = { id: 'caseId' };

/** Referrals and cases: one record moves from referral to case, so they share the /api/cases resource. */
export const caseRoutes: RouteSpec[] = [
  { method: 'post', path: '/api/referrals', operationId: 'submitReferral', tag: 'cases', status: 201,
    summary: commands.submitReferral.summary, operation: command(commands.submitReferral) },
  { method: 'get', path: '/api/cases', operationId: 'listRegister', tag: 'cases',
    summary: queries.listRegister.summary, operation: query(queries.listRegister) },
  { method: 'get', path: '/api/cases/by-ref/:ref', operationId: 'getCaseByRef', tag: 'cases', params: { ref: 'ref' },
    summary: 'Open a case by its reference (as getCase)', operation: query(queries.getCase) },
  { method: 'get', path: '/api/cases/:id', operationId: 'getCase', tag: 'cases', params: caseId,
    summary: queries.getCase.summary, operation: query(queries.getCase) },
  { method: 'post', path: '/api/cases/:id/involvement', operationId: 'recordInvolvement', tag: 'cases', params: caseId,
    summary: commands.recordInvolvement.summary, operation: command(commands.recordInvolvement) },
  { method: 'post', path: '/api/cases/:id/information-requests', operationId: 'requestInformation', tag: 'cases', params: caseId,
    summary: commands.requestInformation.summary, operation: command(commands.requestInformation) },
  { method: 'post', path: '/api/cases/:id/information', operationId: 'provideInformation', tag: 'cases', params: caseId,
    summary: commands.provideInformation.summary, operation: command(commands.provideInformation) },
  { method: 'post', path: '/api/cases/:id/listing', operationId: 'listReferral', tag: 'cases', params: caseId,
    summary: commands.listReferral.summary, operation: command(commands.listReferral) },
  { method: 'post', path: '/api/cases/:id/withdrawal', operationId: 'withdrawReferral', tag: 'cases', params: caseId,
    summary: commands.withdrawReferral.summary, operation: command(commands.withdrawReferral) },
  { method: 'post', path: '/api/cases/:id/screening', operationId: 'recordScreeningDecision', tag: 'cases', params: caseId,
    summary: commands.recordScreeningDecision.summary, operation: command(commands.recordScreeningDecision) },
  { method: 'post', path: '/api/cases/:id/chronology', operationId: 'addChronologyEntry', tag: 'cases', params: caseId, status: 201,
    summary: commands.addChronologyEntry.summary, operation: command(commands.addChronologyEntry) },
  { method: 'post', path: '/api/cases/:id/actions', operationId: 'createAction', tag: 'cases', params: caseId, status: 201,
    summary: commands.createAction.summary, operation: command(commands.createAction) },
  { method: 'post', path: '/api/cases/:id/closure', operationId: 'closeCase', tag: 'cases', params: caseId,
    summary: commands.closeCase.summary, operation: command(commands.closeCase) },
  { method: 'get', path: '/api/cases/:id/audit', operationId: 'getCaseAudit', tag: 'cases', params: caseId,
    summary: queries.getCaseAudit.summary, operation: query(queries.getCaseAudit) },
];
