import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';
import type { ReportSheet } from '../domain/indicators/tables';
import { neutralise } from './reportCells';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface WorkbookHeading { title: string; periodLabel: string; agencyLabel: string; computedAt: string }

/** Excel caps a sheet name at 31 characters and forbids : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/**
 * The board's workbook: a cover sheet saying what it is, then one sheet per indicator family, its tables one under
 * another (title row, heading row, data, a blank row). Text cells are neutralised against formula injection.
 */
export async function reportWorkbook(sections: readonly ReportSheet[], heading: WorkbookHeading): Promise<Buffer> {
  const cover: Row[] = [
    [{ value: heading.title, fontWeight: 'bold' }],
    ['Period', heading.periodLabel],
    ['Agency', heading.agencyLabel],
    ['Computed at (UTC)', heading.computedAt],
    [],
    ['Counts and case references only: no adult is named or described in this workbook.'],
  ];
  const sheets: Sheet<never>[] = [{ sheet: 'About', data: cover, columns: [{ width: 24 }, { width: 40 }] }];
  for (const section of sections) {
    const data: Row[] = [];
    for (const table of section.tables) {
      data.push([{ value: String(neutralise(table.title)), fontWeight: 'bold' }]);
      data.push(table.columns.map((c) => ({ value: String(neutralise(c)), fontWeight: 'bold' as const })));
      for (const row of table.rows) data.push(row.map((cell) => neutralise(cell)));
      data.push([]);
    }
    sheets.push({ sheet: sheetName(section.title), data, columns: [{ width: 36 }, ...Array.from({ length: 9 }, () => ({ width: 14 }))] });
  }
  return writeXlsxFile(sheets).toBuffer();
}
