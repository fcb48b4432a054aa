import type { z } from 'zod';
import type { Command } from '../kernel/command';
import type { Context } from '../kernel/context';
import type { Config } from '../config';
import type { ReadQuery } from '../kernel/query';
import type { Store } from '../store/port';

/** What a route runs. Every kind carries the zod schema of its input, which the OpenAPI document is built from. */
export type Operation =
  | { kind: 'command'; command: Command }
  | { kind: 'query'; query: ReadQuery }
  /** One URL, several read models chosen by a query-string value (GET /api/actions?scope=...). */
  | { kind: 'queryBy'; param: string; fallback: string; queries: Record<string, ReadQuery> }
  /** A route served by the host itself (who am I, the persona picker), not by a command or query. */
  | { kind: 'handler'; input: z.ZodType; run: (args: HandlerArgs) => Promise<unknown> };

export interface HandlerArgs {
  /** Undefined only on public routes. */
  ctx: Context | undefined;
  input: unknown;
  deps: { config: Config; store: Store };
}

export interface RouteSpec {
  /** put and patch change part of an existing resource (a draft, a case's plan); both take a JSON body like post. */
  method: 'get' | 'post' | 'put' | 'patch';
  /** Express path; `:name` parameters. */
  path: string;
  /** Stable OpenAPI operationId. */
  operationId: string;
  summary: string;
  /** OpenAPI tag: the area of the API. */
  tag: string;
  operation: Operation;
  /** Path parameter → input field, e.g. { id: 'caseId' }. Merged over the body or query string (the path wins). */
  params?: Record<string, string>;
  /** 201 for routes that create something; 200 otherwise. */
  status?: 200 | 201;
  /** No sign-in needed (the caller may not be anyone yet). */
  public?: boolean;
  /** Extra words for the OpenAPI description. */
  description?: string;
  /** The route answers a file of this type (its operation returns a FileAnswer), not JSON. */
  produces?: string;
}

/** What a route that `produces` a file answers: the body is `content`, offered for saving under `fileName`. */
export interface FileAnswer { fileName: string; contentType: string; content: Uint8Array }

export const command = (c: Command): Operation => ({ kind: 'command', command: c as Command });
export const query = (q: ReadQuery): Operation => ({ kind: 'query', query: q as ReadQuery });
