import { log } from '../src/log';
import type { RequestHandler } from 'express';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { Config } from '../src/config';
import { problemOf, sendProblem } from '../src/server/problem';

export const TOKEN_REQUIRED = 'This endpoint accepts only activities from the Bot Framework, with their token.';
export const BOT_NOT_CONFIGURED = 'The bot has no client id configured (clientId or MicrosoftAppId), so no token can be accepted.';

/**
 * Authenticates POST /api/messages with the SDK's JWT middleware (signature, audience, expiry, issuer, tenant).
 * Outside local mode it first refuses, itself, anything the SDK would let through anonymously: the SDK allows a
 * request without a token whenever no client id is configured and NODE_ENV is not "production", and a production
 * deployment must never depend on NODE_ENV for that.
 */
export function botAuth(config: Config, adapter: CloudAdapter): RequestHandler {
  const sdkCheck: RequestHandler = (req, res, next) => {
    adapter.authorizeRequest(req, res, next).catch(next);
  };
  if (config.mode === 'local') return sdkCheck;
  if (!adapter.getClientId()) {
    log.error({ event: 'bot.notConfigured' }, `bot: ${BOT_NOT_CONFIGURED} Every request to /api/messages is refused.`);
    return (_req, res) => sendProblem(res, problemOf(401, 'Sign-in required', BOT_NOT_CONFIGURED));
  }
  return (req, res, next) => {
    if (!req.headers.authorization?.trim()) return sendProblem(res, problemOf(401, 'Sign-in required', TOKEN_REQUIRED));
    sdkCheck(req, res, next);
  };
}
