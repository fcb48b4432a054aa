import type { AuthConfiguration } from '@microsoft/agents-hosting';
import type { Config } from '../config';

/**
 * What the SDK authenticates with. Local mode names no client id: the SDK's JWT middleware then treats a request
 * without an Authorization header as anonymous, which is how the Agents Playground calls. Production names the
 * single-tenant app and has the SDK check the token's issuer too (off by default in the SDK).
 * Credentials for replying (clientSecret, certificate, managed identity) are read by the SDK from its own
 * environment variables.
 */
export function authConfigurationFor(config: Config): AuthConfiguration {
  if (config.mode === 'local') return { clientId: undefined };
  return {
    ...(config.bot.clientId ? { clientId: config.bot.clientId } : {}),
    ...(config.bot.tenantId ? { tenantId: config.bot.tenantId } : {}),
    validateIssuer: true,
  };
}
