import { ConfigError, ENV_SCHEMA, loadConfig, PRODUCTION_SETTINGS } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to local mode on loopback with SQLite and the demo seed', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'local', host: '127.0.0.1', port: 3978, store: 'sqlite', refPrefix: 'CASPA', seedDemo: true });
  });

  it.each([
    [{ NODE_ENV: 'production' }, /NODE_ENV is production/],
    [{ STORE: 'sharepoint' }, /STORE is sharepoint/],
    [{ clientId: '11111111-2222-4333-8444-555555555555' }, /bot credentials/],
    [{ MicrosoftAppId: '11111111-2222-4333-8444-555555555555' }, /bot credentials/],
    [{ HOST: '0.0.0.0' }, /HOST 0.0.0.0 is not a loopback address/],
    [{ RISKPANEL_MODE: 'local', HOST: '10.1.2.3' }, /not a loopback address/],
  ])('refuses local mode when %j says this is production', (env, reason) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(reason);
  });

  it('names every production signal at once', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0' })).toThrow(/NODE_ENV is production and HOST 0.0.0.0/);
  });

  it('accepts the same signals in production mode, without the demo seed', () => {
    const config = loadConfig({ RISKPANEL_MODE: 'production', NODE_ENV: 'production', clientId: 'an-app-id', SEED_DEMO: 'true' });
    expect(config).toMatchObject({ mode: 'production', host: '0.0.0.0', seedDemo: false });
  });

  it('accepts each loopback host in local mode', () => {
    for (const HOST of ['127.0.0.1', '::1', 'localhost']) expect(loadConfig({ HOST }).host).toBe(HOST);
  });

  it('refuses an unknown mode, store, port or reference prefix', () => {
    expect(() => loadConfig({ RISKPANEL_MODE: 'demo' })).toThrow(/RISKPANEL_MODE/);
    expect(() => loadConfig({ STORE: 'postgres' })).toThrow(/STORE/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ REF_PREFIX: 'caspa' })).toThrow(/REF_PREFIX/);
  });

  it('reads the SQLite path, tab folder, prefix and seed switch from the environment', () => {
    const config = loadConfig({ SQLITE_PATH: '/tmp/x.db', TAB_DIR: '/tmp/tab', REF_PREFIX: 'MARM', SEED_DEMO: 'false', PORT: '0' });
    expect(config).toMatchObject({ sqlitePath: '/tmp/x.db', tabDir: '/tmp/tab', refPrefix: 'MARM', seedDemo: false, port: 0 });
  });

  it('says, for every bad variable at once, its name, what was given and what is expected', () => {
    const err = (() => {
      try {
        loadConfig({ PORT: 'eighty', SCAN_TIME: '7am', STORE: 'postgres', PUBLIC_URL: 'ftp://x' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('PORT is "eighty": must be a whole number from 0 to 65535');
    expect(err.message).toContain('SCAN_TIME is "7am": must be HH:MM (24-hour, UK time)');
    expect(err.message).toContain('STORE is "postgres": must be "sqlite" or "sharepoint"');
    expect(err.message).toContain('PUBLIC_URL is "ftp://x": must be an http(s) address');
  });

  it('never repeats a secret in its message', () => {
    expect(() => loadConfig({ CLIENT_CERT_PEM: 'hunter2-not-a-pem' })).toThrow(/CLIENT_CERT_PEM \(value hidden\): must be a PEM bundle/);
    expect(() => loadConfig({ CLIENT_CERT_PEM: 'hunter2-not-a-pem' })).not.toThrow(/hunter2/);
  });

  it('treats empty and blank settings as unset (App Service gives blank settings as empty strings)', () => {
    expect(loadConfig({ PORT: '', SCAN_TIME: '  ', clientId: '' })).toMatchObject({ port: 3978, mode: 'local', notify: { scanTime: '07:00' } });
  });

  it('takes the Graph certificate as PEM text (Key Vault) as well as a file, and names what SharePoint still needs', () => {
    const production = { RISKPANEL_MODE: 'production', STORE: 'sharepoint', SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,a,b', TENANT_ID: 't', CLIENT_ID: 'c', GRAPH_ORG: 'Contoso' };
    const pem = '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\ny\n-----END CERTIFICATE-----';
    expect(loadConfig({ ...production, CLIENT_CERT_PEM: pem }).sharepoint).toMatchObject({ clientCertPem: pem, siteId: 'contoso.sharepoint.com,a,b' });
    expect(() => loadConfig(production)).toThrow(/STORE=sharepoint needs CLIENT_CERT_PEM, CLIENT_CERT_PATH or CLIENT_SECRET/);
  });

  it('lists what production requires, each variable one the schema knows or SSO reads, secrets marked', () => {
    const known = new Set([...Object.keys(ENV_SCHEMA.shape), 'clientSecret', 'MicrosoftAppPassword', 'AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID', 'TAB_APP_ID_URI', 'APPLICATIONINSIGHTS_CONNECTION_STRING']);
    const names = PRODUCTION_SETTINGS.flatMap((s) => (s.name ? [s.name] : s.anyOf ?? []));
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    expect(PRODUCTION_SETTINGS.filter((s) => s.secret).flatMap((s) => s.anyOf ?? [s.name])).toEqual(expect.arrayContaining(['CLIENT_CERT_PEM', 'clientSecret']));
    for (const s of PRODUCTION_SETTINGS) expect(s.requiredWhen.length).toBeGreaterThan(0);
  });
});
