import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { type AuthDeps, authenticate } from '../auth/authenticate';
import { makeContext } from '../kernel/context';
import { UnauthenticatedError } from '../domain/errors';
import { correlationIdOf } from './requestContext';

export interface IdentityDeps extends AuthDeps {
  refPrefix: string;
  now: () => Date;
}

/**
 * Establishes who is calling from the Authorization header (never from the body) and builds the Context the
 * commands and queries run with. Routes read it with contextOf(res).
 */
export function identity(deps: IdentityDeps): RequestHandler {
  return async (req, res, next) => {
    try {
      const actor = await authenticate(deps, req.get('authorization'));
      res.locals.ctx = makeContext({
        store: deps.store,
        actor,
        now: deps.now,
        refPrefix: deps.refPrefix,
        // The correlationId middleware always runs first; the fallback only guards a mis-ordered app.
        correlationId: correlationIdOf(res) ?? randomUUID(),
      });
      next();
    } catch (err) {
      if (err instanceof UnauthenticatedError) res.setHeader('WWW-Authenticate', deps.config.mode === 'local' ? 'Dev, Bearer' : 'Bearer');
      next(err);
    }
  };
}
