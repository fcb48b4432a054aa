import { problemSchema } from '../../../src/contract/operations';

export interface FieldProblem { field: string; message: string }

/** The server's own title for a 409 caused by a stale read (ConflictError), as opposed to a refused transition. */
export const CONFLICT_TITLE = 'Changed by someone else';

/** A refused or failed call, with the server's own words when it sent problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly title?: string,
    /** The server needs the user's consent first (problem+json `consentRequired`): not a dead end. */
    readonly consentRequired = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request never got an answer: offline, the server down, or the connection cut. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Someone else changed the record since it was read (and not "not allowed in this state", also a 409). */
  get isConflict(): boolean {
    return this.status === 409 && this.title === CONFLICT_TITLE;
  }
}

/** A response that does not have the shape the tab expects: a bug between server and tab, said plainly. */
export class ShapeError extends Error {
  constructor(path: string) {
    super(`The server's answer for ${path} was not understood. Try again; if it keeps happening, tell the coordinator.`);
    this.name = 'ShapeError';
  }
}

export const NETWORK_MESSAGE = 'The RiskPanel server could not be reached. Check your connection and try again.';

interface Parser<T> { safeParse(data: unknown): { success: true; data: T } | { success: false } }

/** How calls identify the user: a demo persona in local mode, a Teams SSO token in production. */
export type Credentials = { kind: 'dev'; email: string } | { kind: 'bearer'; token: () => Promise<string> } | { kind: 'none' };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

export class ApiClient {
  constructor(private readonly credentials: Credentials) {}

  /** The credentials' headers; public for the meeting's live stream, which reads the API with fetch itself. */
  async headers(): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.credentials.kind === 'dev') headers.Authorization = `Dev ${this.credentials.email}`;
    if (this.credentials.kind === 'bearer') headers.Authorization = `Bearer ${await this.credentials.token()}`;
    return headers;
  }

  get<T>(path: string, schema: Parser<T>, signal?: AbortSignal): Promise<T> {
    return this.send('GET', path, schema, undefined, signal);
  }

  post<T>(path: string, body: unknown, schema: Parser<T>): Promise<T> {
    return this.send('POST', path, schema, body);
  }

  put<T>(path: string, body: unknown, schema: Parser<T>): Promise<T> {
    return this.send('PUT', path, schema, body);
  }

  patch<T>(path: string, body: unknown, schema: Parser<T>): Promise<T> {
    return this.send('PATCH', path, schema, body);
  }

  private async send<T>(method: Method, path: string, schema: Parser<T>, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers = await this.headers();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, NETWORK_MESSAGE);
    }
    // A body cut off half-way is a lost connection too, not a refusal.
    let answer: unknown;
    try {
      const text = await response.text();
      answer = text ? JSON.parse(text) : undefined;
    } catch (error) {
      if (signal?.aborted) throw error;
      if (response.ok) throw new ApiError(0, NETWORK_MESSAGE);
    }
    if (!response.ok) throw toApiError(response.status, answer);
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new ShapeError(path);
    return parsed.data;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const problem = problemSchema.safeParse(body);
  const fallback = status >= 500 ? 'Something went wrong on the server. Try again in a moment.' : `The request was refused (${status}).`;
  if (!problem.success) return new ApiError(status, fallback);
  const message = problem.data.detail ?? problem.data.title ?? fallback;
  return new ApiError(status, message, problem.data.errors ?? [], problem.data.title ?? undefined, problem.data.consentRequired === true);
}

/** A message for any error, in words a person can act on. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
