import type { IncomingMessage } from 'node:http';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { ScrubPersonalData } from './scrub';

export const CONNECTION_STRING_VARIABLE = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

/** Load balancer and App Service probes: every few seconds per instance, nothing to learn from them. */
const PROBES = new Set(['/healthz', '/readyz']);

let started = false;

/**
 * OpenTelemetry to Application Insights, only when APPLICATIONINSIGHTS_CONNECTION_STRING is set: requests and their
 * dependencies (Graph, the Bot Connector: the HTTP instrumentation), exceptions recorded on spans, and RiskPanel's
 * metrics (src/telemetry/metrics.ts). Every span passes ScrubPersonalData first. Must run before express and the
 * HTTP clients are loaded, which is why src/main.ts imports ./register first. Returns whether it started.
 */
export function startTelemetry(env: NodeJS.ProcessEnv = process.env): boolean {
  const connectionString = env[CONNECTION_STRING_VARIABLE]?.trim();
  if (!connectionString || started) return started;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    spanProcessors: [new ScrubPersonalData()],
    // Live Metrics streams request URLs as they are, before any processor: off.
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: {
        enabled: true,
        ignoreIncomingRequestHook: (req: IncomingMessage) => PROBES.has((req.url ?? '').split('?')[0]!),
      } as { enabled: boolean },
      // No database of ours is instrumented (SQLite is in-process; SharePoint is HTTP).
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  started = true;
  return true;
}

/** Sends what is buffered (called on shutdown); resolves at once when telemetry never started. */
export async function stopTelemetry(): Promise<void> {
  if (!started) return;
  started = false;
  await shutdownAzureMonitor();
}
