// First: telemetry (when APPLICATIONINSIGHTS_CONNECTION_STRING is set) must hook HTTP before express loads.
import './telemetry/register';
import type { Server } from 'node:http';
import { useCheckpointKey } from './audit/checkpointKey';
import { checkpointKeyFromEnvironment } from './audit/keyFromEnvironment';
import { createEntraTokenValidator, entraBearerVerifier } from './auth/entraToken';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, loadConfig } from './config';
import { seedDemo } from './demo/seedDemo';
import { seedBoardWork } from './demo/seedBoardWork';
import { type Notifications, startNotifications } from './notify/startNotifications';
import { flushLogs, log } from './log';
import { createApp } from './server/app';
import { keepConnectionsAlive } from './server/keepAlive';
import { graphTokenAvailable, Readiness, storeAnswers } from './server/readiness';
import { gracefulShutdown } from './server/shutdown';
import { openDocuments } from './documents/openDocuments';
import { attachDocuments } from './kernel/documentStore';
import { openStore } from './store/openStore';
import { holdDatabase } from './store/sqlite/databaseOwners';
import { GRAPH_SCOPE, MsalTokenProvider } from './store/sharepoint/tokenProvider';
import { countNotifyEvent, stopTelemetry, watchOutboxDepth } from './telemetry';

/** Starts RiskPanel: configuration, store, demo seed (local mode, empty store only), HTTP server, clean shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Before anything is audited: the key that signs the audit chain's head (Key Vault secret, or local key file).
  useCheckpointKey(checkpointKeyFromEnvironment(process.env, config));
  // Teams SSO: without its settings, Bearer tokens are refused (local mode uses demo personas instead).
  const sso = config.sso;
  const store = openStore(config);
  // While this server runs, `npm run demo:reset` refuses to replace its SQLite file (the entry goes at exit).
  if (config.store === 'sqlite') holdDatabase(config.sqlitePath);

  if (config.seedDemo) {
    const agencies = await store.transaction((tx) => tx.find('agencies', { limit: 1 }));
    if (agencies.length === 0) {
      await seedDemo(store, { now: new Date(), refPrefix: config.refPrefix });
      await seedBoardWork(store, new Date());
      log.info({ event: 'demo.seeded' }, 'RiskPanel seeded the synthetic demo partnership');
    }
  }

  // /readyz: the store answers and, on SharePoint, an app-only Graph token can be had with the configured credential.
  const sharepoint = config.sharepoint;
  const graphTokens = sharepoint ? new MsalTokenProvider(sharepoint) : undefined;
  const readiness = new Readiness([storeAnswers(store), ...(graphTokens ? [graphTokenAvailable(() => graphTokens.getToken(GRAPH_SCOPE))] : [])]);
  // Documents for the record (the issued minutes): the site's document library in production, the data folder locally.
  attachDocuments(store, openDocuments(config, graphTokens));

  const app = createApp({
    config,
    store,
    readiness,
    rateLimit: { limit: config.apiRateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE },
    ...(sso ? { verifyBearer: entraBearerVerifier(createEntraTokenValidator(sso)), tabClientId: sso.clientId } : {}),
  });
  const server: Server = app.listen(config.port, config.host, () => {
    // The bound port, not the configured one: PORT=0 asks the system for a free port.
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    log.info({ event: 'server.listening', url: `http://${host}:${port}`, mode: config.mode, store: config.store }, 'RiskPanel listening');
  });
  keepConnectionsAlive(server);
  // The daily overdue scan and the outbox sender (proactive cards), each under a lease shared by all instances.
  watchOutboxDepth(() =>
    store.transaction((tx) => tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'pending' }] })).then((rows) => rows.length),
  );
  const notifyEvent = (event: string, fields: Record<string, unknown>) => {
    countNotifyEvent(event, fields);
    logNotify(event, fields);
  };
  const notifications = startNotifications({ config, store, log: notifyEvent }).then(
    (started): Notifications => {
      const next = started.scheduler.nextRuns().overdueScan;
      if (next) log.info({ event: 'scheduler.next', job: 'overdueScan', at: next.toISOString() }, 'RiskPanel overdue scan scheduled');
      return started;
    },
    (err: unknown) => {
      log.error({ event: 'notify.startFailed', err }, 'RiskPanel could not start proactive cards');
      return undefined;
    },
  );

  server.on('error', (err) => {
    log.fatal({ event: 'server.listenFailed', host: config.host, port: config.port, err }, 'RiskPanel could not listen');
    void store.close().finally(() => process.exit(1));
  });

  // SIGTERM (App Service, a deployment, Ctrl-C): drain, finish the requests and the card in flight, release the
  // leases, close the store, exit 0.
  const shutdown = gracefulShutdown({
    server,
    readiness,
    stopNotifications: async () => {
      const started = await notifications;
      await started?.stop();
    },
    closeStore: () => store.close(),
    flushTelemetry: stopTelemetry,
    log,
    exit: (code) => {
      flushLogs();
      process.exit(code);
    },
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Proactive delivery logs ids and counts only, never card content. */
function logNotify(event: string, fields: Record<string, unknown>): void {
  // Routine: each card sent, and the outbox drained every few seconds.
  if (event === 'outbox.delivery' && fields.outcome === 'sent') return;
  if (event === 'scheduler.job' && fields.job === 'outbox' && fields.status !== 'failed') return;
  log.info({ ...fields, event: `notify.${event}` }, 'notify');
}

main().catch((err: unknown) => {
  log.fatal({ event: 'start.failed', err }, 'RiskPanel failed to start');
  flushLogs();
  process.exit(1);
});
