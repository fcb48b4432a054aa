import { ValidationError } from '../domain/errors';

/**
 * Where the next register page starts, as an opaque string the client hands back: keyset positions for pages the
 * store orders ('a': after this record in the store's order; 'b': after this reference among the rows without a date
 * and the summaries), or a row number for the filters the register still applies itself ('o').
 */
export type RegisterCursor =
  | { k: 'a'; after: Record<string, string> }
  | { k: 'b'; ref: string }
  | { k: 'o'; n: number };

export const encodeCursor = (c: RegisterCursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

const BAD = [{ field: 'cursor', message: 'is not one this register gave (ask for the first page again)' }];

/** A cursor that does not fit the page asked for (another filter or order than the one that gave it). */
export function badCursor(): never {
  throw new ValidationError(BAD);
}

export function decodeCursor(raw: string): RegisterCursor {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError(BAD);
  }
  const o = c as Partial<Record<string, unknown>>;
  if (o?.k === 'o' && Number.isInteger(o.n) && (o.n as number) >= 0) return { k: 'o', n: o.n as number };
  if (o?.k === 'b' && typeof o.ref === 'string') return { k: 'b', ref: o.ref };
  if (o?.k === 'a' && o.after && typeof o.after === 'object' && Object.values(o.after).every((v) => typeof v === 'string') && typeof (o.after as { id?: unknown }).id === 'string') {
    return { k: 'a', after: o.after as Record<string, string> };
  }
  throw new ValidationError(BAD);
}
