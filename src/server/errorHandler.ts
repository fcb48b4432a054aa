import type { ErrorRequestHandler } from 'express';
import { ConsentRequiredError } from '../auth/consentRequiredError';
import { AppError, ValidationError } from '../domain/errors';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from './httpErrors';
import { problemOf, sendProblem } from './problem';
import { log } from '../log';

/** body-parser's own errors carry a `type`; turn them into ours so the client gets a message it can act on. */
function fromBodyParser(err: unknown): AppError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return new MalformedBodyError('The request body is not valid JSON (it must be a JSON object).');
    case 'entity.too.large':
      return new PayloadTooLargeError('The request body is larger than the 100 kB this API accepts.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('Send the request body as UTF-8 JSON (Content-Type: application/json).');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new MalformedBodyError('The request body could not be read.');
    default:
      return undefined;
  }
}

/**
 * The one error middleware: AppErrors become problem+json with their status and message; anything else is a 500
 * with a generic message. The log line names the route and the error (its stack names code, not data) but never
 * the body, query string, headers or the error's message, which may hold personal data. The correlation id comes
 * from the request's log scope (requestContext).
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const known = err instanceof AppError ? err : fromBodyParser(err);
  if (known) {
    const errors = known instanceof ValidationError ? known.problems : undefined;
    const problem = problemOf(known.status, known.title, known.message, errors);
    if (known instanceof ConsentRequiredError) Object.assign(problem, { consentRequired: true, ...(known.claims ? { claims: known.claims } : {}) });
    return sendProblem(res, problem);
  }
  const errorName = err instanceof Error ? err.name : typeof err;
  const stack = err instanceof Error && err.stack ? stackFrames(err.stack) : undefined;
  log.error({ method: req.method, route: routeOf(req), status: 500, errorName, stack }, 'request failed');
  sendProblem(
    res,
    problemOf(500, 'Something went wrong', 'The server could not complete the request. Try again, and tell your coordinator if it keeps happening.'),
  );
};

/** The route pattern (e.g. /api/cases/:id) rather than the path, whose ids are fine but whose shape varies. */
function routeOf(req: Parameters<ErrorRequestHandler>[1]): string {
  const route = (req as { route?: { path?: unknown } }).route?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : req.path;
}

/** The stack's frames only: its first line repeats the message, which may quote personal data. */
const stackFrames = (stack: string): string => stack.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
