import { createHash } from 'node:crypto';
import readXlsxFile from 'read-excel-file/node';
import { ValidationError } from '../../domain/errors';

/** A coordinator's spreadsheet of past referrals is small; anything bigger is refused before it is read. */
export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 2000;

export interface ImportFile {
  fileName: string;
  /** SHA-256 of the bytes: what the audit names, so a file can be told from an edited copy with the same name. */
  sha256: string;
  headers: string[];
  /** Cells as text, one array per data row (the header row left out); spreadsheet row n is rows[n - 2]. */
  rows: string[][];
}

const refuse = (message: string) => new ValidationError([{ field: 'file', message }]);

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip: every .xlsx is one

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (quoted) throw refuse('The CSV file ends inside a quoted value: check its quotes.');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.map((r) => r.map((c) => c.trim()));
}

/**
 * Reads an uploaded log (base64 of an .xlsx workbook's first sheet, or a UTF-8 .csv file) into a header row and data
 * rows. The name and the content must agree (a zip for .xlsx, text for .csv); an empty, oversized or unreadable
 * file is a ValidationError (400), before anything is written.
 */
export async function readImportFile(fileName: string, base64: string): Promise<ImportFile> {
  const bytes = Buffer.from(base64, 'base64');
  if (!bytes.length) throw refuse('The file is empty.');
  if (bytes.length > IMPORT_MAX_BYTES) throw refuse(`The file is larger than ${IMPORT_MAX_BYTES / 1_000_000} MB: split it into smaller files.`);
  const kind = /\.xlsx$/i.test(fileName) ? 'xlsx' : /\.csv$/i.test(fileName) ? 'csv' : undefined;
  if (!kind) throw refuse('Upload an Excel workbook (.xlsx) or a CSV file (.csv).');
  let table: string[][];
  if (kind === 'xlsx') {
    if (!XLSX_MAGIC.every((b, i) => bytes[i] === b)) throw refuse('This is not an Excel workbook (.xlsx), whatever its name says.');
    try {
      const [first] = await readXlsxFile(bytes);
      table = (first?.data ?? []).map((r) => r.map(cellText));
    } catch {
      throw refuse('The workbook could not be read: save it again from Excel as .xlsx and retry.');
    }
  } else {
    if (bytes.includes(0)) throw refuse('This is not a text CSV file, whatever its name says.');
    table = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  }
  table = table.filter((r) => r.some((c) => c !== ''));
  if (table.length < 2) throw refuse('The file needs a header row and at least one row of records.');
  if (table.length - 1 > IMPORT_MAX_ROWS) throw refuse(`The file has more than ${IMPORT_MAX_ROWS} rows: split it into smaller files.`);
  const [headers, ...rows] = table;
  return { fileName, sha256: createHash('sha256').update(bytes).digest('hex'), headers: headers!, rows };
}
