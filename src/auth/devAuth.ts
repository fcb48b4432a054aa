import type { Config } from '../config';
import { UnauthenticatedError } from '../domain/errors';
import type { Actor } from '../policies/actor';
import type { Store } from '../store/port';
import { resolveActor } from './resolveActor';

/** `Authorization: Dev <member email>`: a demo persona, for local mode only (DESIGN.md rule 7). */
export const DEV_SCHEME = 'dev';
export const DEV_REFUSED = 'Demo personas are only accepted in local mode.';

const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

export async function devActor(config: Pick<Config, 'mode'>, store: Store, credentials: string): Promise<Actor> {
  // Checked before anything else, so outside local mode the header is refused whatever it names.
  if (config.mode !== 'local') throw new UnauthenticatedError(DEV_REFUSED);
  const email = credentials.trim();
  if (!EMAIL.test(email)) throw new UnauthenticatedError('The Dev authorization must name a member by email: "Authorization: Dev name@example.org".');
  return resolveActor(store, { email });
}
