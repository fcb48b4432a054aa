import { type TestServer, fakeTab, startServer } from './server';

/** The consent popup needs the SSO app's client id; the server writes it into the tab's page. */
describe('the tab page names the SSO app', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('fills the client-id meta tag when Teams SSO is configured', async () => {
    server = await startServer({ tabDir: fakeTab(), tabClientId: '11111111-2222-4333-8444-555555555555' });
    const html = await (await fetch(`${server.url}/cases`)).text();
    expect(html).toContain('<meta name="riskpanel-client-id" content="11111111-2222-4333-8444-555555555555" />');
  });

  it('leaves it empty without SSO', async () => {
    server = await startServer({ tabDir: fakeTab() });
    expect(await (await fetch(`${server.url}/`)).text()).toContain('<meta name="riskpanel-client-id" content="" />');
  });

  it('refuses a client id that is not a GUID rather than writing it into HTML', async () => {
    await expect(startServer({ tabDir: fakeTab(), tabClientId: '"><script>' })).rejects.toThrow(/GUID/);
  });
});
