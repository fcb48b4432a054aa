import { ConfigError } from '../configError';

/** What the Teams SSO validator needs from the environment. */
export interface EntraSsoSettings {
  tenantId: string;
  clientId: string;
  appIdUri: string;
}

export const SSO_ENV = { clientId: 'AAD_APP_CLIENT_ID', tenantId: 'AAD_APP_TENANT_ID', appIdUri: 'TAB_APP_ID_URI' } as const;

/**
 * Reads the SSO settings: none set means Teams SSO is off (Bearer tokens are refused); some but not all set is a
 * mistake worth stopping for. Values are checked when the validator is built.
 */
export function readEntraSsoSettings(env: NodeJS.ProcessEnv): EntraSsoSettings | undefined {
  const values = {
    clientId: env[SSO_ENV.clientId]?.trim() || undefined,
    tenantId: env[SSO_ENV.tenantId]?.trim() || undefined,
    appIdUri: env[SSO_ENV.appIdUri]?.trim() || undefined,
  };
  const missing = (Object.keys(SSO_ENV) as (keyof typeof SSO_ENV)[]).filter((k) => !values[k]).map((k) => SSO_ENV[k]);
  if (missing.length === 3) return undefined;
  if (missing.length) throw new ConfigError(`Teams SSO needs ${missing.join(', ')} as well (or none of the three to turn it off)`);
  return values as EntraSsoSettings;
}
