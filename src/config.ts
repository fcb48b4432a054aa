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
  /** Proactive cards (src/notify). Optional so hand-built configs (tests) need not spell it out: see notifySettingsOf. */
  notify?: NotifySettings;
}

/** The daily scan, reminders, escalations and the outbox sender. */
export interface NotifySettings {
  /** When the daily overdue scan runs, 'HH:MM' UK time (Europe/London). */
  scanTime: string;
  /** A reminder goes to an action's owner this many days before it is due. */
  reminderDaysBefore: number;
  /** An action overdue by more than this many days is escalated to the chair. */
  escalationDaysOverdue: number;
  /** How often the outbox is drained. */
  outboxIntervalSeconds: number;
  /** The Teams channel id (19:...@thread...) that gets the partnership's cards; unset: the first channel captured. */
  partnershipChannelId?: string;
  /** SCHEDULER=off: no timers in this process (e.g. a second web instance, or while debugging). */
  schedulerEnabled: boolean;
}

export const DEFAULT_NOTIFY: NotifySettings = {
  scanTime: '07:00',
  reminderDaysBefore: 3,
  escalationDaysOverdue: 14,
  outboxIntervalSeconds: 10,
  schedulerEnabled: true,
};

export const notifySettingsOf = (config: Pick<Config, 'notify'>): NotifySettings => config.notify ?? DEFAULT_NOTIFY;

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
    notify: notifySettings(env),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

function notifySettings(env: NodeJS.ProcessEnv): NotifySettings {
  const scanTime = env.SCAN_TIME || DEFAULT_NOTIFY.scanTime;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(scanTime)) throw new ConfigError(`SCAN_TIME must be HH:MM (24-hour, UK time), not "${scanTime}"`);
  const channel = env.PARTNERSHIP_CHANNEL_ID?.trim();
  if (channel !== undefined && channel !== '' && !/^[\w:@.;=-]{3,300}$/.test(channel)) {
    throw new ConfigError('PARTNERSHIP_CHANNEL_ID must be a Teams channel id such as 19:...@thread.tacv2');
  }
  return {
    scanTime,
    reminderDaysBefore: whole(env, 'REMINDER_DAYS_BEFORE', DEFAULT_NOTIFY.reminderDaysBefore, 0, 60),
    escalationDaysOverdue: whole(env, 'ESCALATION_DAYS_OVERDUE', DEFAULT_NOTIFY.escalationDaysOverdue, 1, 365),
    outboxIntervalSeconds: whole(env, 'OUTBOX_INTERVAL_SECONDS', DEFAULT_NOTIFY.outboxIntervalSeconds, 1, 3600),
    ...(channel ? { partnershipChannelId: channel } : {}),
    schedulerEnabled: env.SCHEDULER !== 'off',
  };
}

/** STORE=sharepoint needs the site, the app registration and a credential (a certificate is preferred). */
function sharePointSettings(env: NodeJS.ProcessEnv, botTenantId: string | undefined): SharePointSettings {
  const tenantId = env.TENANT_ID || botTenantId;
  const missing: string[] = ['SHAREPOINT_SITE_ID', 'CLIENT_ID', 'GRAPH_ORG'].filter((k) => !env[k]);
  if (!tenantId) missing.push('TENANT_ID');
  if (!env.CLIENT_CERT_PATH && !env.CLIENT_SECRET) missing.push('CLIENT_CERT_PATH or CLIENT_SECRET');
  if (missing.length) throw new ConfigError(`STORE=sharepoint needs ${missing.join(', ')} (see README.md, "Run on SharePoint")`);
  return {
    siteId: env.SHAREPOINT_SITE_ID!,
    tenantId: tenantId!,
    clientId: env.CLIENT_ID!,
    org: env.GRAPH_ORG!,
    ...(env.CLIENT_CERT_PATH ? { clientCertPath: env.CLIENT_CERT_PATH } : { clientSecret: env.CLIENT_SECRET! }),
  };
}
