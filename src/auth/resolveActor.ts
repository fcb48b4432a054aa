import { UnauthenticatedError } from '../domain/errors';
import type { Actor } from '../policies/actor';
import type { Store } from '../store/port';

const UNKNOWN =
  'You are not a member of this partnership in RiskPanel. Ask your panel coordinator to add you.';

/** Maps an authenticated identity to an active member and their agency. */
export async function resolveActor(store: Store, by: { email?: string; aadObjectId?: string }): Promise<Actor> {
  return store.transaction(async (tx) => {
    const where = by.aadObjectId
      ? [{ field: 'aadObjectId', op: 'eq' as const, value: by.aadObjectId }]
      : [{ field: 'email', op: 'eq' as const, value: (by.email ?? '').trim().toLowerCase() }];
    const [member] = await tx.find('members', { where, limit: 1 });
    if (!member || !member.active) throw new UnauthenticatedError(UNKNOWN);
    const agency = await tx.get('agencies', member.agencyId);
    if (!agency) throw new UnauthenticatedError(UNKNOWN);
    return { member, agency };
  });
}
