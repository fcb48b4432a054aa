/*
 * npm run scan:overdue — runs the daily overdue scan now (digest per partnership channel, reminders, escalations),
 * then posts what it queued. Both steps run under the same leases as the server's scheduler, so running this while
 * the server runs (or on two machines) posts nothing twice: whoever holds a lease works, the other skips; and a scan
 * already done today queues nothing again (idempotency keys). The scan is audited as 'system'.
 */
import { ConfigError, loadConfig } from '../src/config';
import { OUTBOX_JOB, OVERDUE_SCAN_JOB, notificationJobs, processHolder } from '../src/notify/startNotifications';
import { Scheduler } from '../src/notify/scheduler';
import { openStore } from '../src/store/openStore';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = openStore(config);
  try {
    const log = (event: string, fields: Record<string, unknown>) => {
      if (event !== 'outbox.delivery') console.info(`  ${event} ${JSON.stringify(fields)}`);
    };
    // Not started: no timers, only the two runs asked for.
    const scheduler = new Scheduler({ store, holder: processHolder(), jobs: notificationJobs({ config, store, log }) });
    for (const job of [OVERDUE_SCAN_JOB, OUTBOX_JOB]) {
      const outcome = await scheduler.runNow(job);
      if (outcome.status === 'ran') console.info(`${job}: ${JSON.stringify(outcome.result)}`);
      else if (outcome.status === 'skipped') console.info(`${job}: skipped (${outcome.reason}${'heldBy' in outcome && outcome.heldBy ? `, held by ${outcome.heldBy}` : ''})`);
      else console.error(`${job}: failed: ${outcome.error}`);
    }
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Refused: ${err.message}` : err);
  process.exitCode = 1;
});
