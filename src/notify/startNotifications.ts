import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { getAuthConfigWithDefaults, MsalTokenProvider } from '@microsoft/agents-hosting';
import { authConfigurationFor } from './botAuthConfiguration';
import { type Config, notifySettingsOf } from '../config';
import type { Store } from '../store/port';
import type { BotConnector } from './connector';
import { HttpBotConnector } from './httpConnector';
import { outboxJob } from './jobs';
import { type OverdueScanReport, runOverdueScanAsSystem } from '../kernel/overdueScan';
import { createRenderer } from './render/index';
import { type DailyJob, type Job, type JobOutcome, Scheduler } from './scheduler';
import { SharePointStore } from '../store/sharepoint/sharePointStore';
import { sharePointSyncJob } from './sharePointSyncJob';

export const OVERDUE_SCAN_JOB = 'overdueScan';
export const OUTBOX_JOB = 'outbox';

/** The Bot Connector service's token audience for a bot's proactive calls. */
const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export interface NotificationDeps {
  config: Config;
  store: Store;
  /** Default: the HTTP connector (no token in local mode; the bot app's token in production). */
  connector?: BotConnector;
  now?: () => Date;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

export interface Notifications {
  scheduler: Scheduler;
  /** Runs the overdue scan now under its lease (as the system), then drains the outbox under its own. */
  runScanNow(): Promise<{ scan: JobOutcome; outbox: JobOutcome }>;
  stop(): Promise<void>;
}

/**
 * The connector the sender posts with. Local mode: to the service URL stored in each conversation reference (the
 * Agents Playground's, http on loopback), with no token, as the Playground expects. Production: a token for the bot
 * app from the Agents SDK's MsalTokenProvider, with the credentials the SDK reads from its environment (client
 * secret, certificate or managed identity) for the configured client id; it caches tokens until they expire.
 */
export function connectorFor(config: Config): BotConnector {
  if (config.mode === 'local') return new HttpBotConnector();
  const auth = getAuthConfigWithDefaults(authConfigurationFor(config));
  const provider = new MsalTokenProvider(auth);
  return new HttpBotConnector({
    getToken: () => provider.getAccessToken(BOT_FRAMEWORK_SCOPE),
    ...(config.bot.clientId ? { botId: config.bot.clientId } : {}),
  });
}

/** The jobs: the daily scan (reminders and escalations included), the outbox sender on an interval, and on SharePoint the delta sync. */
export function notificationJobs(deps: NotificationDeps): Job[] {
  const settings = notifySettingsOf(deps.config);
  const now = deps.now ?? (() => new Date());
  const scan: DailyJob = {
    name: OVERDUE_SCAN_JOB,
    at: settings.scanTime,
    run: async (ctx): Promise<OverdueScanReport> => {
      const report = await runOverdueScanAsSystem(deps.store, ctx.now, settings, ctx.trigger);
      deps.log?.('notify.scan', { asOf: report.asOf, queued: report.queued, alreadyQueued: report.alreadyQueued, withoutChat: report.withoutChat });
      return report;
    },
  };
  const outbox = outboxJob({
    store: deps.store,
    connector: deps.connector ?? connectorFor(deps.config),
    render: createRenderer({ publicUrl: deps.config.publicUrl, now }),
    now,
    everyMs: settings.outboxIntervalSeconds * 1000,
    ...(deps.log ? { log: deps.log } : {}),
  });
  // SharePoint mode: people's edits in the lists, picked up every few minutes (issue 13 item 7).
  const sync = deps.store instanceof SharePointStore && deps.config.sharepoint ? [sharePointSyncJob({ store: deps.store, siteRef: deps.config.sharepoint.siteId, ...(deps.log ? { log: deps.log } : {}) })] : [];
  return [scan, outbox, ...sync];
}

/** A holder name unique to this process, for the leases. */
export const processHolder = (): string => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Starts proactive delivery in this process: the daily overdue scan at SCAN_TIME (UK time) and the outbox drained
 * every OUTBOX_INTERVAL_SECONDS, each under its lease, so with several instances one runs and the others skip. A scan
 * missed while the process was down (within six hours) runs at start. Not started when SCHEDULER=off; tests build
 * their own Scheduler and never start this unless that is what they test.
 */
export async function startNotifications(deps: NotificationDeps): Promise<Notifications> {
  const settings = notifySettingsOf(deps.config);
  const scheduler = new Scheduler({
    store: deps.store,
    holder: processHolder(),
    jobs: notificationJobs(deps),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  });
  if (settings.schedulerEnabled) await scheduler.start();
  return {
    scheduler,
    runScanNow: async () => ({ scan: await scheduler.runNow(OVERDUE_SCAN_JOB), outbox: await scheduler.runNow(OUTBOX_JOB) }),
    stop: () => scheduler.stop(),
  };
}
