/**
 * Creates or upgrades RiskPanel's SharePoint lists, columns, indexes and views on the partnership site.
 *   npm run provision -- --site <site id or URL> [--dry-run]
 * Credentials come from the environment: TENANT_ID, CLIENT_ID, CLIENT_CERT_PATH (or CLIENT_SECRET: lists only,
 * SharePoint refuses secret-based app tokens for views), GRAPH_ORG. The app needs manage rights on the site for
 * this run only (see README.md, "Run on SharePoint", and docs/sharepoint.md).
 */
import { z } from 'zod';
import { createGraphClient, DEFAULT_RETRY } from '../src/store/sharepoint/graphClient';
import { GraphHttp } from '../src/store/sharepoint/graphHttp';
import { provision } from '../src/store/sharepoint/provisioning';
import { userAgent } from '../src/store/sharepoint/sharePointStore';
import { GRAPH_SCOPE, MsalTokenProvider, sharePointScope } from '../src/store/sharepoint/tokenProvider';

const Env = z
  .object({
    TENANT_ID: z.string().min(1),
    CLIENT_ID: z.string().min(1),
    CLIENT_CERT_PATH: z.string().min(1).optional(),
    CLIENT_SECRET: z.string().min(1).optional(),
    GRAPH_ORG: z.string().min(1),
  })
  .refine((e) => e.CLIENT_CERT_PATH || e.CLIENT_SECRET, { path: ['CLIENT_CERT_PATH or CLIENT_SECRET'] });

function parseArgs(argv: string[]): { site: string; dryRun: boolean } {
  let site = process.env.SHAREPOINT_SITE_ID ?? '';
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--site') site = argv[++i] ?? '';
    else if (argv[i] === '--dry-run') dryRun = true;
    else throw new Error(`Unknown argument ${argv[i]}. Usage: npm run provision -- --site <site id or URL> [--dry-run]`);
  }
  if (!site) throw new Error('Usage: npm run provision -- --site <site id or URL> [--dry-run]');
  return { site, dryRun };
}

async function main(): Promise<void> {
  const { site, dryRun } = parseArgs(process.argv.slice(2));
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) throw new Error(`Set ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')} (see README.md, "Run on SharePoint")`);
  const env = parsed.data;
  const tokens = new MsalTokenProvider({
    tenantId: env.TENANT_ID,
    clientId: env.CLIENT_ID,
    ...(env.CLIENT_CERT_PATH ? { clientCertPath: env.CLIENT_CERT_PATH } : env.CLIENT_SECRET ? { clientSecret: env.CLIENT_SECRET } : {}),
  });
  const host = /^https:\/\//i.test(site) ? new URL(site).hostname : site.split(',')[0]!;
  const common = { tokens, userAgent: userAgent(env.GRAPH_ORG), retry: DEFAULT_RETRY };
  const graph = new GraphHttp(createGraphClient({ ...common, scope: GRAPH_SCOPE }));
  const sharePointRest = tokens.usesCertificate
    ? new GraphHttp(createGraphClient({ ...common, scope: sharePointScope(host), customHosts: [host] }))
    : undefined;
  if (!sharePointRest) console.warn('No certificate (CLIENT_CERT_PATH): lists and columns only; views need a certificate.');
  const result = await provision({ graph, ...(sharePointRest ? { sharePointRest } : {}), log: (line) => console.info(line) }, site, { dryRun });
  const changes = result.steps.filter((s) => s.action !== 'manual').length;
  console.info(`${dryRun ? 'Dry run: ' : ''}${result.siteUrl}: ${changes} change(s) ${dryRun ? 'planned' : 'made'}.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
