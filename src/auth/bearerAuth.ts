import { UnauthenticatedError } from '../domain/errors';
import type { Actor } from '../policies/actor';
import type { Store } from '../store/port';
import { resolveActor } from './resolveActor';

/**
 * Validates a Teams SSO token (signature, issuer, audience, tenant, expiry) and says who it names. Throws
 * UnauthenticatedError when the token is not acceptable. The Entra ID validator is a later piece of work; it plugs
 * in here through createApp's `verifyBearer` option.
 */
export type BearerVerifier = (token: string) => Promise<{ aadObjectId: string } | { email: string }>;

export const BEARER_SCHEME = 'bearer';
export const BEARER_NOT_CONFIGURED = 'Teams sign-in is not configured yet.';

export async function bearerActor(store: Store, token: string, verify: BearerVerifier | undefined): Promise<Actor> {
  if (!verify) throw new UnauthenticatedError(BEARER_NOT_CONFIGURED);
  if (!token.trim()) throw new UnauthenticatedError('The bearer token is empty.');
  return resolveActor(store, await verify(token.trim()));
}
