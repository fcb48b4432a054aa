import { DateTime } from 'luxon';
import type { Adult, CaseRecord } from './records';
import { londonDay } from './indicators/londonDays';
import { LONDON } from './time';

/**
 * Repeat referrals (docs/domain.md): a referral for an adult already referred in the 12 months before it. The same
 * adult is the same NHS number or, when either referral lacks one, the same name and date of birth. A name alone is
 * never enough: two people can share one. The screening queue flags a repeat and the board's indicator counts them,
 * both by this one rule.
 */

export const REPEAT_WINDOW_MONTHS = 12;

export type RepeatCandidate = Pick<CaseRecord, 'id' | 'receivedAt' | 'adult'>;

/** Case, spacing, accents and punctuation do not make another person: "Anne-Marie  O'Neil" is "anne marie o neil". */
export function normalName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const digits = (nhsNumber?: string): string | undefined => nhsNumber?.replace(/\D/g, '') || undefined;

/**
 * The keys under which an adult can be looked up: the NHS number, and the name with the date of birth. The store keeps
 * them as an indexed derived field of cases (src/store/schema.ts), so a match is an index lookup, not a scan.
 */
export function adultKeys(adult: Pick<Adult, 'name' | 'dateOfBirth' | 'nhsNumber'>): string[] {
  const keys: string[] = [];
  const nhs = digits(adult.nhsNumber);
  if (nhs) keys.push(`nhs:${nhs}`);
  const name = normalName(adult.name ?? '');
  if (adult.dateOfBirth && name) keys.push(`dob:${adult.dateOfBirth}:${name}`);
  return keys;
}

/** The same adult: the same NHS number, or (when either has none) the same date of birth and normalised name. */
export function sameAdult(a: Pick<Adult, 'name' | 'dateOfBirth' | 'nhsNumber'>, b: Pick<Adult, 'name' | 'dateOfBirth' | 'nhsNumber'>): boolean {
  const an = digits(a.nhsNumber);
  const bn = digits(b.nhsNumber);
  if (an && bn) return an === bn;
  return !!a.dateOfBirth && a.dateOfBirth === b.dateOfBirth && normalName(a.name) !== '' && normalName(a.name) === normalName(b.name);
}

/** The first London date a referral received at `receivedAt` looks back to (12 calendar months before its day). */
/** Look-backs by London date: the board's indicator asks for thousands, over a few hundred dates. */
const lookBackOf = new Map<string, string>();

export function repeatLookBackDate(receivedAt: string): string {
  const day = londonDay(receivedAt);
  let from = lookBackOf.get(day);
  if (from === undefined) {
    from = DateTime.fromISO(day, { zone: LONDON }).minus({ months: REPEAT_WINDOW_MONTHS }).toISODate()!;
    if (lookBackOf.size > 10_000) lookBackOf.clear();
    lookBackOf.set(day, from);
  }
  return from;
}

/** The instant the look-back starts: the start of that London day, for an indexed `receivedAt ge` read. */
export const repeatLookBackInstant = (receivedAt: string): string =>
  DateTime.fromISO(repeatLookBackDate(receivedAt), { zone: LONDON }).startOf('day').toUTC().toISO()!;

/**
 * The most recent earlier referral of the same adult received in the 12 months before `referral`, among `candidates`
 * (which may hold anything: others, later ones, the referral itself); undefined when there is none.
 */
export function earlierReferral<C extends RepeatCandidate>(referral: RepeatCandidate, candidates: readonly C[]): C | undefined {
  if (!referral.receivedAt) return undefined;
  const at = referral.receivedAt;
  const from = repeatLookBackDate(at);
  let found: C | undefined;
  for (const c of candidates) {
    if (c.id === referral.id || !c.receivedAt || c.receivedAt >= at) continue;
    if (londonDay(c.receivedAt) < from || !sameAdult(c.adult, referral.adult)) continue;
    if (!found || c.receivedAt > found.receivedAt!) found = c;
  }
  return found;
}
