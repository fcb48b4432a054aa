import type { Express, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Config } from '../src/config';
import { log } from '../src/log';
import { problemOf, sendProblem } from '../src/server/problem';
import { botAuth } from './botAuth';
import { type BotHostDeps, createBotHost } from './host';

export const BOT_ROUTE = '/api/messages';

/** Said for a 401 of the SDK's JWT middleware, whose own body may name an internal host: no detail of why. */
export const BOT_TOKEN_REFUSED = 'The Bot Framework token is missing, invalid or not for this bot.';

/**
 * The least an activity needs before the SDK sees it; the SDK validates the rest of its shape. Replies go to the
 * recipient's conversation at the serviceUrl, so without either there is nobody to answer (the SDK would fail with a
 * 500): refused here with a 400. With deliveryMode "expectReplies" the replies come back in the response body, so no
 * serviceUrl is needed.
 */
const activityShape = z
  .object({
    type: z.string().min(1).max(100),
    conversation: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
    recipient: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
    serviceUrl: z.string().url().max(2000).optional(),
    deliveryMode: z.string().max(50).optional(),
  })
  .passthrough()
  .refine((a) => a.serviceUrl !== undefined || a.deliveryMode === 'expectReplies', { path: ['serviceUrl'], message: 'is required' });

/** 127.0.0.0/8, ::1 and localhost: where a local-mode bot may post replies (the Agents Playground, tests). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function requireActivity(config: Pick<Config, 'mode'>): RequestHandler {
  return (req, res, next) => {
    const parsed = activityShape.safeParse(req.body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'body'))].join(', ');
      log.warn({ event: 'bot.activityRefused', fields }, 'bot: activity refused (missing or malformed fields)');
      return sendProblem(res, problemOf(400, 'Invalid input', `The request body is not a Bot Framework activity (check: ${fields}).`));
    }
    // Local mode has no Bot Framework token, so anyone could name any serviceUrl: replies go to loopback only.
    if (config.mode === 'local' && parsed.data.serviceUrl !== undefined && !isLoopbackUrl(parsed.data.serviceUrl)) {
      log.warn({ event: 'bot.activityRefused', fields: 'serviceUrl' }, 'bot: local mode replies to a loopback serviceUrl only');
      return sendProblem(res, problemOf(400, 'Invalid input', 'In local mode the bot replies only to a loopback serviceUrl (127.0.0.1, ::1 or localhost).'));
    }
    next();
  };
}

/**
 * The SDK's JWT middleware answers a bad token with its own JSON ({"jwt-auth-error": ...}, sometimes with an internal
 * host name in it). Its body is replaced, before anything is written, by a problem+json with no detail.
 */
const problemFor401: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = ((body?: unknown) => {
    if (res.statusCode !== 401 || !isSdkAuthBody(body)) return send(body);
    log.warn({ event: 'bot.tokenRefused' }, 'bot: token refused by the SDK');
    res.type('application/problem+json');
    return send(JSON.stringify(problemOf(401, 'Sign-in required', BOT_TOKEN_REFUSED)));
  }) as Response['send'];
  next();
};

/** The SDK's own refusal ({"jwt-auth-error": ...}), as an object or already serialised. */
function isSdkAuthBody(body: unknown): boolean {
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return 'jwt-auth-error' in body;
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
  return text.includes('jwt-auth-error');
}

/**
 * Registers POST /api/messages: authenticate (botAuth), check the body is an activity that can be answered, then let
 * the Agents SDK run the turn. The SDK answers deliveryMode "expectReplies" with {activities:[...]} in the response
 * body itself, and otherwise posts the replies to the activity's serviceUrl. The JSON body parser must be mounted
 * before this. A turn that fails after the checks (a serviceUrl that cannot be reached) ends as a handled 200 with no
 * reply, logged: the caller's activity was accepted, there was nobody reachable to answer.
 */
export function mountBot(app: Express, deps: BotHostDeps): void {
  const { adapter, agent } = createBotHost(deps);
  app.post(BOT_ROUTE, problemFor401, botAuth(deps.config, adapter), requireActivity(deps.config), (req, res) => {
    adapter.process(req, res, (context) => agent.run(context)).catch((err: unknown) => {
      const name = (err as { name?: unknown } | null)?.name;
      if (res.headersSent) return log.warn({ event: 'bot.turnFailedAfterAnswer', error: String(name ?? typeof err) }, 'bot: turn failed after answering');
      // The SDK validates the activity with its own zod (v3) and throws: that is bad input, not a server fault.
      if (name === 'ZodError') {
        return sendProblem(res, problemOf(400, 'Invalid input', 'The request body is not a valid Bot Framework activity.'));
      }
      log.warn({ event: 'bot.turnUnanswered', error: typeof name === 'string' ? name : typeof err }, 'bot: turn failed, no reply could be sent');
      res.status(200).end();
    });
  });
}
