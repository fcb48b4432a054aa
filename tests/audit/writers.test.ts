import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyFromSecret, useCheckpointKey } from '../../src/audit/checkpointKey';
import { verifyStoredChain } from '../../src/audit/verifyStore';
import { seedDemo } from '../../src/demo/seedDemo';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';

const KEY = keyFromSecret(Buffer.alloc(32, 3));

describe('audit writers outside commands go through the chain', () => {
  it('the demo seed writes a trail that verifies', async () => {
    useCheckpointKey(KEY);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-seed-'));
    const store = new SqliteStore(path.join(dir, 'demo.db'));
    try {
      const counts = await seedDemo(store, { now: new Date('2026-06-15T09:00:00Z'), refPrefix: 'CASPA' });
      expect(counts.audit).toBeGreaterThan(10);
      expect(await verifyStoredChain(store, KEY)).toMatchObject({ ok: true, events: counts.audit, lastSeq: counts.audit, signature: 'valid' });
    } finally {
      useCheckpointKey(undefined);
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
