import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { type AuthDeps, authenticate } from '../auth/authenticate';
import { makeContext } from '../kernel/context';
import type { RetentionSchedule } from '../domain/retention';
import { UnauthenticatedError } from '../domain/errors';
import { correlationIdOf } from './requestContext';
import { SignInAudit } from '../kernel/signInAudit';

export interface IdentityDeps extends AuthDeps {
  refPrefix: string;
  now: () => Date;
  retention?: RetentionSchedule;
}

/**
 * Establishes who is calling from the Authorization header (never from the body) and builds the Context the
 * commands and queries run with. Routes read it with contextOf(res).
 */
export function identity(deps: IdentityDeps): RequestHandler {
  const signIns = new SignInAudit();
  return async (req, res, next) => {
    try {
      const actor = await authenticate(deps, req.get('authorization'));
      const ctx = makeContext({
        store: deps.store,
        actor,
        now: deps.now,
        refPrefix: deps.refPrefix,
        ...(deps.retention ? { retention: deps.retention } : {}),
        // The correlationId middleware always runs first; the fallback only guards a mis-ordered app.
        correlationId: correlationIdOf(res) ?? randomUUID(),
      });
      // The tab signs in by asking who it is (GET /api/me): audited once per session (src/kernel/signInAudit.ts).
      if (req.method === 'GET' && req.path === '/api/me') await signIns.record(ctx, req.get('authorization') ?? '');
      res.locals.ctx = ctx;
      next();
    } catch (err) {
      if (err instanceof UnauthenticatedError) res.setHeader('WWW-Authenticate', deps.config.mode === 'local' ? 'Dev, Bearer' : 'Bearer');
      next(err);
    }
  };
}
