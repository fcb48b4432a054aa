import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readEntraSsoSettings } from '../../src/auth/entraSsoSettings';
import { createEntraTokenValidator, entraBearerVerifier } from '../../src/auth/entraToken';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/server/app';
import { createSharePointStore, type SharePointStore } from '../../src/store/sharepoint/sharePointStore';
import { StaticTokenProvider } from '../../src/store/sharepoint/tokenProvider';
import { fakeSharePoint } from '../fakes/sharePointHarness';
import { TEST_PARAMS, environmentAtRunTime } from './bicepSettings';

/**
 * The production configuration exactly as infra/azure.bicep gives it (Key Vault references resolved to test values)
 * starts the server, wired as src/main.ts wires it, against the Graph fake: only the token provider and fetch are
 * the fake's, since no Entra ID is reachable here.
 */
describe('a server started from the Bicep\'s settings, against the Graph fake', () => {
  let server: Server;
  let store: SharePointStore;
  let base = '';

  beforeAll(async () => {
    const { fake, store: provisioned } = await fakeSharePoint();
    await provisioned.close();
    const env = environmentAtRunTime({ ...TEST_PARAMS, sharePointSiteId: fake.site.id });
    const config = loadConfig(env);
    expect(config.mode).toBe('production');
    store = createSharePointStore(config.sharepoint!, { tokens: new StaticTokenProvider(), fetch: fake.fetch });
    const sso = readEntraSsoSettings(env)!;
    const app = createApp({
      // Loopback and a free port for the test; everything else as configured.
      config: { ...config, host: '127.0.0.1', port: 0 },
      store,
      verifyBearer: entraBearerVerifier(createEntraTokenValidator(sso)),
      tabClientId: sso.clientId,
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
    if (store) await store.close();
  });

  it('is alive, in production mode on the SharePoint store, and ready once the store answers', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'production', store: 'sharepoint' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('refuses the API without a Teams SSO token, and refuses local mode\'s demo sign-in', async () => {
    expect((await fetch(`${base}/api/cases`)).status).toBe(401);
    const dev = await fetch(`${base}/api/cases`, { headers: { authorization: 'Dev morgan.fairweather@riskpanel.example' } });
    expect(dev.status).toBe(401);
  });

  it('refuses the bot endpoint without a Bot Framework token', async () => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'help' }) });
    expect(res.status).toBe(401);
  });
});
