import express from 'express';
import type { BotHostDeps } from '../../bot/host';
import { mountBot } from '../../bot/mountBot';
import type { BearerVerifier } from '../auth/bearerAuth';
import { resolveActor } from '../auth/resolveActor';
import { type Config, DEFAULT_RATE_LIMIT_PER_MINUTE, notifySettingsOf } from '../config';
import { UnauthenticatedError } from '../domain/errors';
import { makeContext } from '../kernel/context';
import { SYSTEM_ACTOR } from '../kernel/systemActor';
import { MeetingFeed } from '../live/meetingFeed';
import { meetingStreamHandler } from '../live/meetingStream';
import { captureConversation } from '../notify/captureConversation';
import type { Store } from '../store/port';
import { compressResponses } from './compressResponses';
import { errorHandler } from './errorHandler';
import { RouteNotFoundError } from './httpErrors';
import { identity } from './identity';
import { mountOpenApi } from './openapi';
import { memberRateLimit, type RateLimitSettings, signInThenLimit } from './rateLimit';
import { Readiness, readinessRoute, storeAnswers } from './readiness';
import { contextOf, correlationId } from './requestContext';
import { apiRoutes } from './routes';
import { registerRoutes } from './runRoute';
import { securityHeaders } from './securityHeaders';
import { mountTab } from './tab';
import { routeTemplate } from '../telemetry/routeTemplate';

export interface AppDeps {
  config: Config;
  store: Store;
  /** The clock commands and queries run with; tests pin it. */
  now?: () => Date;
  /** Validates Teams SSO bearer tokens; until it is supplied, a Bearer token is refused with 401. */
  verifyBearer?: BearerVerifier;
  /** The SSO app's client id, written into the tab's page so its consent popup can name the app. */
  tabClientId?: string;
  /** What /readyz waits for; default: the store answers. main.ts adds the Graph token in production. */
  readiness?: Readiness;
  /** Per-member API rate limit; default DEFAULT_RATE_LIMIT_PER_MINUTE a minute. */
  rateLimit?: RateLimitSettings;
}

export const JSON_BODY_LIMIT = '100kb';

/** The whole HTTP face: /healthz, the JSON API, the bot endpoint and the built tab. No listening here. */
export function createApp({
  config, store, now = () => new Date(), verifyBearer, tabClientId, readiness = new Readiness([storeAnswers(store)]), rateLimit,
}: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Local mode listens on loopback only; behind App Service the first proxy hop is trusted for the client address.
  if (config.mode === 'production') app.set('trust proxy', 1);

  app.use(securityHeaders(config));
  app.use(correlationId);
  // Telemetry (when on) names each request by its route template, never its raw path.
  app.use(routeTemplate);
  // Before the API and the tab: JSON answers and the tab's page go out compressed (event streams never are).
  app.use(compressResponses());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', store: store.name, mode: config.mode });
  });
  // Liveness above (the process answers); readiness here (the store answers, credentials work; 503 while draining).
  app.get('/readyz', readinessRoute(readiness));

  // Only application/json is parsed (strict: objects and arrays only); other types are refused per route with 415.
  // An imported log travels base64 in JSON (at most 1 MB of file, src/kernel/import): only that route takes more.
  app.use('/api/imports', express.json({ limit: '1500kb', strict: true, type: 'application/json' }));
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT, strict: true, type: 'application/json' }));

  // The Teams bot (POST /api/messages) needs the parsed body, so it is mounted after the JSON parser.
  mountBot(app, botServices(config, store, now));

  mountOpenApi(app, apiRoutes);
  const signIn = identity({ config, store, verifyBearer, refPrefix: config.refPrefix, now, ...(config.retention ? { retention: config.retention } : {}) });
  const limit = memberRateLimit(rateLimit ?? { limit: DEFAULT_RATE_LIMIT_PER_MINUTE });
  registerRoutes(app, apiRoutes, { config, store }, signInThenLimit(signIn, limit));
  // A meeting's live stream (Server-Sent Events), signed in and limited like the API. The feed polls the store, so
  // the chair's moves reach followers connected to any instance.
  app.get('/api/meetings/:id/events', signInThenLimit(signIn, limit), meetingStreamHandler(new MeetingFeed(store), contextOf));
  app.use('/api', (req, _res, next) => next(new RouteNotFoundError(`No API route ${req.method} ${req.baseUrl}${req.path === '/' ? '' : req.path}.`)));

  mountTab(app, config.tabDir, tabClientId);
  app.use((req, _res, next) => next(new RouteNotFoundError(`Nothing at ${req.path}.`)));
  app.use(errorHandler);
  return app;
}

/**
 * What the bot runs with, made here, at the composition root, from the store the bot never sees: a context for the
 * acting member (commands and queries run in it), the member an activity names, and where proactive cards can go.
 */
export function botServices(config: Config, store: Store, now: () => Date = () => new Date()): BotHostDeps {
  return {
    config,
    now,
    contextFor: (actor) => makeContext({ store, actor, refPrefix: config.refPrefix, now, ...(config.retention ? { retention: config.retention } : {}) }),
    systemContext: (correlationId) => makeContext({ store, actor: SYSTEM_ACTOR, refPrefix: config.refPrefix, now, correlationId }),
    resolveMember: async (aadObjectId) => {
      try {
        return await resolveActor(store, { aadObjectId });
      } catch (err) {
        if (err instanceof UnauthenticatedError) return undefined;
        throw err;
      }
    },
    captureConversation: async (activity, at) => {
      await captureConversation(store, activity, at, notifySettingsOf(config));
    },
  };
}
