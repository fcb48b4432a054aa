import type { z } from 'zod';
import { ValidationError } from '../domain/errors';

export function toValidationError(error: z.ZodError): ValidationError {
  return new ValidationError(
    error.issues.flatMap((issue) =>
      // A strict schema's unknown keys come as one issue at the parent: name each key, so the caller sees which.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a field of this request' }))
        : [{
            field: issue.path.join('.'),
            message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
          }],
    ),
  );
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw toValidationError(parsed.error);
  return parsed.data;
}

// The field shapes live in the API contract, so the tab types its requests with the very schemas the server checks.
export { expectedVersion, id, isoDate, isoDateTime, nhsNumber, optionalText, plainText, postcode, text } from '../contract/fields';
