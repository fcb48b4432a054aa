import path from 'node:path';
import type { SharePointSettings } from './store/sharepoint/sharePointStore';

export type Mode = 'local' | 'production';

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  store: 'sqlite' | 'sharepoint';
  sqlitePath: string;
  /** Present when store is 'sharepoint'. */
  sharepoint?: SharePointSettings;
  refPrefix: string;
  /** Seed the synthetic partnership into an empty local store. */
  seedDemo: boolean;
  /** Where the built tab lives; served at `/`. */
  tabDir: string;
  bot: { clientId?: string; tenantId?: string };
  /** Public base URL of the tab, for links in cards. */
  publicUrl: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class ConfigError extends Error {}

/**
 * Reads the configuration from the environment. Local mode (demo personas, anonymous bot) is refused whenever
 * anything says this is production, so it cannot be switched on there by accident.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = (env.RISKPANEL_MODE ?? 'local') as Mode;
  if (mode !== 'local' && mode !== 'production') throw new ConfigError(`RISKPANEL_MODE must be "local" or "production", not "${mode}"`);
  const store = (env.STORE ?? 'sqlite') as Config['store'];
  if (store !== 'sqlite' && store !== 'sharepoint') throw new ConfigError(`STORE must be "sqlite" or "sharepoint", not "${store}"`);
  const bot = { clientId: env.clientId || env.MicrosoftAppId || undefined, tenantId: env.tenantId || env.MicrosoftAppTenantId || undefined };

  const host = env.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  if (mode === 'local') {
    const reasons = [
      env.NODE_ENV === 'production' && 'NODE_ENV is production',
      store === 'sharepoint' && 'STORE is sharepoint',
      bot.clientId && 'bot credentials (clientId) are set',
      !LOOPBACK.has(host) && `HOST ${host} is not a loopback address`,
    ].filter(Boolean);
    if (reasons.length) throw new ConfigError(`Local mode is refused because ${reasons.join(' and ')}. Set RISKPANEL_MODE=production.`);
  }
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const refPrefix = env.REF_PREFIX ?? 'CASPA';
  if (!/^[A-Z][A-Z0-9]{1,9}$/.test(refPrefix)) throw new ConfigError('REF_PREFIX must be 2-10 capital letters or digits, starting with a letter');

  return {
    mode,
    host,
    port,
    store,
    sqlitePath: env.SQLITE_PATH ?? path.join(process.cwd(), 'data', 'riskpanel.db'),
    ...(store === 'sharepoint' ? { sharepoint: sharePointSettings(env, bot.tenantId) } : {}),
    refPrefix,
    seedDemo: mode === 'local' && env.SEED_DEMO !== 'false',
    tabDir: env.TAB_DIR ?? path.join(process.cwd(), 'tabs', 'dist'),
    bot,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
  };
}

/** STORE=sharepoint needs the site, the app registration and a credential (a certificate is preferred). */
function sharePointSettings(env: NodeJS.ProcessEnv, botTenantId: string | undefined): SharePointSettings {
  const tenantId = env.TENANT_ID || botTenantId;
  const missing: string[] = ['SHAREPOINT_SITE_ID', 'CLIENT_ID', 'GRAPH_ORG'].filter((k) => !env[k]);
  if (!tenantId) missing.push('TENANT_ID');
  if (!env.CLIENT_CERT_PATH && !env.CLIENT_SECRET) missing.push('CLIENT_CERT_PATH or CLIENT_SECRET');
  if (missing.length) throw new ConfigError(`STORE=sharepoint needs ${missing.join(', ')} (see docs/sharepoint.md)`);
  return {
    siteId: env.SHAREPOINT_SITE_ID!,
    tenantId: tenantId!,
    clientId: env.CLIENT_ID!,
    org: env.GRAPH_ORG!,
    ...(env.CLIENT_CERT_PATH ? { clientCertPath: env.CLIENT_CERT_PATH } : { clientSecret: env.CLIENT_SECRET! }),
  };
}
