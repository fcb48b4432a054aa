/**
 * `npm run bench`: every `bench:*` script in package.json, one after another (they share two cores, so never in
 * parallel), so a benchmark added later is run without editing this list. Exits non-zero if any failed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const only = process.argv.slice(2);
const names = Object.keys(pkg.scripts)
  .filter((name) => name.startsWith('bench:'))
  .filter((name) => only.length === 0 || only.includes(name.slice('bench:'.length)));

const failed: string[] = [];
for (const name of names) {
  process.stdout.write(`\n=== npm run ${name}\n`);
  const run = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
process.stdout.write(`\n${names.length - failed.length} of ${names.length} benchmarks ran${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`);
process.exit(failed.length ? 1 : 0);
