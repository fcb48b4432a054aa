import { stringify } from 'csv-stringify/sync';
import type { ReportSheet } from '../domain/indicators/tables';
import { neutralise } from './reportCells';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Tables as CSV: each under its title row, a blank line between tables. Text cells are neutralised against formula
 * injection; a UTF-8 byte-order mark lets Excel read the file's accents and apostrophes correctly.
 */
export function reportCsv(sections: readonly ReportSheet[]): string {
  const rows: (string | number)[][] = [];
  for (const section of sections) {
    for (const table of section.tables) {
      if (rows.length) rows.push([]);
      rows.push([String(neutralise(table.title))]);
      rows.push(table.columns.map((c) => String(neutralise(c))));
      for (const row of table.rows) rows.push(row.map((cell) => neutralise(cell) ?? ''));
    }
  }
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}
