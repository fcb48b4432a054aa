import { AppError } from '../domain/errors';

// Errors that belong to HTTP itself (not to the domain), so the one error middleware maps them like any AppError.

export class MalformedBodyError extends AppError {
  readonly status = 400;
  readonly title = 'Invalid input';
}

export class RouteNotFoundError extends AppError {
  readonly status = 404;
  readonly title = 'Not found';
}

export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly title = 'Method not allowed';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly title = 'Request too large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly title = 'Unsupported content type';
}
