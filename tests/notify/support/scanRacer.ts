/**
 * One server instance for the scan race: its own connection to the database file, the real notification jobs on a
 * scheduler that is not started; at the common start time it runs the overdue scan on demand, under the lease.
 * The scan is followed by a pause of <hold ms> inside the job, as a scan over a large SharePoint list would take, so
 * the two instances really overlap. Prints {holder, status, queued, onTime} as JSON.
 * Usage: tsx scanRacer.ts <db file> <holder> <start at epoch ms> <scan instant ISO> <hold ms>
 */
import { DEFAULT_NOTIFY } from '../../../src/config';
import { Scheduler } from '../../../src/notify/scheduler';
import { notificationJobs, OVERDUE_SCAN_JOB } from '../../../src/notify/startNotifications';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore';
import { testConfig } from '../../api/server';

async function main(): Promise<void> {
  const [file, holder, startAt, at, holdMs] = process.argv.slice(2);
  const store = new SqliteStore(file!);
  const now = () => new Date(at!);
  const config = { ...testConfig(file!), notify: DEFAULT_NOTIFY };
  const jobs = notificationJobs({ config, store, now }).map((job) =>
    job.name !== OVERDUE_SCAN_JOB ? job : {
      ...job,
      run: async (ctx: Parameters<typeof job.run>[0]) => {
        const result = await job.run(ctx);
        await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
        return result;
      },
    });
  const scheduler = new Scheduler({ store, holder: holder!, jobs, now });
  const onTime = Date.now() < Number(startAt);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const outcome = await scheduler.runNow(OVERDUE_SCAN_JOB);
  await store.close();
  const queued = outcome.status === 'ran' ? (outcome.result as { queued: unknown }).queued : undefined;
  process.stdout.write(JSON.stringify({ holder, status: outcome.status, queued, onTime }));
}

main().catch((err: unknown) => {
  process.stderr.write(String((err as Error).stack ?? err));
  process.exit(1);
});
