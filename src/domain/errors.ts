/** Errors a person can act on. Hosts map `status` to HTTP codes and card messages; nothing else leaks. */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
}

export interface FieldProblem { field: string; message: string }

export class ValidationError extends AppError {
  readonly status = 400;
  readonly title = 'Invalid input';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '));
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly title = 'Sign-in required';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly title = 'Not permitted';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly title = 'Not found';
}

/** Someone else changed the record since it was read; the caller must reload and retry. */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly title = 'Changed by someone else';
}

export class IllegalTransitionError extends AppError {
  readonly status = 409;
  readonly title = 'Not allowed in the current state';
  constructor(readonly entity: string, readonly from: string, readonly to: string, readonly allowed: readonly string[]) {
    super(
      `${/^[aeiou]/i.test(entity) ? 'An' : 'A'} ${entity} that is ${from.replace(/_/g, ' ')} cannot become ${to.replace(/_/g, ' ')}. ` +
        (allowed.length ? `Allowed next: ${allowed.map((s) => s.replace(/_/g, ' ')).join(', ')}.` : 'It allows no further change.'),
    );
  }
}
