import { createHash } from 'node:crypto';
import type { ConversationRef } from '../domain/records';
import type { Tx } from '../store/port';

/**
 * The stored id of the reference to a Teams conversation: derived from the conversation id, so two captures of the
 * same conversation (a retried install event, two instances) name the same record and cannot make two.
 */
export function conversationRefId(conversationId: string): string {
  return `conv-${createHash('sha256').update(baseConversationId(conversationId)).digest('hex').slice(0, 24)}`;
}

/** A message in a channel thread names the thread (";messageid=..."); the channel itself is the part before. */
export const baseConversationId = (conversationId: string): string => conversationId.split(';')[0]!;

/** The active channels that receive new-referral cards, decisions and the overdue digest. */
export async function partnershipChannels(tx: Tx): Promise<ConversationRef[]> {
  const flagged = await tx.find('conversations', { where: [{ field: 'isPartnershipChannel', op: 'eq', value: true }] });
  return flagged.filter((c) => c.active && c.conversationType === 'channel').sort(byCapture);
}

/** A member's active personal chats with the bot (normally one). */
export async function personalChatsOf(tx: Tx, memberId: string): Promise<ConversationRef[]> {
  const refs = await tx.find('conversations', { where: [{ field: 'memberId', op: 'eq', value: memberId }] });
  return refs.filter((c) => c.active && c.conversationType === 'personal').sort(byCapture);
}

/** The member's most recently captured active personal chat, if they have one. */
export async function personalChatFor(tx: Tx, memberId: string): Promise<ConversationRef | undefined> {
  const chats = await personalChatsOf(tx, memberId);
  return chats[chats.length - 1];
}

const byCapture = (a: ConversationRef, b: ConversationRef) =>
  a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
