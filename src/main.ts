import type { Server } from 'node:http';
import { loadConfig } from './config';
import { seedDemo } from './demo/seedDemo';
import { createApp } from './server/app';
import { openStore } from './store/openStore';

/** Starts RiskPanel: configuration, store, demo seed (local mode, empty store only), HTTP server, clean shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = openStore(config);

  if (config.seedDemo) {
    const agencies = await store.transaction((tx) => tx.find('agencies', { limit: 1 }));
    if (agencies.length === 0) {
      await seedDemo(store, { now: new Date(), refPrefix: config.refPrefix });
      console.info('RiskPanel seeded the synthetic demo partnership');
    }
  }

  const app = createApp({ config, store });
  const server: Server = app.listen(config.port, config.host, () => {
    // The bound port, not the configured one: PORT=0 asks the system for a free port.
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    console.info(`RiskPanel listening on http://${host}:${port} (${config.mode}, ${config.store})`);
  });
  server.on('error', (err) => {
    console.error(`RiskPanel could not listen on ${config.host}:${config.port}: ${err.message}`);
    void store.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`RiskPanel stopping (${signal})`);
    // Stop taking requests, let those in flight finish, then close the store so SQLite checkpoints its WAL.
    server.close(() => {
      store.close().then(
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

main().catch((err: unknown) => {
  console.error(`RiskPanel failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
