import type { ConversationRef, OutboxMessage } from '../domain/records';
import type { NotificationPayload } from '../kernel/notifications';
import type { Tx } from '../store/port';
import type { OutgoingActivity } from './connector';

/** One card for one conversation, as the renderer wants it delivered. */
export interface DeliveryTarget {
  /** A stored conversation reference (kind 'conversations'); its id names the delivery. */
  ref: ConversationRef;
  activity: OutgoingActivity;
  /** In a channel: start a new thread with this card (create conversation) instead of posting into the conversation. */
  newThread?: boolean;
  /** Replace an earlier card in place (PUT) instead of posting a new one; updates are safe to repeat. */
  replaces?: { activityId: string; conversationId?: string };
}

/**
 * Turns an outbox row into cards, reading the current records through `tx` (read only: write nothing through it;
 * the sender does the row's bookkeeping). Contract:
 * - return one target per conversation the card goes to (at most one per ref, unless the same conversation really
 *   gets two cards); only reference and initials on shared surfaces; a ref that is inactive by the time it is sent
 *   fails that delivery without a request (the row then shows why);
 * - return [] when there is nothing to post any more (e.g. the action was completed before its reminder): the row
 *   is marked sent with no deliveries;
 * - return null when the kind is not one this renderer knows or the record it is about is gone: the row is marked
 *   failed ("not rendered") and is not retried;
 * - throwing marks the row failed with the error's message, so a broken row never blocks the ones behind it.
 * Rendering happens again on each run that still has something to deliver, so cards show the current state.
 */
export type Render = (message: OutboxMessage, tx: Tx) => Promise<DeliveryTarget[] | null>;

/** The row the sender queues for the coordinators when the app has lost a conversation (403 / removed). */
export const CONVERSATION_LOST = 'conversationLost' as const;

/** Payload of a 'conversationLost' row (declared in the registry, src/kernel/notifications.ts). */
export type ConversationLostPayload = NotificationPayload<'conversationLost'>;
