import { AppError } from '../../domain/errors';

/**
 * The connection dropped (or a gateway timed out) after a write was sent: it may or may not have taken effect.
 * Reads are simply repeated; writes are settled by the adapter (idempotency key or record id checked first).
 */
export class ResponseLostError extends Error {
  override readonly name = 'ResponseLostError';
  constructor(readonly method: string, readonly url: string, readonly reason?: unknown) {
    super(`No response to ${method} ${url}: the connection was lost`);
  }
}

/** SharePoint cannot be reached or keeps throttling after the retries: the person can try again shortly. */
export class StoreUnavailableError extends AppError {
  readonly status = 503;
  readonly title = 'Records are unavailable';
}

/** Graph answered with an error the adapter does not expect: a configuration or programming problem. */
export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  constructor(readonly status: number, readonly code: string, message: string, readonly request: string) {
    super(`${request} failed with ${status} ${code}: ${message}`);
  }
}

export const CONFLICT_MESSAGE = 'Someone else changed this record after you opened it. Reload it to see their change, then try again.';
