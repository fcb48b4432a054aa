import { ConfigError, loadConfig } from '../../src/config';

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
});
