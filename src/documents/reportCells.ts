import type { TableCell } from '../domain/indicators/tables';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return, which some treat the same)
 * as a formula: CSV injection. Text that starts with one gets a leading apostrophe, which shows the text as typed
 * and is never evaluated. Numbers stay numbers (a negative number is not text).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralise = (cell: TableCell): TableCell => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell);
