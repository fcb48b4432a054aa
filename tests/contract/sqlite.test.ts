import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { describeStoreContract } from './storeContract';

describeStoreContract('SQLite on a temporary file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-contract-'));
  const store = new SqliteStore(path.join(dir, 'contract.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
