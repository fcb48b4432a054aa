/**
 * One server instance for the scan race: its own connection to the database file, the real notification jobs on a
 * scheduler that is not started; it runs the overdue scan on demand, under the lease, at once. It prints
 * {holder, status, queued} as one JSON line as soon as that is decided; the instance that ran the scan then keeps its
 * lease (as a scan over a large SharePoint list would) until the test closes stdin, so the others try while it works.
 * Usage: tsx scanRacer.ts <db file> <holder> <scan instant ISO>
 */
import { DEFAULT_NOTIFY } from '../../../src/config';
import { Scheduler } from '../../../src/notify/scheduler';
import { notificationJobs, OVERDUE_SCAN_JOB } from '../../../src/notify/startNotifications';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore';
import { testConfig } from '../../api/server';
import { untilReleased } from './raceProcesses';

async function main(): Promise<void> {
  const [file, holder, at] = process.argv.slice(2);
  const store = new SqliteStore(file!);
  const now = () => new Date(at!);
  const config = { ...testConfig(file!), notify: DEFAULT_NOTIFY };
  const jobs = notificationJobs({ config, store, now }).map((job) =>
    job.name !== OVERDUE_SCAN_JOB ? job : {
      ...job,
      run: async (ctx: Parameters<typeof job.run>[0]) => {
        const result = await job.run(ctx);
        process.stdout.write(`${JSON.stringify({ holder, status: 'ran', queued: (result as { queued: unknown }).queued })}\n`);
        await untilReleased();
        return result;
      },
    });
  const scheduler = new Scheduler({ store, holder: holder!, jobs, now });
  const outcome = await scheduler.runNow(OVERDUE_SCAN_JOB);
  if (outcome.status !== 'ran') process.stdout.write(`${JSON.stringify({ holder, status: outcome.status })}\n`);
  await store.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(String((err as Error).stack ?? err));
  process.exit(1);
});
