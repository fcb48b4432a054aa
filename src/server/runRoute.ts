import type { Express, Request, RequestHandler } from 'express';
import { execute } from '../kernel/command';
import type { Config } from '../config';
import { ValidationError } from '../domain/errors';
import { runQuery } from '../kernel/query';
import type { Store } from '../store/port';
import { UnsupportedMediaTypeError } from './httpErrors';
import { contextOf } from './requestContext';
import type { FileAnswer, RouteSpec } from './routeTable';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A request with a body must say it is JSON; one without a body (no length, no chunks) is read as {}. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const length = req.get('content-length');
  const hasBody = req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
  if (hasBody && !req.is('application/json')) {
    return next(new UnsupportedMediaTypeError('Send the request body as JSON, with Content-Type: application/json.'));
  }
  next();
};

/** The raw input of a route: the body (POST) or query string (GET), with the path parameters merged over it. */
export function inputOf(spec: RouteSpec, req: Request): Record<string, unknown> {
  const source: unknown = spec.method === 'get' ? req.query : (req.body ?? {});
  if (!isPlainObject(source)) throw new ValidationError([{ field: '', message: 'The request body must be a JSON object.' }]);
  const input: Record<string, unknown> = { ...source };
  for (const [param, field] of Object.entries(spec.params ?? {})) input[field] = req.params[param];
  return input;
}

async function run(spec: RouteSpec, req: Request, res: Parameters<RequestHandler>[1], deps: { config: Config; store: Store }): Promise<unknown> {
  const input = inputOf(spec, req);
  const op = spec.operation;
  switch (op.kind) {
    case 'command':
      return execute(op.command, contextOf(res), input);
    case 'query':
      return runQuery(op.query, contextOf(res), input);
    case 'queryBy': {
      const { [op.param]: given, ...rest } = input;
      const chosen = given === undefined || given === '' ? op.fallback : given;
      const selected = typeof chosen === 'string' && Object.hasOwn(op.queries, chosen) ? op.queries[chosen] : undefined;
      if (!selected) throw new ValidationError([{ field: op.param, message: `must be one of ${Object.keys(op.queries).join(', ')}` }]);
      return runQuery(selected, contextOf(res), rest);
    }
    case 'handler':
      return op.run({ ctx: spec.public ? undefined : contextOf(res), input, deps });
  }
}

/** Registers each route directly on the app (full paths), so the router stack lists exactly the API. */
export function registerRoutes(
  app: Express,
  routes: readonly RouteSpec[],
  deps: { config: Config; store: Store },
  signIn: RequestHandler,
): void {
  for (const spec of routes) {
    const before: RequestHandler[] = [];
    if (spec.method !== 'get') before.push(requireJson);
    if (!spec.public) before.push(signIn);
    app[spec.method](spec.path, ...before, async (req, res) => {
      const result = await run(spec, req, res, deps);
      if (spec.produces) {
        const file = result as FileAnswer;
        res.status(spec.status ?? 200).type(file.contentType).attachment(file.fileName).send(Buffer.from(file.content));
        return;
      }
      res.status(spec.status ?? 200).json(result ?? null);
    });
  }
}
