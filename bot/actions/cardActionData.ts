import { z } from 'zod';
import { id } from '../../src/contract/fields';
import { CARD_VERBS, type CardVerb } from '../../src/cards/universalActions';

/*
 * What a card button may send, checked before anything is read. Only ids and the words typed into the card's inputs
 * are taken; every other key is dropped (zod strips unknown keys), so state carried on an old card (a status, a
 * version, a name) is never believed: the handler reloads the record by id.
 */

/** Which card the button was on, by the ids it is rebuilt from. */
export const cardRef = z.discriminatedUnion('card', [
  z.object({ card: z.literal('newReferral'), caseId: id }),
  z.object({ card: z.literal('overdueDigest'), digestId: id }),
  z.object({ card: z.literal('reminder'), actionId: id }),
  z.object({ card: z.literal('escalation'), actionId: id, thresholdDays: z.coerce.number().int().min(0).max(365).optional() }),
]);
export type CardRef = z.infer<typeof cardRef>;

const typed = z.string().max(10_000).optional();

export const verbSchema = z.enum(CARD_VERBS);

/** Data of the buttons on a new-referral card. */
export const involvementData = z.object({ card: z.literal('newReferral'), caseId: id, note: typed });

/** Data of the buttons on an action line (digest, reminder, escalation): the action, and the card it sits on. */
export const actionData = z.object({ actionId: id });

/**
 * An input's value. Inputs on cards that hold several actions are named `<field>-<action id>` (input ids must be
 * unique in a card); a card with one action may use the plain name.
 */
export function inputOf(data: Record<string, unknown>, field: string, actionId: string): string | undefined {
  const parsed = typed.safeParse(data[`${field}-${actionId}`] ?? data[field]);
  return parsed.success ? parsed.data : undefined;
}

export const isCardVerb = (verb: unknown): verb is CardVerb => verbSchema.safeParse(verb).success;
