import type { ImportFieldName } from '../../contract/imports';

/** The small readers every import row shares: names compared loosely, dates as logs write them. */

/** "NHS number", "nhs_number" and "NHSNumber" are one name. */
export const looseKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which column (by its header) holds each field. */
export type ImportMapping = Partial<Record<ImportFieldName, string>>;

/** A row's cell for a field, trimmed; '' when the field is not mapped. */
export type CellReader = (field: ImportFieldName) => string;

/** A date as logs write it: 2025-03-14 or 14/03/2025 (UK order). */
export function parseDate(text: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (uk) m = [text, uk[3]!, uk[2]!.padStart(2, '0'), uk[1]!.padStart(2, '0')] as unknown as RegExpExecArray;
  }
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** A vocabulary value given by its key or its label ("risk_reduced", "Risk reduced"). */
export const byLabel = <K extends string>(keys: readonly K[], labels: Partial<Record<K, string>>, text: string): K | undefined =>
  keys.find((k) => looseKey(k) === looseKey(text) || (labels[k] !== undefined && looseKey(labels[k]!) === looseKey(text)));
