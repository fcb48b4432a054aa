import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that signs audit checkpoints. It is held outside the store (a key file in local mode, a Key Vault secret in
 * production), so someone who can edit the store can rewrite events but cannot sign a chain head that matches.
 */
export interface CheckpointKey {
  /** Names the key without revealing it (first 16 hex digits of its SHA-256), so a rotated key is recognisable. */
  id: string;
  secret: Buffer;
}

const MIN_KEY_BYTES = 32;

export function keyFromSecret(secret: Buffer): CheckpointKey {
  if (secret.length < MIN_KEY_BYTES) throw new Error(`The audit checkpoint key must be at least ${MIN_KEY_BYTES} bytes.`);
  return { id: createHash('sha256').update(secret).digest('hex').slice(0, 16), secret };
}

/** A key given as text (Key Vault secret or key file): base64 of at least 32 random bytes. */
export function keyFromText(text: string): CheckpointKey {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/=_-]+$/.test(trimmed)) throw new Error('The audit checkpoint key must be base64 text.');
  return keyFromSecret(Buffer.from(trimmed, 'base64'));
}

/** The local key file, created (owner read/write only) on first run. */
export function loadOrCreateKeyFile(file: string): CheckpointKey {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // 'wx': if two processes start at once, the second reads the first one's key instead of replacing it.
    try {
      fs.writeFileSync(file, `${randomBytes(MIN_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return keyFromText(fs.readFileSync(file, 'utf8'));
}

const signedText = (seq: number, hash: string) => `riskpanel-audit-checkpoint\n${seq}\n${hash}`;

/** HMAC-SHA256 (hex) over the checkpoint's sequence number and head hash. */
export function signCheckpoint(key: CheckpointKey, seq: number, hash: string): string {
  return createHmac('sha256', key.secret).update(signedText(seq, hash)).digest('hex');
}

export function checkpointSignatureValid(key: CheckpointKey, seq: number, hash: string, signature: string): boolean {
  const expected = Buffer.from(signCheckpoint(key, seq, hash), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// The process's signing key, set once at start-up by the composition root (src/main.ts) or a script. Module state
// rather than a Context field because every audit writer (commands, queries, the scheduler, the seed) shares it.
let current: CheckpointKey | undefined;

export function useCheckpointKey(key: CheckpointKey | undefined): void {
  current = key;
}

export function currentCheckpointKey(): CheckpointKey | undefined {
  return current;
}
