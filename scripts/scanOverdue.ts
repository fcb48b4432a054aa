/*
 * npm run scan:overdue — runs the daily overdue scan now (digest per partnership channel, reminders, escalations),
 * then posts what it queued. Both steps run under the same leases as the server's scheduler, so running this while
 * the server runs (or on two machines) posts nothing twice: whoever holds a lease works, the other skips; and a scan
 * already done today queues nothing again (idempotency keys). The scan is audited as 'system'.
 */
import { useCheckpointKey } from '../src/audit/checkpointKey';
import { checkpointKeyFromEnvironment } from '../src/audit/keyFromEnvironment';
import { ConfigError, loadConfig } from '../src/config';
import { flushLogs, logger } from '../src/log';
import { OUTBOX_JOB, OVERDUE_SCAN_JOB, notificationJobs, processHolder } from '../src/notify/startNotifications';
import { Scheduler } from '../src/notify/scheduler';
import { openStore } from '../src/store/openStore';

// JSON lines like the server's, so a scheduled run's output lands in the same log queries.
const log = logger('scanOverdue');

async function main(): Promise<void> {
  const config = loadConfig();
  // The scan is audited: sign the audit chain's head as the server would.
  useCheckpointKey(checkpointKeyFromEnvironment(process.env, config));
  const store = openStore(config);
  try {
    const notifyLog = (event: string, fields: Record<string, unknown>) => {
      if (event !== 'outbox.delivery') log.info({ ...fields, event: `notify.${event}` }, 'notify');
    };
    // Not started: no timers, only the two runs asked for.
    const scheduler = new Scheduler({ store, holder: processHolder(), jobs: notificationJobs({ config, store, log: notifyLog }) });
    for (const job of [OVERDUE_SCAN_JOB, OUTBOX_JOB]) {
      const outcome = await scheduler.runNow(job);
      if (outcome.status === 'ran') log.info({ job, result: outcome.result }, `${job}: ran`);
      else if (outcome.status === 'skipped') log.info({ job, skipReason: outcome.reason, ...('heldBy' in outcome && outcome.heldBy ? { heldBy: outcome.heldBy } : {}) }, `${job}: skipped`);
      else log.error({ job, error: String(outcome.error) }, `${job}: failed`);
    }
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) log.fatal({ event: 'config.refused' }, `Refused: ${err.message}`);
  else log.fatal({ err }, 'scan:overdue failed');
  flushLogs();
  process.exitCode = 1;
});
