import { backoffDelay } from './backoff';
import { type SseMessage, SseParser } from './sseParser';

export type StreamStatus =
  | { state: 'connecting' }
  | { state: 'live' }
  /** The connection dropped; the next attempt starts in `inMs`. */
  | { state: 'reconnecting'; attempt: number; inMs: number }
  /** Refused for good (signed out, not allowed, no such meeting): retrying would not help. */
  | { state: 'failed'; message: string };

export interface EventStreamOptions {
  url: string;
  /** The same credentials every API call sends; asked again on each attempt, so a renewed token is used. */
  headers: () => Promise<Record<string, string>>;
  onMessage: (message: SseMessage) => void;
  onStatus: (status: StreamStatus) => void;
  /**
   * Nothing at all (not even the server's heartbeat comment) for this long means the connection is dead even if the
   * socket says otherwise (a sleeping laptop, a proxy that holds it open): drop it and reconnect.
   */
  idleMs?: number;
  delay?: (attempt: number) => number;
  fetchImpl?: typeof fetch;
}

export interface EventStream {
  close(): void;
  /** Drop the current connection and reconnect now (a "Reconnect now" button, or a test). */
  reconnect(): void;
}

/** Answers that will not change by retrying: stop and say so. */
const FINAL = new Set([400, 401, 403, 404, 410]);

/**
 * Follows a Server-Sent Events stream with fetch (so it carries the Authorization header), reconnecting with backoff
 * and jitter whenever the connection ends or fails, and sending `Last-Event-ID` so the server can resume; the server
 * also sends the meeting's whole state on every (re)connection, so a client that missed events catches up at once.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const { url, headers, onMessage, onStatus, idleMs = 45_000, delay = (n: number) => backoffDelay(n), fetchImpl = fetch } = options;
  let closed = false;
  let current: AbortController | undefined;
  let wake: (() => void) | undefined;
  let lastId: string | undefined;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  /** 'dropped' after a live stream ended, 'failed' when it never got that far, 'final' when refused for good. */
  async function connectOnce(): Promise<'dropped' | 'failed' | 'final'> {
    const controller = new AbortController();
    current = controller;
    let idle: ReturnType<typeof setTimeout> | undefined;
    let live = false;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), idleMs);
    };
    try {
      const sent = { ...(await headers()), Accept: 'text/event-stream', ...(lastId !== undefined ? { 'Last-Event-ID': lastId } : {}) };
      touch();
      const response = await fetchImpl(url, { headers: sent, signal: controller.signal, cache: 'no-store' });
      if (!response.ok) {
        if (FINAL.has(response.status)) {
          onStatus({ state: 'failed', message: await refusal(response) });
          return 'final';
        }
        return 'failed';
      }
      if (!response.body) return 'failed';
      live = true;
      onStatus({ state: 'live' });
      const reader = response.body.getReader();
      // Closing or the idle watchdog ends the read at once, whatever the body's source does with the abort.
      controller.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
      const decoder = new TextDecoder();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        touch();
        for (const message of parser.push(decoder.decode(value, { stream: true }))) {
          if (message.id !== undefined) lastId = message.id;
          onMessage(message);
        }
      }
      return 'dropped';
    } catch {
      return live ? 'dropped' : 'failed';
    } finally {
      clearTimeout(idle);
      controller.abort();
    }
  }

  void (async () => {
    onStatus({ state: 'connecting' });
    let attempt = 0;
    while (!closed) {
      const outcome = await connectOnce();
      if (closed || outcome === 'final') return;
      // A stream that was live starts the backoff again from the bottom; repeated failures wait longer each time.
      attempt = outcome === 'dropped' ? 1 : attempt + 1;
      const inMs = delay(attempt);
      onStatus({ state: 'reconnecting', attempt, inMs });
      await wait(inMs);
    }
  })();

  return {
    close() {
      closed = true;
      current?.abort();
      wake?.();
    },
    reconnect() {
      current?.abort();
      wake?.();
    },
  };
}

async function refusal(response: Response): Promise<string> {
  try {
    const body = JSON.parse(await response.text()) as { detail?: unknown; title?: unknown };
    if (typeof body.detail === 'string') return body.detail;
    if (typeof body.title === 'string') return body.title;
  } catch {
    // Not problem+json: the status says enough.
  }
  return response.status === 401 ? 'You are no longer signed in. Reload the page.' : `The meeting's live updates were refused (${response.status}).`;
}
