import { AuthenticationHandler, Client, type Context, type Middleware, TelemetryHandler } from '@microsoft/microsoft-graph-client';
import { ResponseLostError } from './errors';
import type { TokenProvider } from './tokenProvider';

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Attempts after the first for a throttled (429/503) or, for reads, failed request. */
  maxRetries: number;
  /** Injected so tests run without waiting; production sleeps for real. */
  sleep: (ms: number) => Promise<void>;
  /** Upper bound on one wait, whatever Retry-After says. */
  maxDelayMs: number;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 6, sleep: realSleep, maxDelayMs: 120_000 };

/** Milliseconds to wait: Retry-After (seconds or an HTTP date) when given, else exponential backoff with jitter. */
export function retryDelayMs(retryAfter: string | null | undefined, attempt: number, maxDelayMs: number): number {
  let ms: number;
  if (retryAfter && /^\d+(\.\d+)?$/.test(retryAfter.trim())) ms = Number(retryAfter) * 1000;
  else if (retryAfter && !Number.isNaN(Date.parse(retryAfter))) ms = Math.max(0, Date.parse(retryAfter) - Date.now());
  else ms = 2 ** attempt * 500 + Math.floor(Math.random() * 250);
  return Math.min(ms, maxDelayMs);
}

function setHeader(ctx: Context, name: string, value: string): void {
  ctx.options = ctx.options ?? {};
  const h = ctx.options.headers;
  if (h instanceof Headers) h.set(name, value);
  else ctx.options.headers = { ...((h as Record<string, string>) ?? {}), [name]: value };
}

const urlOf = (ctx: Context) => (typeof ctx.request === 'string' ? ctx.request : ctx.request.url);

/**
 * Retries 429 and 503 (any method: Graph did not act on a throttled request) and 504 for reads, honouring
 * Retry-After. A dropped connection is retried for reads; for a write it becomes ResponseLostError, because the
 * write may have taken effect and only the adapter knows how to check (the library's RetryHandler would resend it).
 */
export class RetryAfterHandler implements Middleware {
  private next?: Middleware;
  constructor(private readonly policy: RetryPolicy, private readonly onRetry?: (status: number | 'lost', delayMs: number) => void) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(ctx: Context): Promise<void> {
    const method = (ctx.options?.method ?? 'GET').toUpperCase();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.next!.execute(ctx);
      } catch (err) {
        if (method === 'GET' && attempt < this.policy.maxRetries) {
          const delay = retryDelayMs(undefined, attempt, this.policy.maxDelayMs);
          this.onRetry?.('lost', delay);
          await this.policy.sleep(delay);
          continue;
        }
        throw new ResponseLostError(method, urlOf(ctx), err);
      }
      const res = ctx.response!;
      if (res.status === 504 && method !== 'GET') throw new ResponseLostError(method, urlOf(ctx), 'gateway timeout');
      const retryable = res.status === 429 || res.status === 503 || res.status === 504;
      if (!retryable || attempt >= this.policy.maxRetries) return;
      const delay = retryDelayMs(res.headers.get('Retry-After'), attempt, this.policy.maxDelayMs);
      await res.arrayBuffer().catch(() => undefined);
      this.onRetry?.(res.status, delay);
      await this.policy.sleep(delay);
      setHeader(ctx, 'Retry-Attempt', String(attempt + 1));
    }
  }
}

/** Names the app to SharePoint, which throttles unnamed traffic harder: `NONISV|<organisation>|RiskPanel/<version>`. */
export class UserAgentHandler implements Middleware {
  private next?: Middleware;
  constructor(private readonly userAgent: string) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(ctx: Context): Promise<void> {
    setHeader(ctx, 'User-Agent', this.userAgent);
    await this.next!.execute(ctx);
  }
}

/** The terminal middleware: sends with the given fetch (global fetch in production, the Graph fake in tests). */
export class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}
  async execute(ctx: Context): Promise<void> {
    ctx.response = await this.fetchImpl(ctx.request, ctx.options as RequestInit);
  }
}

export interface GraphClientOptions {
  tokens: TokenProvider;
  scope: string;
  userAgent: string;
  fetch?: FetchLike;
  retry?: RetryPolicy;
  /** Hosts other than graph.microsoft.com that get the bearer token (the SharePoint site host for REST calls). */
  customHosts?: string[];
  onRetry?: (status: number | 'lost', delayMs: number) => void;
}

/**
 * The Graph client with an explicit middleware chain. The base URL stays https://graph.microsoft.com/v1.0 in tests
 * too: the authentication handler only adds the bearer for Graph (or listed custom) hosts over https, so pointing
 * the client at an http:// fake would silently test an unauthenticated path. The fake is swapped in as `fetch`.
 */
export function createGraphClient(opts: GraphClientOptions): Client {
  const auth = new AuthenticationHandler({ getAccessToken: () => opts.tokens.getToken(opts.scope) });
  const middleware: Middleware[] = [
    auth,
    new RetryAfterHandler(opts.retry ?? DEFAULT_RETRY, opts.onRetry),
    new TelemetryHandler(),
    new UserAgentHandler(opts.userAgent),
    new FetchHandler(opts.fetch ?? ((input, init) => fetch(input, init))),
  ];
  return Client.initWithMiddleware({
    middleware,
    defaultVersion: 'v1.0',
    ...(opts.customHosts?.length ? { customHosts: new Set(opts.customHosts) } : {}),
  });
}
