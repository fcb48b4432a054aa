/**
 * The formats of identifiers people type: a UK postcode, an NHS number, a case reference. Defined once here and used
 * by the server's validation (src/contract) and by the tab's forms, so the two can never disagree about what is valid.
 */

/** A UK postcode once upper-cased and trimmed: outward code, optional space, inward code ("LU1 2AB", "SW1A1AA"). */
export const POSTCODE_PATTERN = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;

/** "lu1 2ab " → "LU1 2AB": the form the record stores. */
export const normalizePostcode = (value: string): string => value.trim().toUpperCase();

export const isPostcode = (value: string): boolean => POSTCODE_PATTERN.test(normalizePostcode(value));

/** Ten digits, optionally grouped 3-3-4 with single spaces ("943 476 5919"). */
export const NHS_NUMBER_PATTERN = /^\d{3} ?\d{3} ?\d{4}$/;

/**
 * The NHS number's own check: the first nine digits weighted 10 down to 2, summed, mod 11; 11 minus that is the
 * tenth digit (11 reads as 0, and 10 means the number was never issued). It catches every single mistyped digit and
 * most swapped pairs, which is why a mistyped number is refused here rather than stored against the wrong person.
 */
export function nhsCheckDigitValid(value: string): boolean {
  const digits = value.replace(/ /g, '');
  return /^\d{10}$/.test(digits) && nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** The check digit the first nine digits call for, or undefined when no number with them was ever issued. */
export function nhsCheckDigit(nineDigits: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 10 ? undefined : check === 11 ? 0 : check;
}

/** Well formed (ten digits, optionally 3-3-4) and with a correct check digit. */
export const isNhsNumber = (value: string): boolean => NHS_NUMBER_PATTERN.test(value.trim()) && nhsCheckDigitValid(value.trim());

/** What the shape and check-digit rules say, in words a form can show. */
export const POSTCODE_MESSAGE = 'must be a UK postcode';
export const NHS_NUMBER_MESSAGE = 'must be a 10-digit NHS number with a correct check digit';

/** PREFIX-YYYY-NNNN: the partnership's prefix (2-10 capitals or digits, starting with a letter), year, number. */
export const CASE_REF_PATTERN = /^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{4,}$/;

/**
 * References are typed by people ("caspa-2026-14" in a bot chat): upper-case them and pad the number to the four
 * digits formatRef writes, so they match what is stored.
 */
export function normalizeCaseRef(ref: string): string {
  const upper = ref.trim().toUpperCase();
  const m = /^(.+)-(\d{4})-(\d+)$/.exec(upper);
  return m ? `${m[1]}-${m[2]}-${m[3]!.padStart(4, '0')}` : upper;
}

export const isCaseRef = (value: string): boolean => CASE_REF_PATTERN.test(normalizeCaseRef(value));

/**
 * Unicode's bidirectional controls: ALM (U+061C), LRM and RLM (U+200E/F), the embeddings and overrides (U+202A-E)
 * and the isolates (U+2066-9). Stored in a name or a note they reorder what is shown around them ("evil" set inside
 * U+202E reads "live"; initials swap places), so text coming in has them removed. Right-to-left scripts still
 * display correctly: their direction comes from the letters themselves, and the tab isolates each piece of
 * user-entered text.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const stripBidiControls = (value: string): string => value.replace(BIDI_CONTROLS, '');
