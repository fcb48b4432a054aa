import { keepConnectionsAlive } from '../../../src/server/keepAlive';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotConnector, OutgoingActivity, SendOptions, SentActivity } from '../../../src/notify/connector';
import type { ConversationRef } from '../../../src/domain/records';

/** What the fake answered one request with, when told to fail it. */
export interface ScriptedFailure {
  status: number;
  retryAfter?: string;
  code?: string;
}

export interface PostedActivity {
  conversationId: string;
  activityId: string;
  activity: OutgoingActivity & { conversation?: { id: string } };
  deliveryKey?: string;
  /** Set when the post created a new channel thread (POST /v3/conversations). */
  channelData?: { channel?: { id?: string } };
}

export interface RequestLog {
  method: string;
  conversationId?: string;
  status: number;
  deliveryKey?: string;
  authorization?: string;
}

/**
 * A Bot Framework Connector stand-in on 127.0.0.1 (random port): the three v3 calls proactive cards use, with
 * activities recorded, scripted failures per conversation (429 + Retry-After, 412, 502, 504), conversations the bot
 * was removed from (403 BotNotInConversationRoster), and a lookup of posts by delivery key.
 */
export class FakeConnector {
  readonly posted: PostedActivity[] = [];
  readonly requests: RequestLog[] = [];
  private readonly scripts = new Map<string, ScriptedFailure[]>();
  private readonly removed = new Set<string>();
  private nextId = 1000;

  private constructor(private readonly server: http.Server, readonly expectedToken?: string) {}

  static async start(options: { token?: string } = {}): Promise<FakeConnector> {
    // The handler runs only after construction, so it may name `fake`.
    const fake: FakeConnector = new FakeConnector(keepConnectionsAlive(http.createServer((req, res) => void fake.handle(req, res))), options.token);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The next requests to the conversation fail like this, in order. */
  failNext(conversationId: string, ...failures: ScriptedFailure[]): void {
    this.scripts.set(conversationId, [...(this.scripts.get(conversationId) ?? []), ...failures]);
  }

  /** The app was removed from the team / chat: every request answers 403 BotNotInConversationRoster. */
  removeBot(conversationId: string): void {
    this.removed.add(conversationId);
  }

  postsTo(conversationId: string): PostedActivity[] {
    return this.posted.filter((p) => p.conversationId === conversationId || p.conversationId.startsWith(`${conversationId};`));
  }

  /** Looks a post up by the delivery key it carried (what BotConnector.findSent promises). */
  findSent = async (_ref: ConversationRef, deliveryKey: string): Promise<SentActivity | null> => {
    const hit = this.posted.find((p) => p.deliveryKey === deliveryKey);
    return hit ? { activityId: hit.activityId, conversationId: hit.conversationId } : null;
  };

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const deliveryKey = req.headers['x-riskpanel-delivery-key'] as string | undefined;
    const authorization = req.headers.authorization;
    const segments = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}, conversationId?: string) => {
      this.requests.push({ method: req.method ?? '', status, ...(conversationId ? { conversationId } : {}), ...(deliveryKey ? { deliveryKey } : {}), ...(authorization ? { authorization } : {}) });
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };

    if (this.expectedToken && authorization !== `Bearer ${this.expectedToken}`) {
      return answer(401, { error: { code: 'Unauthorized', message: 'Authorization has been denied for this request.' } });
    }
    if (segments[0] !== 'v3' || segments[1] !== 'conversations') return answer(404, { error: { code: 'NotFound', message: 'No such route.' } });

    const newThread = req.method === 'POST' && segments.length === 2;
    const conversationId = newThread ? (body as { channelData?: { channel?: { id?: string } } }).channelData?.channel?.id : segments[2];
    if (!conversationId) return answer(400, { error: { code: 'BadArgument', message: 'No conversation.' } });

    // A thread ("<channel>;messageid=<n>") lives in its channel: removal and scripts apply to the channel.
    const base = conversationId.split(';')[0]!;
    if (this.removed.has(base)) {
      return answer(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }, {}, conversationId);
    }
    const script = this.scripts.get(base);
    const failure = script?.shift();
    if (failure) {
      return answer(
        failure.status,
        { error: { code: failure.code ?? `Http${failure.status}`, message: `Scripted ${failure.status}.` } },
        failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {},
        conversationId,
      );
    }

    if (newThread) {
      const activityId = String(this.nextId++);
      const threadId = `${conversationId};messageid=${activityId}`;
      this.posted.push({ conversationId: threadId, activityId, activity: body.activity, channelData: body.channelData, ...(deliveryKey ? { deliveryKey } : {}) });
      return answer(201, { id: threadId, activityId }, {}, conversationId);
    }
    if (req.method === 'POST' && segments[3] === 'activities' && segments.length === 4) {
      const activityId = String(this.nextId++);
      this.posted.push({ conversationId, activityId, activity: body, ...(deliveryKey ? { deliveryKey } : {}) });
      return answer(201, { id: activityId }, {}, conversationId);
    }
    if (req.method === 'PUT' && segments[3] === 'activities' && segments[4]) {
      const existing = this.posted.find((p) => p.activityId === segments[4] && p.conversationId === conversationId);
      if (!existing) return answer(404, { error: { code: 'ActivityNotFound', message: 'Unknown activity.' } }, {}, conversationId);
      existing.activity = body;
      return answer(200, { id: existing.activityId }, {}, conversationId);
    }
    return answer(405, { error: { code: 'MethodNotAllowed', message: 'Not here.' } }, {}, conversationId);
  }
}

/** A crash of the sender: thrown inside processOutbox after the post succeeded and before it was recorded. */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/** Wraps a connector so the process "dies" right after its nth successful send has reached the service. */
export function crashAfterSend(inner: BotConnector, n: number): BotConnector {
  let sends = 0;
  const wrapped: BotConnector = {
    send: async (ref: ConversationRef, activity: OutgoingActivity, options?: SendOptions) => {
      const sent = await inner.send(ref, activity, options);
      if (++sends === n) throw new SimulatedCrash(`crashed after send ${n}`);
      return sent;
    },
    update: (ref, activityId, activity, conversationId) => inner.update(ref, activityId, activity, conversationId),
  };
  if (inner.findSent) wrapped.findSent = inner.findSent.bind(inner);
  return wrapped;
}
