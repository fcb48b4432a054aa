/** "CASPA-2026-0014" → its parts, for comparing one reference with another (case-insensitive). */
export function refParts(ref: string): { prefix: string; year: string; number: number } | undefined {
  const m = /^([A-Z][A-Z0-9]*)-(\d{4})-(\d+)$/.exec(ref.toUpperCase());
  return m ? { prefix: m[1]!, year: m[2]!, number: Number(m[3]) } : undefined;
}

/** Letters and digits only, lower case: how initials are compared ("J.B." finds "jb"). */
export const lettersAndDigits = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
