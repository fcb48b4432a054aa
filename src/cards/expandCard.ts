import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from './types';
import { safeData } from './safeText';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

/** The envelope every card template shares. */
export const cardTemplate = (body: unknown[], actions: unknown[] = []): AdaptiveCardJson => ({
  type: 'AdaptiveCard',
  $schema: CARD_SCHEMA,
  version: CARD_VERSION,
  body,
  ...(actions.length ? { actions } : {}),
});

/**
 * Templates parsed once and reused: parsing cost a fifth of a bot reply. Keyed by the template object (the builders'
 * templates are module constants), so a template built on the fly is parsed each time and then forgotten.
 */
const PARSED = new WeakMap<AdaptiveCardJson, ACData.Template>();
function parsed(template: AdaptiveCardJson): ACData.Template {
  let t = PARSED.get(template);
  if (!t) {
    t = new ACData.Template(template);
    PARSED.set(template, t);
  }
  return t;
}

/**
 * Expands a template with data that has been through safeText (every leaf, here, so no builder can skip it).
 * After expansion no `${` may remain: data cannot contain one (safeText breaks them), so one left over is a field
 * the template names and the data lacks, and that is a bug to fail on rather than a card to send.
 */
export function expandCard(template: AdaptiveCardJson, data: Record<string, unknown>): AdaptiveCardJson {
  const card = parsed(template).expand({ $root: safeData(data) }) as AdaptiveCardJson;
  const leftover = /\$\{[^}]*\}?/.exec(JSON.stringify(card));
  if (leftover) throw new Error(`Card template left "${leftover[0]}" unexpanded: the data has no such field.`);
  return card;
}

/**
 * Teams refuses a card over 28 KB. Cards that list things keep under this budget (a margin for the activity around the
 * card) by showing fewer lines and counting the rest: see fitCard.
 */
export const MAX_CARD_BYTES = 26 * 1024;

export const cardBytes = (card: AdaptiveCardJson): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/**
 * The card built with as many of `wanted` lines as fit the budget: long names in a script of multi-byte letters, or
 * text full of `{{` (each gets an invisible joiner), can make a few lines weigh what many usually do.
 */
export function fitCard(wanted: number, build: (lines: number) => AdaptiveCardJson): AdaptiveCardJson {
  let lines = wanted;
  let card = build(lines);
  while (lines > 1 && cardBytes(card) > MAX_CARD_BYTES) card = build(--lines);
  return card;
}
