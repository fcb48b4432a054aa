import type { AdaptiveCardJson } from './types';
import { dataLine } from './elements';
import { cardTemplate, expandCard } from './expandCard';
import { safeText } from './safeText';

/**
 * Universal Actions on RiskPanel cards. Every button is an Action.Execute (verb + ids) with an Action.Submit fallback
 * for clients that predate schema 1.5; the fallback carries the verb in its data, so both arrive at the same handler
 * (bot/actions/handleCardAction.ts). Card data holds ids only: the handler reloads the record, so state on an old card
 * can never be replayed.
 */
export const CARD_VERBS = ['knownToAgency', 'notKnown', 'completeAction', 'addActionUpdate', 'changeDueDate', 'refresh'] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** Which card a button sits on: the handler answers with the same card, rebuilt from the store. */
export const CARD_KINDS = ['newReferral', 'overdueDigest', 'reminder', 'escalation'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Teams refreshes a card automatically for at most 60 users; everyone else gets "Refresh card" in its menu. */
export const MAX_REFRESH_USERS = 60;

/** A template-level Action.Execute; `data` values may be `${binding}`s, expanded with the card. */
export function executeAction(title: string, verb: CardVerb, data: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { verb, ...data } },
  };
}

/** An Entra object id (a GUID in Entra; any plain id here, so invented test identities work alike). */
const OBJECT_ID = /^[0-9A-Za-z][\w-]{0,99}$/;

/**
 * The users whose card refreshes by itself: Entra object ids become Teams user MRIs (8:orgid:<id>), anything that is
 * neither an object id nor an MRI is dropped, duplicates go, and at most 60 remain (Teams ignores the card's refresh
 * list beyond that). Whoever is left out still refreshes by hand.
 */
export function refreshUserIds(ids: readonly string[] | undefined): string[] {
  const mris = (ids ?? [])
    .map((id) => String(id).trim())
    .map((id) => (OBJECT_ID.test(id) ? `8:orgid:${id.toLowerCase()}` : /^(8:orgid:|29:)[\w:.-]{1,120}$/.test(id) ? id : ''))
    .filter(Boolean);
  return [...new Set(mris)].slice(0, MAX_REFRESH_USERS);
}

/**
 * Adds the refresh clause to an expanded card: an Action.Execute 'refresh' carrying the card kind and the record ids,
 * so whoever views it gets it rebuilt from the store. Ids go through safeText like any other data.
 */
export function withRefresh(card: AdaptiveCardJson, data: { card: CardKind } & Record<string, string>, userIds?: readonly string[]): AdaptiveCardJson {
  const safe = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, safeText(v, { max: 100 })]));
  return { ...card, refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: safe }, userIds: refreshUserIds(userIds) } };
}

export type MessageTone = 'info' | 'good' | 'attention';
const TONE_STYLE: Record<MessageTone, string> = { info: 'emphasis', good: 'good', attention: 'attention' };

const MESSAGE_TEMPLATE = cardTemplate([
  { type: 'Container', style: '${style}', items: [dataLine([{ text: '${message}', weight: 'Bolder' }], { id: 'message' })] },
]);

/** The card with a sentence for the person who pressed a button at its top ("Saved.", or why nothing changed). */
export function withMessage(card: AdaptiveCardJson, message: string | undefined, tone: MessageTone = 'info'): AdaptiveCardJson {
  if (!message) return card;
  const [block] = expandCard(MESSAGE_TEMPLATE, { message, style: TONE_STYLE[tone] }).body as unknown[];
  return { ...card, body: [block, ...((card.body as unknown[]) ?? [])] };
}

/** The text of a card's message block, if it has one (for hosts and tests). */
export function messageOf(card: AdaptiveCardJson): string | undefined {
  const [first] = (card.body as { items?: { id?: string; inlines?: { text?: string }[] }[] }[] | undefined) ?? [];
  const block = first?.items?.[0];
  return block?.id === 'message' ? block.inlines?.[0]?.text : undefined;
}
