import fc from 'fast-check';
import {
  isCaseRef, isNhsNumber, isPostcode, normalizeCaseRef, normalizePostcode, nhsCheckDigitValid, stripBidiControls,
} from '../../src/domain/formats';
import { initialsOf } from '../../src/domain/rules';
import { nhsNumber, postcode, text } from '../../src/kernel/validation';

// The one definition of each format (src/domain/formats.ts), used by the server's field shapes and the tab's form.

describe('postcode', () => {
  it.each(['LU1 2AB', 'lu1 2ab', 'SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A1BB'])('accepts %s', (v) => {
    expect(isPostcode(v)).toBe(true);
  });
  it.each(['', 'LU1', '12345', 'LU1 2A', 'LUU1 2AB', 'LU1  2AB', 'LU1-2AB'])('refuses %j', (v) => {
    expect(isPostcode(v)).toBe(false);
  });
  it('is stored upper-cased and trimmed, by the server field shape too', () => {
    expect(normalizePostcode(' lu1 2ab ')).toBe('LU1 2AB');
    expect(postcode.parse(' lu1 2ab ')).toBe('LU1 2AB');
    expect(postcode.safeParse('LU1').success).toBe(false);
  });
});

describe('NHS number', () => {
  // 943 476 5919 is the NHS's own published example; 401 023 2137 and 999 000 0026 are further valid numbers.
  it.each(['943 476 5919', '9434765919', '4010232137', '999 000 0026'])('accepts %s (correct check digit)', (v) => {
    expect(isNhsNumber(v)).toBe(true);
    expect(nhsNumber.safeParse(v).success).toBe(true);
  });
  it.each(['943 476 5918', '943 476 5910', '9990001112', '123 456 7890'])('refuses %s (wrong check digit)', (v) => {
    expect(isNhsNumber(v)).toBe(false);
    expect(nhsNumber.safeParse(v).success).toBe(false);
  });
  it.each(['94347659', '943-476-5919', '943 4765 919', 'nine four three'])('refuses %j (not 10 digits, 3-3-4)', (v) => {
    expect(isNhsNumber(v)).toBe(false);
  });
  it('catches every single mistyped digit of a valid number', () => {
    const valid = '9434765919';
    for (let i = 0; i < 10; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect({ typo, valid: nhsCheckDigitValid(typo) }).toEqual({ typo, valid: false });
      }
    }
  });
  it('a check digit that would be 10 means no number was ever issued', () => {
    // Weighted sum of 000000001 is 2: 11 - 2 = 9, so 0000000019 is valid; 00000006x has sum 12 -> 11-1 = 10: never valid.
    expect(nhsCheckDigitValid('0000000019')).toBe(true);
    for (let d = 0; d <= 9; d++) expect(nhsCheckDigitValid(`000000006${d}`)).toBe(false);
  });
});

describe('case reference', () => {
  it('normalises what people type to the stored form', () => {
    expect(normalizeCaseRef(' caspa-2026-14 ')).toBe('CASPA-2026-0014');
    expect(normalizeCaseRef('CASPA-2026-0014')).toBe('CASPA-2026-0014');
    expect(isCaseRef('caspa-2026-14')).toBe(true);
    expect(isCaseRef('2026-0014')).toBe(false);
    expect(isCaseRef('CASPA-26-0014')).toBe(false);
  });
});

describe('bidirectional controls', () => {
  const CONTROLS = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('strips every one of them and nothing else', () => {
    expect(stripBidiControls('\u202Eevil\u202C')).toBe('evil');
    expect(stripBidiControls(`a${CONTROLS.join('')}b`)).toBe('ab');
    // Right-to-left letters are text, not controls: they stay.
    expect(stripBidiControls('سارة כהן')).toBe('سارة כהן');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const stripped = stripBidiControls(s);
        expect(CONTROLS.some((c) => stripped.includes(c))).toBe(false);
        expect(stripBidiControls(stripped)).toBe(stripped);
      }),
    );
  });

  it('the shared text field shape removes them on the way in', () => {
    expect(text(200).parse('  \u202Eevil\u202C  ')).toBe('evil');
    // Only controls is nothing at all: still "is required".
    expect(text(200).safeParse('\u2066\u2069').success).toBe(false);
  });

  it('initials never start with a control, so they cannot reorder', () => {
    expect(initialsOf('\u202EEve Lawson')).toBe('E.L.');
    expect(initialsOf('Jo \u2067Anne\u2069 Smith')).toBe('J.A.S.');
  });
});
