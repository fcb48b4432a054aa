import { NotFoundError } from '../domain/errors';
import type { ActionRecord, CaseRecord } from '../domain/records';
import type { Context } from '../kernel/context';
import { HiddenRecordError } from '../kernel/query';
import { can } from '../policies';
import type { Tx } from '../store/port';

export const ACTION_NOT_FOUND = 'No action with that id was found, or you are not permitted to see it.';

/** Loads an action the actor may read; a missing and a hidden one answer alike (the hidden one is audited 'denied'). */
export async function loadReadableAction(ctx: Context, tx: Tx, actionId: string): Promise<{ action: ActionRecord; parentCase?: CaseRecord }> {
  const action = await tx.get('actions', actionId);
  if (!action) throw new NotFoundError(ACTION_NOT_FOUND);
  const parentCase = action.parentKind === 'case' ? await tx.get('cases', action.parentId) : undefined;
  if (!can(ctx.actor, 'read', 'action', { action, parentCase })) throw new HiddenRecordError(ACTION_NOT_FOUND, 'action', action.id);
  return { action, ...(parentCase ? { parentCase } : {}) };
}
