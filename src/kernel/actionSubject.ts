import { NotFoundError } from '../domain/errors';
import { type ActionSubject, can } from '../policies';
import type { Tx } from '../store/port';
import type { Context } from './context';
import { HiddenRecordError } from './query';

/** One answer for "missing" and "not yours", so no answer tells anyone that an action exists. */
export const ACTION_NOT_FOUND = 'No action with that id was found, or you are not permitted to see it.';

/**
 * Loads an action with its parent case, which the action policy judges it by (none for board and review actions).
 * An action the actor may not read answers exactly as a missing one, and the refusal is audited as `denied` by the
 * runner; so does an action whose case is gone (nothing to judge it by).
 */
export async function loadActionFor(ctx: Context, tx: Tx, actionId: string): Promise<ActionSubject> {
  const action = await tx.get('actions', actionId);
  if (!action) throw new NotFoundError(ACTION_NOT_FOUND);
  const parentCase = action.parentKind === 'case' ? await tx.get('cases', action.parentId) : undefined;
  const subject = { action, parentCase };
  if ((action.parentKind === 'case' && !parentCase) || !can(ctx.actor, 'read', 'action', subject)) {
    throw new HiddenRecordError(ACTION_NOT_FOUND, 'action', action.id);
  }
  return subject;
}
