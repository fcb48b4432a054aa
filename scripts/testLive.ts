/**
 * `npm run test:live`: the store contract suite and a provisioning round trip against a real SharePoint site, when
 * the RISKPANEL_LIVE_* variables below name a scratch site and a certificate (README.md, "Deploy to your tenant").
 * Without any of them it says so and exits 0, so CI may call it whenever; half of them set is a mistake (exit 1).
 *
 * The site must be a scratch site, never the partnership's own: the suite empties RiskPanel's lists on it. The
 * variables have their own names (RISKPANEL_LIVE_*) so that a production environment can never point it at records.
 * The app registration needs `manage` on that site (Sites.Selected) and signs in with a certificate.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const LIVE_VARIABLES = {
  site: 'RISKPANEL_LIVE_SITE',
  tenantId: 'RISKPANEL_LIVE_TENANT_ID',
  clientId: 'RISKPANEL_LIVE_CLIENT_ID',
  clientCertPath: 'RISKPANEL_LIVE_CLIENT_CERT_PATH',
  org: 'RISKPANEL_LIVE_GRAPH_ORG',
} as const;

export type LiveSettings = { [K in keyof typeof LIVE_VARIABLES]: string };

export type LiveDecision =
  | { run: true; settings: LiveSettings }
  | { run: false; exitCode: 0 | 1; message: string };

/** Runs only with every variable set and a site whose name says it is a scratch site; skips cleanly with none set. */
export function decideLive(env: NodeJS.ProcessEnv): LiveDecision {
  const entries = Object.entries(LIVE_VARIABLES) as [keyof LiveSettings, string][];
  const missing = entries.filter(([, name]) => !env[name]?.trim()).map(([, name]) => name);
  if (missing.length === entries.length) {
    return {
      run: false,
      exitCode: 0,
      message: `test:live skipped: no live SharePoint credentials (set ${entries.map(([, n]) => n).join(', ')} to run it). Nothing was run against a tenant.`,
    };
  }
  if (missing.length) return { run: false, exitCode: 1, message: `test:live cannot run: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.` };
  const settings = Object.fromEntries(entries.map(([key, name]) => [key, env[name]!.trim()])) as LiveSettings;
  if (!/scratch/i.test(settings.site)) {
    return {
      run: false,
      exitCode: 1,
      message: `test:live refuses ${settings.site}: it empties RiskPanel's lists, so it runs only on a site whose name contains "scratch" (e.g. https://contoso.sharepoint.com/sites/riskpanel-scratch).`,
    };
  }
  return { run: true, settings };
}

function main(): void {
  const root = path.join(__dirname, '..');
  const decision = decideLive(process.env);
  if (!decision.run) {
    (decision.exitCode === 0 ? process.stdout : process.stderr).write(`${decision.message}\n`);
    process.exit(decision.exitCode);
  }
  process.stdout.write(`test:live: running against ${decision.settings.site}\n`);
  const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  // One test at a time: they share the one scratch site.
  const args = [jest, '--runInBand', '--testMatch', '**/tests/live/**/*.live.ts', '--testTimeout', '600000', ...process.argv.slice(2)];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, RISKPANEL_LIVE: '1' } });
  process.exit(result.status ?? 1);
}

if (require.main === module) main();
