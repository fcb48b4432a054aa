import { z } from 'zod';
import type { ConversationRef } from '../domain/records';
import {
  type BotConnector, ConnectorError, type OutgoingActivity, parseRetryAfter, type SendOptions, type SentActivity,
} from './connector';

export interface HttpConnectorOptions {
  /**
   * A bearer token for the Bot Connector service. Production passes the adapter's provider, e.g.
   * `() => new MsalTokenProvider(authConfig).getAccessToken('https://api.botframework.com')` (@microsoft/agents-hosting;
   * it caches tokens); local mode (Agents Playground) passes none.
   */
  getToken?: () => Promise<string>;
  /** The bot's app id, named as the sender when a new channel thread is created. */
  botId?: string;
  /** Lookup of earlier sends by delivery key (see BotConnector.findSent); the service itself offers none. */
  findSent?: BotConnector['findSent'];
  fetch?: typeof fetch;
  timeoutMs?: number;
  userAgent?: string;
  now?: () => Date;
}

const resourceResponse = z.object({ id: z.string().min(1) });
const conversationResourceResponse = z.object({ id: z.string().min(1), activityId: z.string().min(1).optional() });
const errorBody = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The Bot Framework Connector REST API (v3), just the calls proactive cards need. The service URL comes from the
 * stored conversation reference; it must be https, except on loopback (the Playground and the test fake), so a
 * tampered reference cannot make the bot send its token in clear text.
 */
export class HttpBotConnector implements BotConnector {
  readonly findSent?: BotConnector['findSent'];
  private readonly fetchFn: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: HttpConnectorOptions = {}) {
    this.fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    if (options.findSent) this.findSent = options.findSent;
  }

  async send(ref: ConversationRef, activity: OutgoingActivity, options: SendOptions = {}): Promise<SentActivity> {
    if (options.newThread) {
      // A new thread in a channel is a new conversation whose first activity is the card; replies go to its id.
      const channelId = ref.channelId ?? ref.conversationId.split(';')[0]!;
      const body = {
        isGroup: true,
        channelData: { channel: { id: channelId }, ...(ref.tenantId ? { tenant: { id: ref.tenantId } } : {}) },
        ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
        ...(this.options.botId ? { bot: { id: this.options.botId } } : {}),
        activity,
      };
      const answer = readAnswer(conversationResourceResponse, await this.call(ref, 'POST', 'v3/conversations', body, options.deliveryKey));
      // Teams names the thread's root message in the conversation id (";messageid=<activity id>").
      const activityId = answer.activityId ?? /;messageid=(\d+)/.exec(answer.id)?.[1] ?? answer.id;
      return { activityId, conversationId: answer.id };
    }
    const path = `v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`;
    const body = { ...activity, conversation: { id: ref.conversationId } };
    const answer = readAnswer(resourceResponse, await this.call(ref, 'POST', path, body, options.deliveryKey));
    return { activityId: answer.id, conversationId: ref.conversationId };
  }

  async update(ref: ConversationRef, activityId: string, activity: OutgoingActivity, conversationId = ref.conversationId): Promise<void> {
    const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`;
    await this.call(ref, 'PUT', path, { ...activity, id: activityId, conversation: { id: conversationId } });
  }

  private baseUrl(ref: ConversationRef): string {
    let url: URL;
    try {
      url = new URL(ref.serviceUrl);
    } catch {
      throw new ConnectorError(400, 'The conversation reference has no valid service URL.');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw new ConnectorError(400, 'The conversation reference names a service URL that is neither https nor loopback.');
    }
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  }

  private async call(ref: ConversationRef, method: 'POST' | 'PUT', path: string, body: unknown, deliveryKey?: string): Promise<unknown> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': this.options.userAgent ?? 'RiskPanel/0.1',
    };
    if (this.options.getToken) headers.Authorization = `Bearer ${await this.options.getToken()}`;
    // Ignored by the service; lets a fake or a proxy log tie requests to outbox deliveries.
    if (deliveryKey) headers['X-RiskPanel-Delivery-Key'] = deliveryKey;
    let response: Response;
    try {
      response = await this.fetchFn(this.baseUrl(ref) + path, {
        method,
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      if (err instanceof ConnectorError) throw err;
      // No answer: the request may or may not have been carried out (status 0 = in doubt).
      throw new ConnectorError(0, `No answer from the Bot Connector service (${(err as Error).name}).`);
    }
    const text = await response.text();
    if (!response.ok) {
      const parsed = errorBody.safeParse(safeJson(text));
      const code = parsed.success ? parsed.data.error.code : undefined;
      const message = parsed.success && parsed.data.error.message ? parsed.data.error.message : response.statusText;
      throw new ConnectorError(
        response.status,
        `Bot Connector answered ${response.status}${code ? ` ${code}` : ''}: ${message}`.slice(0, 300),
        code,
        parseRetryAfter(response.headers.get('retry-after'), this.now()),
      );
    }
    return text ? safeJson(text) : {};
  }
}

/** A success without an id cannot be confirmed: the card may be posted, so the outcome is in doubt (status 0). */
function readAnswer<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ConnectorError(0, 'The Bot Connector service answered without an activity id.');
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
