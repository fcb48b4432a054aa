import { formatRef } from '../../src/domain/rules';

/**
 * A case reference as people type it: "CASPA-2026-0014", "caspa 2026 14", "CASPA2026-14", with the letter O typed for
 * a zero in the number; or just the number ("14", "#14"), meaning this partnership's prefix and the current year.
 */
export type TypedRef = { ref: string } | { number: number };

const TYPED_REF = /^([A-Za-z][A-Za-z0-9]{1,9}?)[\s_-]*(\d{4})[\s_-]+([\dOo]{1,6})$/;
const BARE_NUMBER = /^#?(\d{1,6})$/;

export function parseTypedRef(text: string): TypedRef | undefined {
  const trimmed = text.trim();
  const bare = BARE_NUMBER.exec(trimmed);
  if (bare) return Number(bare[1]) > 0 ? { number: Number(bare[1]) } : undefined;
  const m = TYPED_REF.exec(trimmed);
  if (!m) return undefined;
  const number = Number(m[3]!.replace(/[Oo]/g, '0'));
  if (!number) return undefined;
  return { ref: formatRef(m[1]!.toUpperCase(), Number(m[2]), number) };
}

/** The reference meant: a bare number is this partnership's case of that number this year. */
export function resolveRef(typed: TypedRef, refPrefix: string, now: Date): string {
  return 'ref' in typed ? typed.ref : formatRef(refPrefix, now.getUTCFullYear(), typed.number);
}

/** "CASPA-2026-0014" → its parts, for comparing one reference with another. */
export function refParts(ref: string): { prefix: string; year: string; number: number } | undefined {
  const m = /^([A-Z][A-Z0-9]*)-(\d{4})-(\d+)$/.exec(ref.toUpperCase());
  return m ? { prefix: m[1]!, year: m[2]!, number: Number(m[3]) } : undefined;
}
