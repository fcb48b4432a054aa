/**
 * One "instance" for the lease race: opens its own connection to the database file, waits for the common start
 * time, then tries to run a job under the lease. Prints {holder, ran, onTime} as JSON (onTime: it was ready
 * before the start, so the instances really started together).
 * Usage: tsx leaseRacer.ts <db file> <holder> <start at epoch ms> <job ms>
 */
import { withLease } from '../../../src/notify/lease';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore';

async function main(): Promise<void> {
  const [file, holder, startAt, jobMs] = process.argv.slice(2);
  const store = new SqliteStore(file!);
  const onTime = Date.now() < Number(startAt);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const outcome = await withLease(store, 'job:overdueScan', holder!, 60_000, () => new Date(), async () => {
    await new Promise((resolve) => setTimeout(resolve, Number(jobMs)));
    return holder;
  });
  await store.close();
  process.stdout.write(JSON.stringify({ holder, ran: outcome.ran, onTime }));
}

main().catch((err: unknown) => {
  process.stderr.write(String((err as Error).stack ?? err));
  process.exit(1);
});
