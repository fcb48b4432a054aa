import type { Server } from 'node:http';
import { readEntraSsoSettings } from './auth/entraSsoSettings';
import { createEntraTokenValidator, entraBearerVerifier } from './auth/entraToken';
import { loadConfig } from './config';
import { seedDemo } from './demo/seedDemo';
import { type Notifications, startNotifications } from './notify/startNotifications';
import { createApp } from './server/app';
import { openStore } from './store/openStore';

/** Starts RiskPanel: configuration, store, demo seed (local mode, empty store only), HTTP server, clean shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Teams SSO: without its settings, Bearer tokens are refused (local mode uses demo personas instead).
  const sso = readEntraSsoSettings(process.env);
  const store = openStore(config);

  if (config.seedDemo) {
    const agencies = await store.transaction((tx) => tx.find('agencies', { limit: 1 }));
    if (agencies.length === 0) {
      await seedDemo(store, { now: new Date(), refPrefix: config.refPrefix });
      console.info('RiskPanel seeded the synthetic demo partnership');
    }
  }

  const app = createApp({
    config,
    store,
    ...(sso ? { verifyBearer: entraBearerVerifier(createEntraTokenValidator(sso)), tabClientId: sso.clientId } : {}),
  });
  const server: Server = app.listen(config.port, config.host, () => {
    // The bound port, not the configured one: PORT=0 asks the system for a free port.
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    console.info(`RiskPanel listening on http://${host}:${port} (${config.mode}, ${config.store})`);
  });
  // The daily overdue scan and the outbox sender (proactive cards), each under a lease shared by all instances.
  const notifications = startNotifications({ config, store, log: logNotify }).then(
    (started): Notifications => {
      const next = started.scheduler.nextRuns().overdueScan;
      if (next) console.info(`RiskPanel overdue scan next runs at ${next.toISOString()}`);
      return started;
    },
    (err: unknown) => {
      console.error(`RiskPanel could not start proactive cards: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    },
  );

  server.on('error', (err) => {
    console.error(`RiskPanel could not listen on ${config.host}:${config.port}: ${err.message}`);
    void store.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`RiskPanel stopping (${signal})`);
    // Stop taking requests, let those in flight (and a posting run) finish, then close the store so SQLite
    // checkpoints its WAL.
    server.close(() => {
      stopNotifications(notifications)
        .then(() => store.close())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            console.error('RiskPanel could not close the store cleanly', err);
            process.exit(1);
          },
        );
    });
    server.closeIdleConnections();
    // Keep-alive clients must not hold shutdown hostage.
    setTimeout(() => {
      server.closeAllConnections();
    }, 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * Lets a posting run finish its current card, but not for ever (a 429 can ask for a long wait): the sender is safe to
 * stop anywhere, and the next start carries on where it left off.
 */
async function stopNotifications(notifications: Promise<Notifications | undefined>): Promise<void> {
  const started = await notifications;
  if (!started) return;
  await Promise.race([started.stop().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
}

/** Proactive delivery logs ids and counts only, never card content. */
function logNotify(event: string, fields: Record<string, unknown>): void {
  // Routine: each card sent, and the outbox drained every few seconds.
  if (event === 'outbox.delivery' && fields.outcome === 'sent') return;
  if (event === 'scheduler.job' && fields.job === 'outbox' && fields.status !== 'failed') return;
  console.info(`notify: ${event} ${JSON.stringify(fields)}`);
}

main().catch((err: unknown) => {
  console.error(`RiskPanel failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
