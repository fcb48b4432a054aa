import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (and signal) when it ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a line matching `pattern` has been written. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Ends it and whatever it started (tsx runs node as a child) at once: for cleaning up after a failed test. */
  kill(): void;
}

/**
 * A real RiskPanel server (src/main.ts under tsx) in its own process on 127.0.0.1 and a free port, in local mode on
 * the given SQLite file unless `env` says otherwise. Jest's own variables are left out, so it logs as in production.
 */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const { JEST_WORKER_ID: _j, NODE_ENV: _n, ...inherited } = process.env;
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, RISKPANEL_MODE: 'local', HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', TAB_DIR: '/nonexistent', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so kill() reaches the node process tsx starts as well.
    detached: true,
  });
  let text = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const w of [...waiters]) {
      const m = w.pattern.exec(text);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const m = pattern.exec(text);
      if (m) return resolve(m);
      waiters.push({ pattern, resolve });
      void exited.then(({ code }) => reject(new Error(`The server exited (${code}) before writing ${pattern}:\n${text.slice(-3000)}`)));
    });
  // The listening line, as plain text or as a JSON log line's url.
  const [, port] = await waitFor(/(?:listening on |"url":")http:\/\/127\.0\.0\.1:(\d+)/);
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return { url: `http://127.0.0.1:${port}`, process: child, output: () => text, exited, waitFor, kill };
}
