import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { ROOT } from './bicepSettings';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** The source file a relative import names (x.ts, x.tsx, x/index.ts, or a .json file). */
function resolveSource(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every file the server loads at run time from src/main.ts, and every package it imports (type-only imports aside). */
function runtimeGraph(entry: string): { files: Set<string>; packages: Map<string, string>; unresolved: string[] } {
  const files = new Set<string>();
  const unresolved: string[] = [];
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json')) continue;
    const text = fs.readFileSync(file, 'utf8');
    const specs = [
      ...[...text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
    ];
    for (const spec of specs) {
      if (spec.startsWith('.')) {
        const source = resolveSource(file, spec);
        if (source) queue.push(source);
        else unresolved.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
      else packages.set(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!, path.relative(ROOT, file));
    }
  }
  return { files, packages, unresolved };
}

describe('the production build', () => {
  const graph = runtimeGraph(path.join(ROOT, 'src', 'main.ts'));

  it('imports, at run time, only production dependencies and Node built-ins: no tsx, no development package', () => {
    expect(graph.packages.size).toBeGreaterThan(5);
    const builtins = new Set(builtinModules);
    const wrong = [...graph.packages].filter(([name]) => !name.startsWith('node:') && !builtins.has(name) && !(name in pkg.dependencies));
    expect(wrong.map(([name, from]) => `${name} (imported by ${from})`)).toEqual([]);
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    // An import this walk cannot follow would hide what is behind it.
    expect(graph.unresolved).toEqual([]);
  });

  it('compiles everything the server loads: src/ and bot/ are in tsconfig.build.json, tests and scripts are not', () => {
    const build = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    const outside = [...graph.files]
      .map((f) => path.relative(ROOT, f))
      .filter((f) => f !== 'package.json' && !build.include.some((dir: string) => f.startsWith(`${dir}/`)));
    expect(outside).toEqual([]);
    expect(build.include.sort()).toEqual(['bot', 'src']);
  });

  it('is what npm start and npm run build use, with the tab built beside it', () => {
    expect(pkg.scripts['build:server']).toContain('tsc -p tsconfig.build.json');
    expect(pkg.scripts.build).toBe('npm run build:server && npm run build:tab');
    expect(pkg.scripts.start).toBe('npm run build && node dist/src/main.js');
  });
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Polls until the server answers (no deadline of its own: Jest's timeout is the only limit, so speed never matters). */
async function whenAnswering(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the compiled server exited with ${child.exitCode}:\n${output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('the compiled server', () => {
  // Inside the repository, so the compiled files resolve node_modules as dist/ does; build/ is not committed.
  const outDir = path.join(ROOT, 'build', `test-dist-${process.pid}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-build-'));
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill('SIGKILL');
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('starts with plain node (local mode) and answers /healthz', async () => {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await new Promise<void>((resolve, reject) => {
      execFile(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--noCheck'], { cwd: ROOT }, (err, stdout) => {
        // Type errors are the typecheck's business (--noCheck: emit only, faster); here what matters is that the
        // emitted JavaScript runs.
        if (!fs.existsSync(path.join(outDir, 'src', 'main.js'))) reject(new Error(`tsc emitted no src/main.js: ${err?.message ?? ''}\n${stdout}`));
        else resolve();
      });
    });
    const port = await freePort();
    let output = '';
    child = spawn(process.execPath, [path.join(outDir, 'src', 'main.js')], {
      cwd: work,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        SQLITE_PATH: path.join(work, 'riskpanel.db'),
        SEED_DEMO: 'false',
        TAB_DIR: path.join(work, 'no-tab'),
        LOG_LEVEL: 'warn',
      },
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const res = await whenAnswering(`http://127.0.0.1:${port}/healthz`, child, () => output);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'local', store: 'sqlite' });
  }, 300_000);
});
