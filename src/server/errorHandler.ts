import type { ErrorRequestHandler } from 'express';
import { ConsentRequiredError } from '../auth/consentRequiredError';
import { AppError, ValidationError } from '../domain/errors';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from './httpErrors';
import { problemOf, sendProblem } from './problem';
import { correlationIdOf } from './requestContext';

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
 * with a generic message. The log line names the request and the error but never the body, query string or
 * headers, which may hold personal data.
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
  const name = err instanceof Error ? err.name : typeof err;
  const stack = err instanceof Error && err.stack ? `\n${err.stack}` : '';
  console.error(`[riskpanel] 500 ${req.method} ${req.path} correlation=${correlationIdOf(res) ?? '-'} ${name}${stack}`);
  sendProblem(
    res,
    problemOf(500, 'Something went wrong', 'The server could not complete the request. Try again, and tell your coordinator if it keeps happening.'),
  );
};
