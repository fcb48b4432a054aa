import { z } from 'zod';
import { OTHER_PROCESSES, RISK_CATEGORIES } from '../domain/enums';
import type { CaseRecord } from '../domain/records';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { referralFields } from './referralFields';
import { optionalText } from './validation';

/**
 * A draft holds whatever the author has written so far: every referral field optional except the adult's name,
 * blanks allowed, and no defaults (so saving one field never resets another). submitDraft checks completeness
 * with submitReferral's own schema.
 */
export const draftFields = referralFields
  .extend({
    riskCategories: z.array(z.enum(RISK_CATEGORIES)),
    reasons: optionalText(),
    currentSupport: optionalText(),
    adultViews: optionalText(),
    otherProcessesConsidered: z.array(z.enum(OTHER_PROCESSES)),
    restricted: z.boolean(),
  })
  .partial()
  .required({ adult: true });
export type DraftFields = z.output<typeof draftFields>;

/** The answers a draft may not have yet; every other field of the record is always present (blank or empty). */
type Unanswered = 'childrenAtRisk' | 'otherAdultsAtRisk' | 'capacity' | 'adultAware' | 'consent' | 'advocacyNeeded';
export type DraftCase = Omit<CaseRecord, Unanswered> & Partial<Pick<CaseRecord, Unanswered>>;

/** Narrative fields the record always carries as strings: a blank one is kept as '' rather than dropped. */
const ALWAYS_STRING = new Set(['reasons', 'currentSupport', 'adultViews']);

/**
 * The fields as stored: a blank optional text ('' from an emptied form field) removes the field, a blank narrative
 * is kept as ''. The adult is one group: given, it replaces the stored one whole (so an emptied postcode goes).
 */
export function draftPatch(input: Partial<DraftFields>): { set: Partial<DraftCase>; cleared: string[] } {
  const set: Record<string, unknown> = {};
  const cleared: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === '' && !ALWAYS_STRING.has(key)) cleared.push(key);
    else if (key === 'adult') set.adult = Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== undefined && v !== ''));
    else set[key] = value;
  }
  return { set: set as Partial<DraftCase>, cleared };
}

/** A draft's stored answers as referral input, for checking with submitReferral's schema. */
export function referralAnswersOf(c: DraftCase): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const key of Object.keys(referralFields.shape)) {
    const value = (c as unknown as Record<string, unknown>)[key];
    if (value !== undefined) answers[key] = value;
  }
  return answers;
}

/**
 * Who may change or submit a draft is the policy's 'submit' rule (its author, or a coordinator), judged as if the
 * record were still a draft; whether it still is one is the caller's separate 409. So the author of a draft that
 * has since been submitted learns why it cannot be changed, and anyone else is refused whatever its state.
 */
export function authorizeDraftAuthor(actor: Actor, c: CaseRecord, verb: string): void {
  authorize(actor, 'submit', 'case', { ...c, status: 'draft' }, `Only the author of a draft (or a coordinator) can ${verb} it.`);
}
