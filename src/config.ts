import path from 'node:path';
import { z } from 'zod';
import { type EntraSsoSettings, readEntraSsoSettings } from './auth/entraSsoSettings';
import { ConfigError } from './configError';
import type { SharePointSettings } from './store/sharepoint/sharePointStore';
import { type RetentionSchedule, retentionScheduleFrom } from './domain/retention';

export { ConfigError } from './configError';

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
  /** Teams SSO for the tab; absent: Bearer tokens are refused (local mode signs in with demo personas). */
  sso?: EntraSsoSettings;
  /** Requests one member may make to the API a minute (per instance). */
  apiRateLimitPerMinute?: number;
  /** Retention periods changed from the defaults (RETENTION_YEARS); absent: src/domain/retention.ts DEFAULT_RETENTION. */
  retention?: RetentionSchedule;
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

/**
 * API_RATE_LIMIT_PER_MINUTE's default. Generous: a coordinator paging through the register, opening cases and saving a
 * plan makes a few dozen calls a minute; only a runaway script or a stolen token comes near this.
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

export const notifySettingsOf = (config: Pick<Config, 'notify'>): NotifySettings => config.notify ?? DEFAULT_NOTIFY;

/** One variable a production deployment sets: the Bicep test (tests/infra/bicep.test.ts) checks each has an app setting. */
export interface ProductionSetting {
  /** The variable, or (anyOf) alternatives of which one must be set. */
  name?: string;
  anyOf?: string[];
  /** When the application needs it; `required: false` entries are optional but listed for the deployment guide. */
  requiredWhen: string;
  required?: false;
  /** A secret: it must come from Key Vault, never sit in an app setting as plain text. */
  secret: boolean;
  what: string;
}

/** What a production deployment (infra/azure.bicep) must give the app. */
export const PRODUCTION_SETTINGS: readonly ProductionSetting[] = [
  { name: 'RISKPANEL_MODE', requiredWhen: 'always in production (value "production")', secret: false, what: 'turns local mode (demo sign-in) off' },
  { name: 'NODE_ENV', requiredWhen: 'always in production (value "production")', secret: false, what: 'the Agents SDK refuses anonymous bot calls only in production' },
  { name: 'PUBLIC_URL', requiredWhen: 'always in production', secret: false, what: 'the https address of the app, for links in cards' },
  { name: 'STORE', requiredWhen: 'always in production (value "sharepoint")', secret: false, what: 'the records live in the SharePoint lists' },
  { name: 'SHAREPOINT_SITE_ID', requiredWhen: 'STORE=sharepoint', secret: false, what: 'the partnership site (id or URL)' },
  { anyOf: ['TENANT_ID', 'tenantId', 'MicrosoftAppTenantId'], requiredWhen: 'STORE=sharepoint', secret: false, what: 'the Entra tenant of the Graph app' },
  { name: 'CLIENT_ID', requiredWhen: 'STORE=sharepoint', secret: false, what: 'the Graph app registration (Sites.Selected)' },
  { name: 'GRAPH_ORG', requiredWhen: 'STORE=sharepoint', secret: false, what: 'the organisation named in the Graph User-Agent' },
  { anyOf: ['CLIENT_CERT_PEM', 'CLIENT_CERT_PATH', 'CLIENT_SECRET'], requiredWhen: 'STORE=sharepoint', secret: true, what: 'the Graph app credential (a certificate is preferred)' },
  { anyOf: ['clientId', 'MicrosoftAppId'], requiredWhen: 'always in production', secret: false, what: 'the bot app registration (single tenant)' },
  { anyOf: ['tenantId', 'MicrosoftAppTenantId'], requiredWhen: 'always in production', secret: false, what: 'the bot app registration tenant' },
  { anyOf: ['clientSecret', 'MicrosoftAppPassword'], requiredWhen: 'always in production, unless the bot uses a managed identity', secret: true, what: "the bot's credential, read by the Agents SDK" },
  { name: 'AAD_APP_CLIENT_ID', requiredWhen: 'always in production (Teams SSO is the only sign-in)', secret: false, what: 'the SSO app registration' },
  { name: 'AAD_APP_TENANT_ID', requiredWhen: 'always in production', secret: false, what: 'the SSO app tenant' },
  { name: 'TAB_APP_ID_URI', requiredWhen: 'always in production', secret: false, what: 'api://<host>/<SSO client id>, the token audience' },
  { name: 'AUDIT_CHECKPOINT_KEY', requiredWhen: 'always in production', secret: true, what: "signs the audit trail's checkpoints (src/audit); held in Key Vault, never in the store" },
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', requiredWhen: 'for telemetry', required: false, secret: false, what: 'OpenTelemetry to Application Insights' },
  { name: 'SCAN_TIME', requiredWhen: 'optional (default 07:00 UK time)', required: false, secret: false, what: 'when the daily overdue scan runs' },
  { name: 'LOG_LEVEL', requiredWhen: 'optional (default info)', required: false, secret: false, what: 'the least level written to the log' },
];

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A whole number in range, given as text; `fallback` when unset. */
const whole = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^-?\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be a whole number from ${min} to ${max}`).max(max, `must be a whole number from ${min} to ${max}`))
    .default(fallback);

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) address such as https://riskpanel.example.org' });

/**
 * Every variable the application reads, in one schema. Unset and empty are the same (App Service gives empty
 * strings for blank settings). Values are checked here; combinations (local-mode refusals, what SharePoint needs)
 * below.
 */
export const ENV_SCHEMA = z.object({
  RISKPANEL_MODE: z.enum(['local', 'production'], { message: 'must be "local" or "production"' }).default('local'),
  NODE_ENV: z.string().optional(),
  HOST: z.string().optional(),
  PORT: whole(0, 65535, 3978),
  STORE: z.enum(['sqlite', 'sharepoint'], { message: 'must be "sqlite" or "sharepoint"' }).default('sqlite'),
  SQLITE_PATH: z.string().optional(),
  TAB_DIR: z.string().optional(),
  PUBLIC_URL: httpUrl.optional(),
  REF_PREFIX: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'must be 2-10 capital letters or digits, starting with a letter').default('CASPA'),
  SEED_DEMO: z.string().optional(),
  // The bot (Microsoft 365 Agents SDK names, then the older Bot Framework ones).
  clientId: z.string().optional(),
  MicrosoftAppId: z.string().optional(),
  tenantId: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  // SharePoint through Graph.
  SHAREPOINT_SITE_ID: z.string().optional(),
  TENANT_ID: z.string().optional(),
  CLIENT_ID: z.string().optional(),
  GRAPH_ORG: z.string().optional(),
  CLIENT_CERT_PATH: z.string().optional(),
  CLIENT_CERT_PEM: z.string().includes('-----BEGIN', { message: 'must be a PEM bundle (the private key and the certificate)' }).optional(),
  CLIENT_SECRET: z.string().optional(),
  // Proactive cards.
  SCAN_TIME: z.string().regex(HH_MM, 'must be HH:MM (24-hour, UK time)').default(DEFAULT_NOTIFY.scanTime),
  REMINDER_DAYS_BEFORE: whole(0, 60, DEFAULT_NOTIFY.reminderDaysBefore),
  ESCALATION_DAYS_OVERDUE: whole(1, 365, DEFAULT_NOTIFY.escalationDaysOverdue),
  OUTBOX_INTERVAL_SECONDS: whole(1, 3600, DEFAULT_NOTIFY.outboxIntervalSeconds),
  PARTNERSHIP_CHANNEL_ID: z.string().regex(/^[\w:@.;=-]{3,300}$/, 'must be a Teams channel id such as 19:...@thread.tacv2').optional(),
  SCHEDULER: z.enum(['on', 'off'], { message: 'must be "on" or "off"' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).optional(),
  // Teams SSO for the tab: all three or none (checked in readEntraSsoSettings).
  AAD_APP_CLIENT_ID: z.string().optional(),
  AAD_APP_TENANT_ID: z.string().optional(),
  TAB_APP_ID_URI: z.string().optional(),
  // The audit trail's checkpoint key (read by src/audit/keyFromEnvironment.ts): base64 text, or a local key file.
  AUDIT_CHECKPOINT_KEY: z.string().regex(/^[A-Za-z0-9+/=_-]{43,}\s*$/, 'must be base64 text of at least 32 random bytes').optional(),
  AUDIT_KEY_FILE: z.string().optional(),
  API_RATE_LIMIT_PER_MINUTE: whole(1, 100_000, DEFAULT_RATE_LIMIT_PER_MINUTE),
  // Retention periods per record kind, e.g. "case=10,minutes=15"; a typo is refused rather than shortening retention.
  RETENTION_YEARS: z
    .string()
    .check((ctx) => {
      try {
        retentionScheduleFrom(ctx.value);
      } catch (err) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: (err as Error).message });
      }
    })
    .transform((text) => retentionScheduleFrom(text))
    .optional(),
  // Read by the Azure Monitor distro itself (src/telemetry/register.ts); listed so a malformed one is named here.
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().includes('InstrumentationKey=', { message: 'must be an Application Insights connection string (InstrumentationKey=...)' }).optional(),
});

type Env = z.infer<typeof ENV_SCHEMA>;
const SECRET_NAMES = new Set(['CLIENT_CERT_PEM', 'CLIENT_SECRET']);

/** Unset, empty and blank are all "not given"; values are trimmed. */
function present(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(ENV_SCHEMA.shape)) {
    const value = env[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** "PORT is "eighty": must be a whole number from 0 to 65535" — the name, what was given (unless secret), what is expected. */
function describeIssues(issues: z.core.$ZodIssue[], given: Record<string, string>): string {
  return issues
    .map((issue) => {
      const name = String(issue.path[0] ?? '');
      const value = given[name];
      const shown = value === undefined ? '' : SECRET_NAMES.has(name) ? ' (value hidden)' : ` is "${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
      return `${name}${shown}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Reads the configuration from the environment. Local mode (demo personas, anonymous bot) is refused whenever
 * anything says this is production, so it cannot be switched on there by accident.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const given = present(env);
  const parsed = ENV_SCHEMA.safeParse(given);
  if (!parsed.success) throw new ConfigError(`Configuration refused. ${describeIssues(parsed.error.issues, given)}`);
  const e = parsed.data;
  const mode = e.RISKPANEL_MODE;
  const bot = { clientId: e.clientId ?? e.MicrosoftAppId, tenantId: e.tenantId ?? e.MicrosoftAppTenantId };
  const host = e.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  const sso = readEntraSsoSettings(given);
  if (mode === 'local') {
    const reasons = [
      e.NODE_ENV === 'production' && 'NODE_ENV is production',
      e.STORE === 'sharepoint' && 'STORE is sharepoint',
      bot.clientId && 'bot credentials (clientId) are set',
      !LOOPBACK.has(host) && `HOST ${host} is not a loopback address`,
    ].filter(Boolean);
    if (reasons.length) throw new ConfigError(`Local mode is refused because ${reasons.join(' and ')}. Set RISKPANEL_MODE=production.`);
  }

  return {
    mode,
    host,
    port: e.PORT,
    store: e.STORE,
    sqlitePath: e.SQLITE_PATH ?? path.join(process.cwd(), 'data', 'riskpanel.db'),
    ...(e.STORE === 'sharepoint' ? { sharepoint: sharePointSettings(e, bot.tenantId) } : {}),
    refPrefix: e.REF_PREFIX,
    seedDemo: mode === 'local' && e.SEED_DEMO !== 'false',
    tabDir: e.TAB_DIR ?? path.join(process.cwd(), 'tabs', 'dist'),
    bot,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    notify: {
      scanTime: e.SCAN_TIME,
      reminderDaysBefore: e.REMINDER_DAYS_BEFORE,
      escalationDaysOverdue: e.ESCALATION_DAYS_OVERDUE,
      outboxIntervalSeconds: e.OUTBOX_INTERVAL_SECONDS,
      ...(e.PARTNERSHIP_CHANNEL_ID ? { partnershipChannelId: e.PARTNERSHIP_CHANNEL_ID } : {}),
      schedulerEnabled: e.SCHEDULER !== 'off',
    },
    ...(sso ? { sso } : {}),
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    ...(e.RETENTION_YEARS ? { retention: e.RETENTION_YEARS } : {}),
  };
}

/** STORE=sharepoint needs the site, the app registration and a credential (a certificate is preferred). */
function sharePointSettings(e: Env, botTenantId: string | undefined): SharePointSettings {
  const tenantId = e.TENANT_ID ?? botTenantId;
  const missing: string[] = (['SHAREPOINT_SITE_ID', 'CLIENT_ID', 'GRAPH_ORG'] as const).filter((k) => !e[k]);
  if (!tenantId) missing.push('TENANT_ID');
  if (!e.CLIENT_CERT_PEM && !e.CLIENT_CERT_PATH && !e.CLIENT_SECRET) missing.push('CLIENT_CERT_PEM, CLIENT_CERT_PATH or CLIENT_SECRET');
  if (missing.length) throw new ConfigError(`STORE=sharepoint needs ${missing.join(', ')} (see README.md, "Run on SharePoint")`);
  const credential = e.CLIENT_CERT_PEM
    ? { clientCertPem: e.CLIENT_CERT_PEM }
    : e.CLIENT_CERT_PATH
      ? { clientCertPath: e.CLIENT_CERT_PATH }
      : { clientSecret: e.CLIENT_SECRET! };
  return { siteId: e.SHAREPOINT_SITE_ID!, tenantId: tenantId!, clientId: e.CLIENT_ID!, org: e.GRAPH_ORG!, ...credential };
}
