import type { Express, RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../src/config';
import { problemOf, sendProblem } from '../src/server/problem';
import type { Store } from '../src/store/port';
import { botAuth } from './botAuth';
import { createBotHost } from './host';

export const BOT_ROUTE = '/api/messages';

/** The least an activity needs before the SDK sees it; the SDK validates the rest of its shape. */
const activityShape = z
  .object({
    type: z.string().min(1).max(100),
    conversation: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
  })
  .passthrough();

const requireActivity: RequestHandler = (req, res, next) => {
  const parsed = activityShape.safeParse(req.body);
  if (parsed.success) return next();
  const fields = parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ');
  sendProblem(res, problemOf(400, 'Invalid input', `The request body is not a Bot Framework activity (check: ${fields}).`));
};

/**
 * Registers POST /api/messages: authenticate (botAuth), check the body is an activity, then let the Agents SDK run
 * the turn. The SDK answers deliveryMode "expectReplies" with {activities:[...]} in the response body itself, and
 * otherwise posts the replies to the activity's serviceUrl. The JSON body parser must be mounted before this.
 */
export function mountBot(app: Express, deps: { config: Config; store: Store }): void {
  const { adapter, agent } = createBotHost(deps);
  app.post(BOT_ROUTE, botAuth(deps.config, adapter), requireActivity, (req, res, next) => {
    adapter.process(req, res, (context) => agent.run(context)).catch((err: unknown) => {
      // The SDK validates the activity with its own zod (v3) and throws: that is bad input, not a server fault.
      if (!res.headersSent && (err as { name?: unknown } | null)?.name === 'ZodError') {
        return sendProblem(res, problemOf(400, 'Invalid input', 'The request body is not a valid Bot Framework activity.'));
      }
      next(err);
    });
  });
}
