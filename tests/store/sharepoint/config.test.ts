import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, ENV_SCHEMA, loadConfig } from '../../../src/config';
import { openStore } from '../../../src/store/openStore';
import { certificateFromPem } from '../../../src/store/sharepoint/tokenProvider';

const production = {
  RISKPANEL_MODE: 'production',
  STORE: 'sharepoint',
  SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002',
  TENANT_ID: '00000000-0000-4000-8000-0000000000aa',
  CLIENT_ID: '00000000-0000-4000-8000-0000000000bb',
  CLIENT_SECRET: 'invented-secret',
  GRAPH_ORG: 'InventedPartnership',
};

describe('selecting the SharePoint store', () => {
  it('reads the SharePoint settings and opens the SharePoint adapter', async () => {
    const config = loadConfig(production);
    expect(config.sharepoint).toEqual({
      siteId: production.SHAREPOINT_SITE_ID,
      tenantId: production.TENANT_ID,
      clientId: production.CLIENT_ID,
      clientSecret: 'invented-secret',
      org: 'InventedPartnership',
    });
    const store = openStore(config);
    expect(store.name).toBe('sharepoint');
    await store.close();
  });

  it('prefers the certificate when both a certificate and a secret are given', () => {
    const config = loadConfig({ ...production, CLIENT_CERT_PATH: '/secrets/riskpanel.pem' });
    expect(config.sharepoint).toMatchObject({ clientCertPath: '/secrets/riskpanel.pem' });
    expect(config.sharepoint).not.toHaveProperty('clientSecret');
  });

  it('names every missing setting', () => {
    expect(() => loadConfig({ RISKPANEL_MODE: 'production', STORE: 'sharepoint' })).toThrow(ConfigError);
    expect(() => loadConfig({ RISKPANEL_MODE: 'production', STORE: 'sharepoint' })).toThrow(
      'STORE=sharepoint needs SHAREPOINT_SITE_ID, CLIENT_ID, GRAPH_ORG, TENANT_ID, CLIENT_CERT_PEM, CLIENT_CERT_PATH or CLIENT_SECRET (see README.md, "Run on SharePoint")',
    );
  });

  it('keeps SQLite free of SharePoint settings', () => {
    expect(loadConfig({})).not.toHaveProperty('sharepoint');
  });

  it('refuses a certificate file without both the key and the certificate', () => {
    expect(() => certificateFromPem('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----')).toThrow(/both the private key and the certificate/);
  });
});

describe('the README', () => {
  const root = path.join(__dirname, '../../..');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

  it('documents every variable the configuration schema reads, in its configuration table', () => {
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const undocumented = Object.keys(ENV_SCHEMA.shape).filter((name) => !table.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });

  it('has the Run on SharePoint section the error messages point to, with the scripts it names', () => {
    expect(readme).toContain('\n## Run on SharePoint\n');
    expect(readme).toContain('npm run provision -- --site');
    expect(readme).toContain('npm run bench:graph');
    expect(readme).not.toContain('coming: issue 3');
    const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['provision', 'bench:graph']));
  });
});
