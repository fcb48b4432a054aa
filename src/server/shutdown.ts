import type { Server } from 'node:http';
import type { Readiness } from './readiness';

export interface ShutdownDeps {
  server: Server;
  /** Marked draining first, so /readyz answers 503 and the load balancer stops sending work here. */
  readiness?: Readiness;
  /** Stops the scheduler: waits for the posting run in progress (its current card) and releases the leases. */
  stopNotifications: () => Promise<void>;
  closeStore: () => Promise<void>;
  /** Sends buffered telemetry. */
  flushTelemetry?: () => Promise<void>;
  log: { info(fields: Record<string, unknown>, msg: string): void; error(fields: Record<string, unknown>, msg: string): void };
  exit: (code: number) => void;
  /** Requests still open after this long are cut (a keep-alive client, a stalled upload). Default 10 s. */
  requestGraceMs?: number;
  /** A posting run still going after this long is left: the sender is safe to stop anywhere. Default 10 s. */
  notifyGraceMs?: number;
  now?: () => number;
}

/**
 * The SIGTERM/SIGINT sequence: drain (readiness 503), stop taking connections, let the requests in flight finish,
 * let the posting run finish its card and release its lease, close the store (SQLite checkpoints its WAL), flush
 * telemetry, exit 0. Later signals are ignored; a failure while closing exits 1. Returns the function to call.
 */
export function gracefulShutdown(deps: ShutdownDeps): (signal: string) => Promise<void> {
  const now = deps.now ?? Date.now;
  let stopping: Promise<void> | undefined;
  return (signal: string) => {
    stopping ??= run(signal);
    return stopping;
  };

  async function run(signal: string): Promise<void> {
    const started = now();
    deps.log.info({ signal }, 'RiskPanel stopping');
    deps.readiness?.drain();
    try {
      await closeServer(deps.server, deps.requestGraceMs ?? 10_000);
      const requestsDoneMs = now() - started;
      await withinGrace(deps.stopNotifications(), deps.notifyGraceMs ?? 10_000);
      await deps.closeStore();
      await deps.flushTelemetry?.().catch(() => undefined);
      deps.log.info({ signal, requestsDoneMs, drainMs: now() - started }, 'RiskPanel stopped');
      deps.exit(0);
    } catch (err) {
      deps.log.error({ signal, error: err instanceof Error ? err.name : typeof err }, 'RiskPanel could not stop cleanly');
      deps.exit(1);
    }
  }
}

/** Stops accepting connections and resolves when the open requests have been answered (or the grace has passed). */
function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Idle keep-alive connections would hold close() open for their timeout; busy ones close after their answer.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

function withinGrace(work: Promise<void>, graceMs: number): Promise<void> {
  return Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())]);
}
