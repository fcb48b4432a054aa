import type { Config } from '../config';
import { UnauthenticatedError } from '../domain/errors';
import type { Actor } from '../policies/actor';
import type { Store } from '../store/port';
import { BEARER_SCHEME, type BearerVerifier, bearerActor } from './bearerAuth';
import { DEV_SCHEME, devActor } from './devAuth';

export interface AuthDeps {
  config: Pick<Config, 'mode'>;
  store: Store;
  verifyBearer?: BearerVerifier;
}

export const SIGN_IN_REQUIRED = 'Sign in to RiskPanel: this request carried no credentials.';

/** Turns an Authorization header into an Actor, or throws UnauthenticatedError (401) saying why not. */
export async function authenticate(deps: AuthDeps, authorization: string | undefined): Promise<Actor> {
  const header = authorization?.trim();
  if (!header) throw new UnauthenticatedError(SIGN_IN_REQUIRED);
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const credentials = space < 0 ? '' : header.slice(space + 1);
  switch (scheme) {
    case DEV_SCHEME:
      return devActor(deps.config, deps.store, credentials);
    case BEARER_SCHEME:
      return bearerActor(deps.store, credentials, deps.verifyBearer);
    default:
      throw new UnauthenticatedError(
        deps.config.mode === 'local'
          ? 'Unsupported authorization scheme: use "Dev <member email>" in local mode.'
          : 'Unsupported authorization scheme: sign in through Teams.',
      );
  }
}
