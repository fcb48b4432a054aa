import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldPost {
  path: string;
  deliveryKey?: string;
  body: unknown;
}

/**
 * A Bot Connector stand-in on 127.0.0.1 that holds every post unanswered until the test releases it, so a card can be
 * caught in flight. Answers like the service: a new thread (POST /v3/conversations) gets {id, activityId}.
 */
export class HoldingConnector {
  readonly received: HeldPost[] = [];
  private readonly held: (() => void)[] = [];
  private readonly arrivals: (() => void)[] = [];
  private nextId = 5000;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<HoldingConnector> {
    const connector: HoldingConnector = new HoldingConnector(http.createServer((req, res) => void connector.handle(req, res)));
    await new Promise<void>((resolve) => connector.server.listen(0, '127.0.0.1', resolve));
    return connector;
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Resolves once `n` posts have arrived. */
  arrived(n: number): Promise<void> {
    if (this.received.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.arrivals.push(() => this.received.length >= n && resolve()));
  }

  /** Answers every post held so far. */
  releaseAll(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  close(): Promise<void> {
    this.releaseAll();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { channelData?: { channel?: { id?: string } } }) : {};
    const key = req.headers['x-riskpanel-delivery-key'];
    this.received.push({ path: req.url ?? '', body, ...(typeof key === 'string' ? { deliveryKey: key } : {}) });
    const activityId = String(this.nextId++);
    const channel = body.channelData?.channel?.id ?? 'unknown';
    this.held.push(() => {
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `${channel};messageid=${activityId}`, activityId }));
    });
    for (const notify of [...this.arrivals]) notify();
  }
}
