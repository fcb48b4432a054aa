import type { CaseRecord } from '../../src/domain/records';

/*
 * What an answer gives away, judged from its serialised text: black-box, so it survives any reshaping of the views.
 */

/** The case's personal data and narrative: never on a surface for someone who may not read the case in full. */
export function secretsOf(c: CaseRecord): string[] {
  const out = [c.adult?.name, c.adult?.address, c.adult?.postcode, c.reasons, c.currentSupport, c.adultViews, c.contingencyPlan]
    .filter((s): s is string => typeof s === 'string' && s.trim().length >= 6);
  // Long narrative is matched by its opening words, so a truncated rendering still counts.
  return [...new Set(out.map((s) => (s.length > 40 ? s.slice(0, 40) : s)))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole-token match: "case-01" does not match inside "case-011". */
export const token = (s: string) => new RegExp(`(?<![\\w-])${escape(s)}(?![\\w-])`);

/** Whether the text names the case by id or reference. */
export const mentions = (text: string, c: Pick<CaseRecord, 'id' | 'ref'>): boolean => token(c.id).test(text) || token(c.ref).test(text);

/** The secrets of `c` found in `text`. */
export const leakedSecrets = (text: string, c: CaseRecord): string[] => secretsOf(c).filter((s) => text.includes(s));

/** Every object in a JSON value (depth first). */
export function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* objectsIn(v);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const v of Object.values(value)) yield* objectsIn(v);
  }
}

/**
 * A problem body with what legitimately differs between two requests removed: the instance and correlation ids, and
 * the id the request named (so "no case X" and "no case Y" compare equal).
 */
export function normalizedProblem(body: unknown, namedIds: readonly string[]): string {
  const copy = { ...(body as Record<string, unknown>) };
  for (const key of ['instance', 'correlationId', 'traceId', 'requestId']) delete copy[key];
  let text = JSON.stringify(copy);
  for (const id of namedIds) text = text.split(id).join('<id>');
  return text;
}

/** The text of every TextBlock and TextRun in a card, in order. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  for (const o of objectsIn(card)) {
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'Fact' || (typeof o.title === 'string' && typeof o.value === 'string')) out.push(`${String(o.title)} ${String(o.value)}`);
  }
  return out;
}
