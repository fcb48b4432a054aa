import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { plainText } from '../kernel/validation';
import { type AuditSearch, auditSearchSchema } from '../contract/governance';
import { AUDIT_EXPORT_LIMIT, auditLines, auditSearchInput, searchTerms } from './searchAudit';

/**
 * The audit trail's events matching a search, for export as CSV (the host renders the file). The export is itself
 * audited as an export, with the member's reason, the terms and the number of rows: a file leaves the system.
 */
export const exportAudit = defineQuery({
  name: 'exportAudit',
  summary: 'Export the audit trail matching a search as CSV, with the reason for the export (coordinators)',
  output: auditSearchSchema,
  input: auditSearchInput.safeExtend({
    reason: plainText().min(3, 'say why you are exporting (at least 3 characters)').max(300, 'must be at most 300 characters'),
  }),
  async run(ctx, tx, { reason, ...search }): Promise<AuditSearch> {
    const view = await auditLines(ctx, tx, search, AUDIT_EXPORT_LIMIT);
    await recordAudit(ctx, tx, {
      action: 'export', recordType: 'auditTrail', recordId: 'export', reason, change: { ...searchTerms(search), rows: view.events.length, format: 'csv' },
    });
    return view;
  },
});
