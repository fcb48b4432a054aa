import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkpointSignatureValid, keyFromText, signCheckpoint } from '../../src/audit/checkpointKey';
import { checkpointKeyFromEnvironment, defaultKeyFile } from '../../src/audit/keyFromEnvironment';
import { loadConfig } from '../../src/config';
import { environmentAtRunTime, TEST_VAULT } from '../infra/bicepSettings';

describe('the checkpoint key', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-key-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('local mode: created beside the SQLite file on first run (owner-only), the same key on the next', () => {
    const sqlitePath = path.join(dir, 'data', 'riskpanel.db');
    const first = checkpointKeyFromEnvironment({}, { mode: 'local', sqlitePath });
    const file = defaultKeyFile(sqlitePath);
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(checkpointKeyFromEnvironment({}, { mode: 'local', sqlitePath }).id).toBe(first.id);
    expect(checkpointKeyFromEnvironment({ AUDIT_KEY_FILE: path.join(dir, 'other.key') }, { mode: 'local', sqlitePath }).id).not.toBe(first.id);
  });

  it('production: required, and taken from AUDIT_CHECKPOINT_KEY as the Bicep wires it from Key Vault', () => {
    expect(() => checkpointKeyFromEnvironment({}, { mode: 'production', sqlitePath: 'x.db' })).toThrow(/AUDIT_CHECKPOINT_KEY is required/);
    const env = environmentAtRunTime();
    expect(env.AUDIT_CHECKPOINT_KEY).toBe(TEST_VAULT['audit-checkpoint-key']);
    const config = loadConfig(env);
    const key = checkpointKeyFromEnvironment(env, config);
    expect(key.id).toBe(keyFromText(TEST_VAULT['audit-checkpoint-key']!).id);
  });

  it('refuses a short or non-base64 key; signatures check out only with the same key and content', () => {
    expect(() => keyFromText(Buffer.alloc(16).toString('base64'))).toThrow(/at least 32 bytes/);
    expect(() => keyFromText('not base64!')).toThrow(/base64/);
    const key = keyFromText(Buffer.alloc(32, 5).toString('base64'));
    const sig = signCheckpoint(key, 7, 'a'.repeat(64));
    expect(checkpointSignatureValid(key, 7, 'a'.repeat(64), sig)).toBe(true);
    expect(checkpointSignatureValid(key, 8, 'a'.repeat(64), sig)).toBe(false);
    expect(checkpointSignatureValid(key, 7, 'b'.repeat(64), sig)).toBe(false);
    expect(checkpointSignatureValid(keyFromText(Buffer.alloc(32, 6).toString('base64')), 7, 'a'.repeat(64), sig)).toBe(false);
  });
});
