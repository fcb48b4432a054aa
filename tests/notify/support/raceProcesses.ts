import { spawn } from 'node:child_process';
import path from 'node:path';

const TSX = path.join(__dirname, '../../../node_modules/.bin/tsx');

/**
 * Starts one process per argument list running `script`, which prints one JSON line once its attempt is decided and,
 * if it won, keeps working until its stdin closes. Stdin closes only after every process has printed, so the winner
 * is still working while each of the others tries, however slowly any of them starts: the outcome cannot depend on
 * the machine's speed. Resolves with the printed lines, once every process has exited cleanly.
 */
export async function raceProcesses<T>(script: string, runs: string[][]): Promise<T[]> {
  const children = runs.map((args) => spawn(TSX, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }));
  const exits = children.map(
    (child) =>
      new Promise<void>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`racer exited with ${code}: ${stderr}`))));
      }),
  );
  const answers = children.map(
    (child, i) =>
      new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const end = out.indexOf('\n');
          if (end >= 0) resolve(out.slice(0, end));
        });
        exits[i]!.then(() => reject(new Error('racer exited without answering')), reject);
      }),
  );
  try {
    const lines = await Promise.all(answers);
    return lines.map((line) => JSON.parse(line) as T);
  } finally {
    for (const child of children) child.stdin.end();
    await Promise.allSettled(exits);
  }
}

/** For the racer scripts: resolves when the parent closes stdin (every racer has answered). */
export const untilReleased = (): Promise<void> =>
  new Promise((resolve) => {
    process.stdin.on('end', () => resolve());
    process.stdin.resume();
  });
