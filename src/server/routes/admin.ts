import { z } from 'zod';
import { commands } from '../../commands';
import { auditExportSchema, type AuditExport } from '../../contract/governance';
import { AUDIT_CSV_CONTENT_TYPE, auditCsv } from '../../documents/auditCsv';
import { runQuery } from '../../kernel/query';
import { queries } from '../../queries';
import { type RouteSpec, command, query } from '../routeTable';

/** The file name says what was searched (dates and ids only) and when; nothing else. */
const fileName = (input: Record<string, unknown>, at: Date) =>
  `riskpanel-audit-${[input['from'], input['to']].filter(Boolean).join('-to-') || at.toISOString().slice(0, 10)}.csv`.replace(/[^A-Za-z0-9._-]+/g, '-');

/**
 * Information governance: members and agencies (coordinators), the quarterly access review (agency leads), the audit
 * trail's search and export (coordinators). Every route runs a command or query: validated, decided by the policies,
 * audited.
 */
export const adminRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/admin/directory', operationId: 'getAdminDirectory', tag: 'admin',
    summary: queries.getAdminDirectory.summary, operation: query(queries.getAdminDirectory) },
  { method: 'post', path: '/api/admin/members', operationId: 'addMember', tag: 'admin', status: 201,
    summary: commands.addMember.summary, operation: command(commands.addMember) },
  { method: 'patch', path: '/api/admin/members/:id', operationId: 'changeMember', tag: 'admin', params: { id: 'memberId' },
    summary: commands.changeMember.summary, operation: command(commands.changeMember),
    description: 'Fields not sent are kept. `active: false` deactivates the member: refused at once by the API, the bot and card presses; their history stays attributed.' },
  { method: 'post', path: '/api/admin/agencies', operationId: 'addAgency', tag: 'admin', status: 201,
    summary: commands.addAgency.summary, operation: command(commands.addAgency) },
  { method: 'patch', path: '/api/admin/agencies/:id', operationId: 'changeAgency', tag: 'admin', params: { id: 'agencyId' },
    summary: commands.changeAgency.summary, operation: command(commands.changeAgency),
    description: 'Fields not sent are kept. `active: false` deactivates the agency: it takes no new members.' },
  { method: 'get', path: '/api/admin/access-review', operationId: 'getAccessReview', tag: 'admin',
    summary: queries.getAccessReview.summary, operation: query(queries.getAccessReview) },
  { method: 'post', path: '/api/admin/access-review/confirmations', operationId: 'confirmAccessReview', tag: 'admin',
    summary: commands.confirmAccessReview.summary, operation: command(commands.confirmAccessReview) },
  { method: 'get', path: '/api/audit', operationId: 'searchAudit', tag: 'admin',
    summary: queries.searchAudit.summary, operation: query(queries.searchAudit),
    description: 'ref: a case reference (its events and its records\'); memberId: who acted; agencyId: their agency; action; from and to: UK dates (yyyy-mm-dd), both included. Newest first; `truncated` when more matched.' },
  { method: 'post', path: '/api/audit/exports', operationId: 'exportAudit', tag: 'admin',
    summary: queries.exportAudit.summary,
    operation: {
      kind: 'handler',
      input: queries.exportAudit.input,
      run: async ({ ctx, input }): Promise<AuditExport> => {
        const view = await runQuery(queries.exportAudit, ctx!, input);
        const file = Buffer.from(auditCsv(view), 'utf8');
        return auditExportSchema.parse({
          fileName: fileName(z.record(z.string(), z.unknown()).parse(input), ctx!.now()), contentType: AUDIT_CSV_CONTENT_TYPE,
          base64: file.toString('base64'), bytes: file.length, rows: view.events.length,
        });
      },
    },
    description: 'The matching events as CSV (base64 in JSON with its file name and type), at most 20,000 rows. Cells starting with = + - @ are neutralised. Audited as an export with the reason given.' },
];

/** Break-glass and a case's restriction and information sharing: routes on cases that belong to governance. */
export const governanceCaseRoutes: RouteSpec[] = [
  { method: 'post', path: '/api/break-glass', operationId: 'breakGlass', tag: 'cases', status: 201,
    summary: commands.breakGlass.summary, operation: command(commands.breakGlass),
    description: 'ref: the case reference; reason: why you need it. Read access for a limited time (4 hours); the coordinators are told at once and the opening is on the case and in its audit trail.' },
  { method: 'post', path: '/api/cases/:id/restriction', operationId: 'restrictCase', tag: 'cases', params: { id: 'caseId' },
    summary: commands.restrictCase.summary, operation: command(commands.restrictCase),
    description: 'restricted: true restricts (namedMemberIds: who outside the lead agency may still see it), false lifts it; reason required. Coordinators only.' },
  { method: 'get', path: '/api/cases/:id/sharing-decisions', operationId: 'listSharingDecisions', tag: 'cases', params: { id: 'caseId' },
    summary: queries.listSharingDecisions.summary, operation: query(queries.listSharingDecisions) },
  { method: 'post', path: '/api/cases/:id/sharing-decisions', operationId: 'recordSharingDecision', tag: 'cases', params: { id: 'caseId' },
    summary: commands.recordSharingDecision.summary, operation: command(commands.recordSharingDecision),
    description: 'what, withWhom, why, basis (the lawful basis): information that left the panel outside a panel decision. Kept as a `share` event in the audit trail; listed with the case\'s sharing decisions. Whoever works the case (not a break-glass reader).' },
];
