import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { decideLive, LIVE_VARIABLES } from '../../scripts/testLive';

const root = path.join(__dirname, '..', '..');
const ALL = Object.values(LIVE_VARIABLES);
const complete = (site: string) => ({
  RISKPANEL_LIVE_SITE: site,
  RISKPANEL_LIVE_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  RISKPANEL_LIVE_CLIENT_ID: '0f1e2d3c-4b5a-4968-8776-655443322110',
  RISKPANEL_LIVE_CLIENT_CERT_PATH: '/secrets/invented.pem',
  RISKPANEL_LIVE_GRAPH_ORG: 'InventedPartnership',
});

describe('npm run test:live', () => {
  it('without credentials, says plainly that it skipped and exits 0 (a real run of the script)', () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RISKPANEL_LIVE')));
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/testLive.ts'], { cwd: root, env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^test:live skipped: no live SharePoint credentials \(set RISKPANEL_LIVE_SITE, .*\)\. Nothing was run against a tenant\.$/m);
    for (const name of ALL) expect(run.stdout).toContain(name);
  });

  it('with some variables but not all, refuses (exit 1) and names the missing ones', () => {
    const { RISKPANEL_LIVE_CLIENT_ID: _c, RISKPANEL_LIVE_GRAPH_ORG: _g, ...partial } = complete('https://invented.sharepoint.com/sites/riskpanel-scratch');
    expect(decideLive(partial)).toEqual({ run: false, exitCode: 1, message: 'test:live cannot run: RISKPANEL_LIVE_CLIENT_ID, RISKPANEL_LIVE_GRAPH_ORG are not set.' });
  });

  it('refuses a site that is not named as a scratch site, since the suite empties the lists', () => {
    const decision = decideLive(complete('https://invented.sharepoint.com/sites/safeguarding-panel'));
    expect(decision).toMatchObject({ run: false, exitCode: 1 });
    expect(decision.run === false && decision.message).toMatch(/refuses .*safeguarding-panel.*"scratch"/);
  });

  it('runs with every variable set on a scratch site, ignoring production variables of the same meaning', () => {
    expect(decideLive({ ...complete(' https://invented.sharepoint.com/sites/riskpanel-scratch '), SHAREPOINT_SITE_ID: 'the-real-site' })).toEqual({
      run: true,
      settings: {
        site: 'https://invented.sharepoint.com/sites/riskpanel-scratch',
        tenantId: '11111111-2222-4333-8444-555555555555',
        clientId: '0f1e2d3c-4b5a-4968-8776-655443322110',
        clientCertPath: '/secrets/invented.pem',
        org: 'InventedPartnership',
      },
    });
    expect(decideLive({ SHAREPOINT_SITE_ID: 'x', CLIENT_ID: 'y' })).toMatchObject({ run: false, exitCode: 0 });
  });
});
