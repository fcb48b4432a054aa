import type { CaseRecord } from '../domain/records';
import { lettersAndDigits, refParts } from '../domain/reference';

/*
 * A case's search keys, as index data (schema.ts DERIVED_FIELDS), so finding a case by what someone typed is an
 * index lookup, not a read of every case:
 * - `n:<number>`: the reference's number ("CASPA-2026-0014" → n:14), for the bot's near-miss suggestion, which only
 *   ever suggests a case with the number typed;
 * - `r:<suffix>` for every suffix of the lower-cased reference and `i:<suffix>` for every suffix of the initials'
 *   letters and digits: "contains q" is then "some key starts with r:q" (or i:q), one index range
 *   (a `startsWith` condition). About 20 keys a case.
 */
export function caseSearchKeys(c: Pick<CaseRecord, 'ref' | 'initials'>): string[] {
  const keys = new Set<string>();
  const ref = c.ref ?? '';
  const parts = refParts(ref);
  if (parts) keys.add(`n:${parts.number}`);
  const lower = ref.toLowerCase();
  for (let i = 0; i < lower.length; i++) keys.add(`r:${lower.slice(i)}`);
  const initials = lettersAndDigits(c.initials ?? '');
  for (let i = 0; i < initials.length; i++) keys.add(`i:${initials.slice(i)}`);
  return [...keys].sort();
}
