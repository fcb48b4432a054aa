import { type Client, GraphError, ResponseType } from '@microsoft/microsoft-graph-client';
import { GraphRequestError, ResponseLostError, StoreUnavailableError } from './errors';
import { DEFAULT_RETRY, type RetryPolicy, retryDelayMs } from './graphClient';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export interface GraphCall {
  method: Method;
  /** Relative to https://graph.microsoft.com/v1.0 (e.g. `/sites/...`), or an absolute `@odata.nextLink`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}
export interface GraphReply {
  status: number;
  headers: Record<string, string>;
  // Graph's JSON, checked where it is used.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';
export const MAX_BATCH = 20;

export const isThrottle = (status: number) => status === 429 || status === 503;

/** Throws the error a person can act on, or a GraphRequestError for anything unexpected. */
export function failOn(reply: GraphReply, call: GraphCall): never {
  const code = String(reply.body?.error?.code ?? 'unknown');
  const message = String(reply.body?.error?.message ?? '');
  if (isThrottle(reply.status) || reply.status === 504) {
    throw new StoreUnavailableError('SharePoint is busy right now. Nothing was lost; please try again in a minute.');
  }
  if (reply.status === 401 || reply.status === 403) {
    throw new StoreUnavailableError(
      'RiskPanel is not allowed into the partnership SharePoint site. An administrator must grant the app Sites.Selected on the site (see docs/sharepoint.md).',
    );
  }
  throw new GraphRequestError(reply.status, code, message, `${call.method} ${call.url.split('?')[0]}`);
}

/**
 * Sends Graph requests through the client's middleware chain (auth, retry, telemetry, user agent, fetch) and
 * unpacks $batch. The retry middleware only sees the batch envelope, so throttled requests inside a batch
 * (each is throttled on its own) are resent here after their Retry-After.
 */
export class GraphHttp {
  readonly counts = { requests: 0, batches: 0, batchedCalls: 0, innerRetries: 0 };

  constructor(private readonly client: Client, private readonly retry: RetryPolicy = DEFAULT_RETRY) {}

  async send(call: GraphCall): Promise<GraphReply> {
    this.counts.requests++;
    let req = this.client.api(call.url).responseType(ResponseType.RAW);
    if (call.headers) req = req.headers(call.headers);
    let raw: Response;
    try {
      switch (call.method) {
        case 'GET':
          raw = await req.get();
          break;
        case 'POST':
          raw = await req.post(call.body ?? {});
          break;
        case 'PATCH':
          raw = await req.patch(call.body ?? {});
          break;
        case 'DELETE':
          raw = await req.delete();
          break;
      }
    } catch (err) {
      if (err instanceof ResponseLostError) throw err;
      if (err instanceof GraphError && err.code === 'ResponseLostError') throw new ResponseLostError(call.method, call.url, err);
      throw err;
    }
    const text = await raw.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const headers: Record<string, string> = {};
    raw.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
    return { status: raw.status, headers, body };
  }

  /** Up to 20 calls in one $batch; replies in the same order. Inner 429/503 (and 504 for reads) are retried. */
  async batch(calls: GraphCall[]): Promise<GraphReply[]> {
    if (calls.length > MAX_BATCH) throw new Error(`A $batch holds at most ${MAX_BATCH} requests`);
    const replies: (GraphReply | undefined)[] = new Array(calls.length);
    let pending = calls.map((_, i) => i);
    for (let attempt = 0; pending.length; attempt++) {
      this.counts.batches++;
      this.counts.batchedCalls += pending.length;
      const envelope = await this.send({
        method: 'POST',
        url: '/$batch',
        body: {
          requests: pending.map((i) => {
            const c = calls[i]!;
            return {
              id: String(i),
              method: c.method,
              url: c.url.startsWith(GRAPH_ROOT) ? c.url.slice(GRAPH_ROOT.length) : c.url,
              ...(c.body !== undefined ? { body: c.body, headers: { 'Content-Type': 'application/json', ...(c.headers ?? {}) } } : c.headers ? { headers: c.headers } : {}),
            };
          }),
        },
      });
      if (envelope.status !== 200) failOn(envelope, { method: 'POST', url: '/$batch' });
      const retry: number[] = [];
      let wait = 0;
      for (const r of (envelope.body?.responses ?? []) as { id: string; status: number; headers?: Record<string, string>; body?: unknown }[]) {
        const i = Number(r.id);
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
        const reply: GraphReply = { status: r.status, headers, body: r.body };
        const retryable = isThrottle(r.status) || (r.status === 504 && calls[i]!.method === 'GET');
        if (retryable && attempt < this.retry.maxRetries) {
          retry.push(i);
          wait = Math.max(wait, retryDelayMs(headers['retry-after'], attempt, this.retry.maxDelayMs));
        } else {
          replies[i] = reply;
        }
      }
      for (const i of pending) if (!replies[i] && !retry.includes(i)) replies[i] = { status: 502, headers: {}, body: { error: { code: 'missingResponse', message: 'No response in the batch' } } };
      pending = retry;
      if (pending.length) {
        this.counts.innerRetries += pending.length;
        await this.retry.sleep(wait);
      }
    }
    return replies as GraphReply[];
  }
}

interface Pending {
  call: GraphCall;
  resolve: (r: GraphReply) => void;
  reject: (e: unknown) => void;
  /** How many batches carrying this read were lost already. */
  lost: number;
}

const MAX_LOST_BATCHES = 5;

/**
 * Gathers the calls made in the same turn of the event loop (e.g. the reads behind `Promise.all` for a case page,
 * or the writes of a panel's minutes) and sends them together: one call goes alone, more go as $batch of 20.
 * A lost batch is resent for its reads; its writes are reported lost to their callers, who settle them.
 */
export class Coalescer {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly http: GraphHttp, private readonly maxConcurrentBatches = 4) {}

  submit(call: GraphCall, lost = 0): Promise<GraphReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ call, resolve, reject, lost });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.scheduled = false;
    if (queue.length === 1) {
      const p = queue[0]!;
      this.http.send(p.call).then(p.resolve, p.reject);
      return;
    }
    const chunks: Pending[][] = [];
    for (let i = 0; i < queue.length; i += MAX_BATCH) chunks.push(queue.slice(i, i + MAX_BATCH));
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        try {
          const replies = await this.http.batch(chunk.map((p) => p.call));
          chunk.forEach((p, i) => p.resolve(replies[i]!));
        } catch (err) {
          for (const p of chunk) {
            if (err instanceof ResponseLostError && p.call.method === 'GET' && p.lost < MAX_LOST_BATCHES) this.submit(p.call, p.lost + 1).then(p.resolve, p.reject);
            else p.reject(err instanceof ResponseLostError ? new ResponseLostError(p.call.method, p.call.url, err) : err);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.maxConcurrentBatches, chunks.length) }, worker));
  }
}
