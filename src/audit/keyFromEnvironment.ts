import path from 'node:path';
import { type CheckpointKey, keyFromText, loadOrCreateKeyFile } from './checkpointKey';

/** The local key file's default place: beside the SQLite file, never inside it. */
export const defaultKeyFile = (sqlitePath: string) => path.join(path.dirname(path.resolve(sqlitePath)), 'audit-checkpoint.key');

/**
 * The checkpoint key for this process. Production: AUDIT_CHECKPOINT_KEY, which App Service fills from the Key Vault
 * secret named in infra/azure.bicep (`auditKeySecretName`), so the key never sits in SharePoint or in the app's
 * settings as text. Local mode: a key file (AUDIT_KEY_FILE, default `data/audit-checkpoint.key`), created on first run.
 */
export function checkpointKeyFromEnvironment(env: NodeJS.ProcessEnv, config: { mode: 'local' | 'production'; sqlitePath: string }): CheckpointKey {
  const given = env.AUDIT_CHECKPOINT_KEY?.trim();
  if (given) return keyFromText(given);
  if (config.mode === 'production') {
    throw new Error('AUDIT_CHECKPOINT_KEY is required in production: the Key Vault secret that signs the audit trail\'s checkpoints.');
  }
  return loadOrCreateKeyFile(env.AUDIT_KEY_FILE?.trim() || defaultKeyFile(config.sqlitePath));
}
