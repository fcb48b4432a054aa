import { z } from 'zod';

// Register and list filters arrive from URL query strings (everything a string, blanks for "any"),
// from the bot (plain values) and from tests; these shapes accept all three.

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** An optional filter where an empty query-string value means "not given". */
export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** 'true'/'1'/'yes' and 'false'/'0'/'no' as well as real booleans; anything else is a validation error. */
export const booleanParam = z.preprocess((v) => {
  if (typeof v !== 'string') return blankToUndefined(v);
  const s = v.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(s)) return true;
  if (['false', '0', 'no'].includes(s)) return false;
  return s === '' ? undefined : v;
}, z.boolean({ message: 'must be true or false' }).optional());

export const intParam = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );
