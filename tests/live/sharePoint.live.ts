/**
 * Against a real SharePoint site (a scratch site): provisioning round trip, then the one store contract suite that
 * SQLite and the Graph fake pass. Run only by `npm run test:live` (scripts/testLive.ts), which checks the
 * RISKPANEL_LIVE_* variables first; the name (*.live.ts) keeps it out of `npm test`.
 */
import { describeStoreContract } from '../contract/storeContract';
import { decideLive, type LiveSettings } from '../../scripts/testLive';
import { createGraphClient, DEFAULT_RETRY } from '../../src/store/sharepoint/graphClient';
import { GraphHttp } from '../../src/store/sharepoint/graphHttp';
import { LISTS } from '../../src/store/sharepoint/listSchema';
import { provision } from '../../src/store/sharepoint/provisioning';
import { createSharePointStore, userAgent } from '../../src/store/sharepoint/sharePointStore';
import { GRAPH_SCOPE, MsalTokenProvider, sharePointScope } from '../../src/store/sharepoint/tokenProvider';
import { KINDS } from '../../src/store/schema';

const decision = decideLive(process.env);
if (!decision.run || process.env.RISKPANEL_LIVE !== '1') {
  throw new Error('tests/live runs through `npm run test:live`, which checks the RISKPANEL_LIVE_* variables first.');
}
const live: LiveSettings = decision.settings;

const tokens = new MsalTokenProvider({ tenantId: live.tenantId, clientId: live.clientId, clientCertPath: live.clientCertPath });
const host = /^https:\/\//i.test(live.site) ? new URL(live.site).hostname : live.site.split(',')[0]!;
const common = { tokens, userAgent: userAgent(live.org), retry: DEFAULT_RETRY };
const graph = new GraphHttp(createGraphClient({ ...common, scope: GRAPH_SCOPE }), DEFAULT_RETRY);
const sharePointRest = new GraphHttp(createGraphClient({ ...common, scope: sharePointScope(host), customHosts: [host] }), DEFAULT_RETRY);

async function ok(call: Parameters<GraphHttp['send']>[0]) {
  const reply = await graph.send(call);
  if (reply.status >= 300) throw new Error(`${call.method} ${call.url} answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`);
  return reply;
}

let siteId = '';

/** Deletes every item of RiskPanel's lists on the scratch site, so each contract test starts from an empty store. */
async function emptyLists(): Promise<void> {
  const lists = (await ok({ method: 'GET', url: `/sites/${siteId}/lists?$select=id,displayName&$top=200` })).body.value as { id: string; displayName: string }[];
  const ours = new Set(KINDS.map((k) => LISTS[k].displayName));
  for (const list of lists.filter((l) => ours.has(l.displayName))) {
    let url: string | undefined = `/sites/${siteId}/lists/${list.id}/items?$select=id&$top=500`;
    const ids: string[] = [];
    while (url) {
      const page: { body: { value: { id: string }[]; '@odata.nextLink'?: string } } = await ok({ method: 'GET', url });
      ids.push(...page.body.value.map((i) => i.id));
      url = page.body['@odata.nextLink'];
    }
    for (const id of ids) await ok({ method: 'DELETE', url: `/sites/${siteId}/lists/${list.id}/items/${id}` });
  }
}

describe('provisioning on the scratch site', () => {
  it('creates or upgrades the lists, and a second run changes nothing', async () => {
    const first = await provision({ graph, sharePointRest }, live.site, { dryRun: false });
    siteId = first.siteId;
    const second = await provision({ graph, sharePointRest }, live.site, { dryRun: true });
    expect(second.steps.filter((s) => s.action !== 'manual')).toEqual([]);
  });

  it('a record written through the store reads back, and a dry run after it still plans nothing', async () => {
    await emptyLists();
    const store = createSharePointStore({ siteId: live.site, tenantId: live.tenantId, clientId: live.clientId, clientCertPath: live.clientCertPath, org: live.org }, { tokens });
    try {
      const agency = { id: 'live-agency', name: 'Invented live-test agency', shortName: 'LIVE', kind: 'council' as const, active: true };
      await store.transaction((tx) => tx.insert('agencies', agency));
      expect(await store.transaction((tx) => tx.get('agencies', 'live-agency'))).toMatchObject({ ...agency, version: 1 });
    } finally {
      await store.close();
    }
    const again = await provision({ graph, sharePointRest }, live.site, { dryRun: true });
    expect(again.steps.filter((s) => s.action !== 'manual')).toEqual([]);
  });
});

describeStoreContract('SharePoint on the live scratch site', async () => {
  if (!siteId) siteId = (await ok({ method: 'GET', url: /^https:\/\//i.test(live.site) ? `/sites/${host}:${new URL(live.site).pathname.replace(/\/$/, '')}` : `/sites/${live.site}` })).body.id as string;
  await emptyLists();
  const store = createSharePointStore({ siteId: live.site, tenantId: live.tenantId, clientId: live.clientId, clientCertPath: live.clientCertPath, org: live.org }, { tokens });
  return { store, cleanup: () => store.close() };
});
