import type { ActionSubject } from '../policies';
import type { Tx } from '../store/port';
import { load } from './loaders';

/** Loads an action with its parent case, which the action policy judges it by (none for board and review actions). */
export async function loadActionSubject(tx: Tx, actionId: string): Promise<ActionSubject> {
  const action = await load(tx, 'actions', actionId);
  const parentCase = action.parentKind === 'case' ? await tx.get('cases', action.parentId) : undefined;
  return { action, parentCase };
}
