import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Context } from '../kernel/context';
import { log, withCorrelationId } from '../log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Gives every request a correlation id: the caller's, when it is a UUID (so a retried request is recognised and
 * deduplicated by the audit and outbox keys), else a new one. Anything else a client sends is ignored rather than
 * trusted into keys and logs. The id is echoed so a user can quote it. The rest of the request runs inside
 * withCorrelationId, so every log line written while handling it carries the id without being passed it.
 */
export const correlationId: RequestHandler = (req, res, next) => {
  const given = req.get(CORRELATION_HEADER);
  const id = given && UUID.test(given.trim()) ? given.trim().toLowerCase() : randomUUID();
  res.locals.correlationId = id;
  res.setHeader(CORRELATION_HEADER, id);
  const started = process.hrtime.bigint();
  res.on('finish', () => withCorrelationId(id, () => logRequest(req, res, started)));
  withCorrelationId(id, () => next());
};

/**
 * One line per request: method, route pattern (ids but never the query string, which may hold a searched name),
 * status and duration. Bodies and headers are never logged. Refusals (4xx) at info, failures (5xx) at warn.
 */
function logRequest(req: Request, res: Response, started: bigint): void {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : req.path;
  const ms = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
  const fields = { event: 'http.request', method: req.method, route, status: res.statusCode, ms };
  if (res.statusCode >= 500) log.warn(fields, 'request');
  else log.info(fields, 'request');
}

export const correlationIdOf = (res: Response): string | undefined =>
  typeof res.locals.correlationId === 'string' ? res.locals.correlationId : undefined;

/** The command/query Context the identity middleware built for this request. */
export function contextOf(res: Response): Context {
  const ctx = res.locals.ctx as Context | undefined;
  if (!ctx) throw new Error('No request context: the route is missing the identity middleware');
  return ctx;
}
