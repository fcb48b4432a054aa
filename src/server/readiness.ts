import type { RequestHandler } from 'express';
import type { Store } from '../store/port';

/** One thing the instance needs before it can serve: run() resolves when it is there, rejects when not (yet). */
export interface ReadinessCheck {
  name: string;
  run(): Promise<unknown>;
}

export type CheckState = 'ok' | 'failed' | 'pending';

export interface ReadinessReport {
  status: 'ready' | 'starting' | 'draining';
  checks: Record<string, CheckState>;
}

/**
 * Whether this instance should be sent traffic (/readyz), as opposed to whether it is alive (/healthz). A check that
 * has passed once stays passed: readiness is about having started (the store answers, credentials work), and taking
 * every instance out of the pool because SharePoint had a bad minute would turn a blip into an outage. A failed
 * check is tried again on the next probe; concurrent probes share one try. Once draining (SIGTERM), never ready again.
 */
export class Readiness {
  private readonly passed = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private draining = false;

  constructor(private readonly checks: readonly ReadinessCheck[]) {}

  /** Shutdown has begun: the load balancer should stop sending requests here. */
  drain(): void {
    this.draining = true;
  }

  async report(): Promise<ReadinessReport> {
    if (!this.draining) await Promise.all(this.checks.filter((c) => !this.passed.has(c.name)).map((c) => this.attempt(c)));
    const checks = Object.fromEntries(
      this.checks.map((c): [string, CheckState] => [c.name, this.passed.has(c.name) ? 'ok' : this.failed.has(c.name) ? 'failed' : 'pending']),
    );
    const status = this.draining ? 'draining' : this.checks.every((c) => this.passed.has(c.name)) ? 'ready' : 'starting';
    return { status, checks };
  }

  private attempt(check: ReadinessCheck): Promise<void> {
    const running = this.inFlight.get(check.name);
    if (running) return running;
    const attempt = check.run().then(
      () => {
        this.passed.add(check.name);
        this.failed.delete(check.name);
      },
      () => {
        // The reason stays out of the answer (it may name a tenant or a path); the store and auth code log their own.
        this.failed.add(check.name);
      },
    ).finally(() => this.inFlight.delete(check.name));
    this.inFlight.set(check.name, attempt);
    return attempt;
  }
}

/** The store answers a read (SQLite: the file opens and has its tables; SharePoint: Graph, the token and the site). */
export const storeAnswers = (store: Store): ReadinessCheck => ({
  name: 'store',
  run: () => store.transaction((tx) => tx.find('agencies', { limit: 1 })),
});

/** An app-only token for Microsoft Graph can be had (production: the certificate or secret works). */
export const graphTokenAvailable = (getToken: () => Promise<string>): ReadinessCheck => ({
  name: 'graphToken',
  run: async () => {
    const token = await getToken();
    if (!token) throw new Error('no token');
  },
});

/** GET /readyz: 200 when ready, 503 (with Retry-After) while starting or draining. Never cached. */
export function readinessRoute(readiness: Readiness): RequestHandler {
  return (_req, res, next) => {
    readiness.report().then((report) => {
      res.setHeader('Cache-Control', 'no-store');
      if (report.status !== 'ready') res.setHeader('Retry-After', '5');
      res.status(report.status === 'ready' ? 200 : 503).json(report);
    }, next);
  };
}
