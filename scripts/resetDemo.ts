/*
 * npm run demo:reset — throws away the local SQLite file and loads the synthetic partnership again.
 * Refused outside local mode, so it can never wipe a real partnership's records, and refused while a server has the
 * file open: the server would go on writing to the deleted file, and everything done after the reset would be lost.
 */
import fs from 'node:fs';
import { useCheckpointKey } from '../src/audit/checkpointKey';
import { checkpointKeyFromEnvironment } from '../src/audit/keyFromEnvironment';
import { ConfigError, loadConfig } from '../src/config';
import { seedDemo } from '../src/demo/seedDemo';
import { seedBoardWork } from '../src/demo/seedBoardWork';
import { databaseHolders } from '../src/store/sqlite/databaseOwners';
import { SqliteStore } from '../src/store/sqlite/sqliteStore';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode !== 'local' || config.store !== 'sqlite') {
    throw new ConfigError('demo:reset only runs in local mode with the SQLite store.');
  }
  const holders = databaseHolders(config.sqlitePath);
  if (holders.length > 0) {
    throw new ConfigError(
      `RiskPanel is running on ${config.sqlitePath} (process ${holders.join(', ')}). Stop \`npm start\` first, then run demo:reset again.`,
    );
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${config.sqlitePath}${suffix}`, { force: true });

  // The seeded audit trail's head is signed with the local checkpoint key, so audit:verify passes on a fresh demo.
  useCheckpointKey(checkpointKeyFromEnvironment(process.env, config));
  const store = new SqliteStore(config.sqlitePath);
  try {
    const counts = await seedDemo(store, { now: new Date(), refPrefix: config.refPrefix });
    console.info(`Demo data reset in ${config.sqlitePath}`);
    for (const [kind, n] of Object.entries(counts)) console.info(`  ${kind.padEnd(16)} ${n}`);
    for (const [kind, n] of Object.entries(await seedBoardWork(store, new Date()))) console.info(`  board ${kind.padEnd(10)} ${n}`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Refused: ${err.message}` : err);
  process.exitCode = 1;
});
