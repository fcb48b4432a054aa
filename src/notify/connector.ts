import type { ConversationRef } from '../domain/records';

/**
 * An activity as sent on the wire: plain JSON (a message with text and/or Adaptive Card attachments). Kept free of
 * the SDK's Activity class so card builders and tests produce plain objects.
 */
export interface OutgoingActivity {
  type: 'message';
  text?: string;
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
  channelData?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface SendOptions {
  /** Deterministic key of this card to this conversation; passed on so a connector that can look sends up may. */
  deliveryKey?: string;
  /** Start a new thread in the channel (create conversation) instead of posting into ref.conversationId. */
  newThread?: boolean;
}

export interface SentActivity {
  activityId: string;
  /** Where the activity lives; differs from ref.conversationId when a new thread was started. */
  conversationId: string;
}

/** The narrow port the sender needs from the Bot Framework Connector service. */
export interface BotConnector {
  send(ref: ConversationRef, activity: OutgoingActivity, options?: SendOptions): Promise<SentActivity>;
  /** Replaces a posted card in place (everyone sees the new one). `conversationId` defaults to ref.conversationId. */
  update(ref: ConversationRef, activityId: string, activity: OutgoingActivity, conversationId?: string): Promise<void>;
  /**
   * Whether a send with this delivery key already reached the service, when the connector can tell. The sender
   * asks before re-sending a card whose outcome is unknown (crash or lost response); without it, it re-sends.
   */
  findSent?(ref: ConversationRef, deliveryKey: string): Promise<SentActivity | null>;
}

/**
 * A failed connector call. `status` is the HTTP status (0 when no answer came back); `retryAfterMs` comes from the
 * Retry-After header; `code` is the service's error code (e.g. BotNotInConversationRoster).
 */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Teams asks for 429, 412, 502 and 504 to be retried with backoff; no answer at all is retried too. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 412 || this.status === 502 || this.status === 504;
  }

  /**
   * The request may have been carried out although it failed: no answer, or a gateway that gave up waiting.
   * Such a send must be looked up (when possible) before it is repeated.
   */
  get inDoubt(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 504;
  }

  /** The app was removed, the user blocked it, or the conversation is gone: retrying never helps. */
  get conversationLost(): boolean {
    return this.status === 403 || (this.status === 404 && this.code === 'ConversationNotFound');
  }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
