/**
 * One "instance" for the lease race: opens its own connection to the database file and tries to take the lease at
 * once. Prints {holder, ran} as one JSON line as soon as that is decided; the winner then keeps the lease (working,
 * its heartbeat renewing) until the test closes stdin. Usage: tsx leaseRacer.ts <db file> <holder>
 */
import { withLease } from '../../../src/notify/lease';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore';
import { untilReleased } from './raceProcesses';

async function main(): Promise<void> {
  const [file, holder] = process.argv.slice(2);
  const store = new SqliteStore(file!);
  const outcome = await withLease(store, { name: 'job:overdueScan', holder: holder!, ttlMs: 15_000 }, async () => {
    process.stdout.write(`${JSON.stringify({ holder, ran: true })}\n`);
    await untilReleased();
    return holder;
  });
  if (!outcome.ran) process.stdout.write(`${JSON.stringify({ holder, ran: false, heldBy: outcome.heldBy ?? null })}\n`);
  await store.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(String((err as Error).stack ?? err));
  process.exit(1);
});
