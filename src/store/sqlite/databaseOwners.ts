import fs from 'node:fs';
import path from 'node:path';

/*
 * Which running servers have a SQLite file open, so `npm run demo:reset` can refuse to replace the file under one
 * (the server would keep writing to the deleted file and every later change would be silently lost). Each server
 * writes its pid into `<database>.owners/` at start and removes it at exit; SQLite's own locks are held only during
 * a transaction, so they cannot say this. Several servers may share one file (instances of one deployment), so
 * each has its own entry. A server killed outright leaves its entry behind: an entry whose process is gone is stale,
 * ignored and removed.
 */

const ownersDir = (database: string) => `${path.resolve(database)}.owners`;

/** Whether a process with this pid is running (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Records this process as a user of `database` until it exits; returns the function that removes the record. */
export function holdDatabase(database: string, pid = process.pid): () => void {
  const dir = ownersDir(database);
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, String(pid));
  fs.writeFileSync(entry, `${JSON.stringify({ pid, since: new Date().toISOString() })}\n`);
  const release = () => {
    fs.rmSync(entry, { force: true });
    process.removeListener('exit', release);
  };
  process.on('exit', release);
  return release;
}

/** The pids of running processes that hold `database` (other than `except`); stale entries are removed. */
export function databaseHolders(database: string, except = process.pid): number[] {
  const dir = ownersDir(database);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0 || pid === except) continue;
    if (running(pid)) live.push(pid);
    else fs.rmSync(path.join(dir, name), { force: true });
  }
  return live;
}
