/*
 * npm run audit:verify — walks the audit trail's hash chain in the configured store (SQLite file or SharePoint list)
 * and checks the signed chain head with the checkpoint key (local key file, or AUDIT_CHECKPOINT_KEY in production).
 * Prints the first broken link and exits 1 if there is one; prints the head checkpoint (keep it: `--kept seq:hash`
 * on a later run proves the trail was not rolled back to before it).
 */
import { checkpointKeyFromEnvironment } from '../src/audit/keyFromEnvironment';
import type { KeptCheckpoint } from '../src/audit/verify';
import { verifyStoredChain } from '../src/audit/verifyStore';
import { loadConfig } from '../src/config';
import { openStore } from '../src/store/openStore';

function keptFrom(argv: string[]): KeptCheckpoint[] {
  const kept: KeptCheckpoint[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--kept') continue;
    const m = /^(\d+):([0-9a-f]{64})$/.exec(argv[i + 1] ?? '');
    if (!m) throw new Error('--kept takes seq:hash, as printed by an earlier run (for example 120:3fa1...)');
    kept.push({ seq: Number(m[1]), hash: m[2]! });
  }
  return kept;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const key = checkpointKeyFromEnvironment(process.env, config);
  const store = openStore(config);
  try {
    const report = await verifyStoredChain(store, key, keptFrom(process.argv.slice(2)));
    const out = process.stdout;
    out.write(`Audit trail: ${report.events} events, chain ends at ${report.lastSeq}; head signature ${report.signature}.\n`);
    if (report.ok) {
      out.write(`OK: every link holds. Checkpoint to keep: ${report.lastSeq}:${report.headHash ?? ''}\n`);
      return;
    }
    const first = report.breaks[0]!;
    out.write(`BROKEN at ${first.seq ?? 'an unchained event'}${first.eventId ? ` (event ${first.eventId})` : ''}: ${first.problem}\n`);
    if (report.breaks.length > 1) out.write(`${report.breaks.length - 1} further problem(s):\n${report.breaks.slice(1).map((b) => `  - ${b.problem}`).join('\n')}\n`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
