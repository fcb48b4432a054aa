/**
 * `npm run stage:deploy` (after `npm run build`): the folder App Service runs, build/deploy/, holding the compiled
 * server (dist/), the built tab (tabs/dist/), package.json, the lock file and the production dependencies only.
 * m365agents.yml zip-deploys it; the manual route zips it (see infra/README.md). Run it on Linux x64 so the
 * better-sqlite3 binary installed here matches App Service.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const out = path.join(root, 'build', 'deploy');

function main(): void {
  for (const built of ['dist/src/main.js', 'tabs/dist/index.html']) {
    if (!fs.existsSync(path.join(root, built))) {
      process.stderr.write(`stage:deploy: ${built} is missing; run \`npm run build\` first.\n`);
      process.exit(1);
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const item of ['dist', 'tabs/dist', 'package.json', 'package-lock.json']) {
    fs.cpSync(path.join(root, item), path.join(out, item), { recursive: true });
  }
  // Development packages (tsx, Vite, Jest, the toolkit's validators...) stay behind: production runs plain node.
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: out, stdio: 'inherit' });
  process.stdout.write(`stage:deploy: ${path.relative(root, out)} is ready to zip-deploy (starts with \`node dist/src/main.js\`).\n`);
}

main();
