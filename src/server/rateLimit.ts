import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Context } from '../kernel/context';
import { problemOf, sendProblem } from './problem';


export interface RateLimitSettings {
  /** Requests one member may make in one window. */
  limit: number;
  /** The window, in milliseconds (default one minute). */
  windowMs?: number;
}

const memberOf = (res: Response): string | undefined => (res.locals.ctx as Context | undefined)?.actor.member.id;

/**
 * A per-member limit on the API, keyed by the authenticated member (never the address: a whole agency may sit behind
 * one proxy, and one person may roam between addresses). It runs after sign-in, so the identity middleware has put
 * the actor on the request; requests refused at sign-in never count. Over the limit: 429 as problem+json with
 * Retry-After (seconds until the window resets) and the IETF RateLimit headers. The counts are per instance (in
 * memory): with N instances a member may make up to N times the limit, which is still far from abuse.
 */
export function memberRateLimit(settings: RateLimitSettings): RequestHandler {
  const windowMs = settings.windowMs ?? 60_000;
  return rateLimit({
    windowMs,
    limit: settings.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Only signed-in requests reach this; a request without an actor (a mis-ordered app) is not limited rather than
    // lumped under one shared key.
    skip: (_req, res) => memberOf(res) === undefined,
    keyGenerator: (_req, res) => `member:${memberOf(res)}`,
    identifier: 'per-member',
    handler: (_req, res) => {
      const seconds = Math.max(1, Math.ceil(windowMs / 1000));
      // express-rate-limit has already set Retry-After to the seconds left in the window; this only backs it up.
      if (!res.getHeader('Retry-After')) res.setHeader('Retry-After', String(seconds));
      sendProblem(
        res,
        problemOf(429, 'Too many requests', `You have made more than ${settings.limit} requests in ${seconds} seconds. Wait a moment and try again.`),
      );
    },
  });
}

/** Sign-in, then the member's rate limit: one handler, so a route table can take it where it takes sign-in. */
export function signInThenLimit(signIn: RequestHandler, limit: RequestHandler): RequestHandler {
  return (req, res, next) => {
    signIn(req, res, (err?: unknown) => {
      if (err) return next(err);
      limit(req, res, next);
    });
  };
}
