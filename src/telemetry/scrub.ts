import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Keeps personal data out of every span before it is exported. The HTTP instrumentation records full URLs (a case
 * reference in /api/cases/by-ref/CASPA-2026-0014, an email in a Graph $filter) and the caller's address; here:
 * - incoming requests keep the route template (`http.route`, set by the route-template middleware) as their path;
 * - outgoing calls (Graph, the Bot Connector) keep their host and a path whose ids are replaced by {id};
 * - query strings go; client addresses become 0.0.0.0 (as Application Insights masks them itself).
 * It runs in onEnding, while the span can still be written, so no exporter ever sees the raw values.
 */
export class ScrubPersonalData implements SpanProcessor {
  onStart(_span: Span, _parentContext: Context): void {}

  onEnding(span: Span): void {
    const attrs = span.attributes;
    const route = typeof attrs['http.route'] === 'string' ? attrs['http.route'] : undefined;
    for (const key of URL_KEYS) {
      const value = attrs[key];
      if (typeof value === 'string') span.setAttribute(key, scrubUrl(value, route));
    }
    for (const key of PATH_KEYS) {
      const value = attrs[key];
      if (typeof value === 'string') span.setAttribute(key, route ?? templatePath(value.split('?')[0]!));
    }
    for (const key of QUERY_KEYS) if (attrs[key] !== undefined) span.setAttribute(key, '');
    for (const key of ADDRESS_KEYS) if (attrs[key] !== undefined) span.setAttribute(key, '0.0.0.0');
  }

  onEnd(_span: ReadableSpan): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const URL_KEYS = ['url.full', 'http.url'];
const PATH_KEYS = ['url.path', 'http.target'];
const QUERY_KEYS = ['url.query'];
/** The caller's address on incoming requests (old and new semantic conventions). */
const ADDRESS_KEYS = ['client.address', 'http.client_ip', 'net.peer.ip', 'net.sock.peer.addr', 'network.peer.address'];

/** An API word (sites, lists, items, $batch, v3, by-ref) stays; anything else in a path (an id, a reference) is {id}. */
const WORD = /^(v\d+(\.\d+)?|\$?[a-z][a-zA-Z-]{0,29})$/;

export function templatePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '' || WORD.test(segment) ? segment : '{id}'))
    .join('/');
}

export function scrubUrl(raw: string, route?: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${route ?? templatePath(url.pathname)}`;
  } catch {
    // Not absolute: a path.
    return route ?? templatePath(raw.split('?')[0]!);
  }
}
