import { stringify } from 'csv-stringify/sync';
import type { AuditSearch } from '../contract/governance';
import { neutralise } from './reportCells';

export const AUDIT_CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const COLUMNS = ['seq', 'at', 'actorId', 'actorName', 'actorAgencyId', 'action', 'recordType', 'recordId', 'change', 'reason', 'correlationId'] as const;

/**
 * Audit events as CSV, one row each, oldest last as searched. Every text cell is neutralised against formula injection
 * (a cell starting with = + - @ is prefixed so a spreadsheet shows it as text); a byte-order mark for Excel.
 */
export function auditCsv(view: AuditSearch): string {
  const rows: (string | number)[][] = [[...COLUMNS]];
  for (const e of view.events) {
    rows.push(COLUMNS.map((c) => {
      const v = c === 'change' ? (e.change ? JSON.stringify(e.change) : '') : e[c];
      return v === undefined ? '' : typeof v === 'number' ? v : (neutralise(String(v)) ?? '');
    }));
  }
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}
