import { createGraphClient, type RetryPolicy } from '../../src/store/sharepoint/graphClient';
import { GraphHttp } from '../../src/store/sharepoint/graphHttp';
import { provision } from '../../src/store/sharepoint/provisioning';
import { createSharePointStore, type SharePointStore, userAgent } from '../../src/store/sharepoint/sharePointStore';
import { GRAPH_SCOPE, sharePointScope, StaticTokenProvider } from '../../src/store/sharepoint/tokenProvider';
import type { FaultPlan } from './faults';
import { GraphFake, type GraphFakeOptions } from './graphFake';

export const ORG = 'InventedPartnership';

/** Retries without waiting, remembering each wait the code asked for (so tests can check Retry-After was honoured). */
export function recordingRetry(maxRetries = 8): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { maxRetries, maxDelayMs: 120_000, waits, sleep: async (ms) => void waits.push(ms) };
}

/** Graph and SharePoint REST clients built exactly as production builds them, sending to the fake. */
export function fakeClients(fake: GraphFake, tokens = new StaticTokenProvider(), retry: RetryPolicy = recordingRetry()) {
  const common = { tokens, userAgent: userAgent(ORG), fetch: fake.fetch, retry };
  const graph = new GraphHttp(createGraphClient({ ...common, scope: GRAPH_SCOPE }), retry);
  const rest = new GraphHttp(createGraphClient({ ...common, scope: sharePointScope(fake.site.hostname), customHosts: [fake.site.hostname] }), retry);
  return { graph, rest, tokens };
}

export interface FakeSharePoint {
  fake: GraphFake;
  store: SharePointStore;
  tokens: StaticTokenProvider;
  retry: RetryPolicy & { waits: number[] };
}

/** A provisioned fake site and the production SharePointStore on it; faults (if any) start after provisioning. */
export async function fakeSharePoint(options: { fake?: GraphFakeOptions; faults?: FaultPlan; pageSize?: number; siteRef?: 'id' | 'url' } = {}): Promise<FakeSharePoint> {
  const { faults, ...rest } = options;
  const fake = new GraphFake({ ...options.fake });
  const tokens = new StaticTokenProvider();
  const retry = recordingRetry();
  const clients = fakeClients(fake, tokens, retry);
  await provision({ graph: clients.graph, sharePointRest: clients.rest }, fake.site.id, { dryRun: false });
  fake.resetStats();
  fake.setFaults(faults);
  const store = createSharePointStore(
    { siteId: rest.siteRef === 'url' ? fake.siteUrl : fake.site.id, tenantId: 'tenant', clientId: 'client', org: ORG },
    { tokens, fetch: fake.fetch, retry, ...(options.pageSize ? { pageSize: options.pageSize } : {}) },
  );
  return { fake, store, tokens, retry };
}
