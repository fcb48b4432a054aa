import type { ActionRecord } from '../domain/records';
import type { Actor } from '../policies/actor';
import type { Tx } from '../store/port';
import type { BoardActionItem } from '../contract/boardWork';
import { byUrgency, readableActionItems } from './actionItems';

/**
 * The actions of a review or objective that the actor may read (the action policy: the board, coordinators and the
 * owning agency), as lines with the agency's name and whether the actor may set the RAG status (board-plan actions,
 * by whoever may update them).
 */
export async function boardActionItems(tx: Tx, actor: Actor, actions: ActionRecord[], now: Date): Promise<BoardActionItem[]> {
  const agencies = new Map((await tx.find('agencies')).map((a) => [a.id, a.name]));
  const items = await readableActionItems(tx, actor, actions, now);
  return items
    .map((item) => ({
      ...item,
      agencyName: agencies.get(item.agencyId) ?? 'Unknown agency',
      canSetRag: item.parentKind === 'board_plan' && item.can.addProgress,
    }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName) || byUrgency(a, b));
}

/** The actions of many parents in as few indexed reads as the store allows (at most 200 ids per read). */
export async function actionsOfParents(tx: Tx, parentIds: string[]): Promise<ActionRecord[]> {
  const out: ActionRecord[] = [];
  for (let i = 0; i < parentIds.length; i += 200) {
    const ids = parentIds.slice(i, i + 200);
    if (ids.length) out.push(...(await tx.find('actions', { where: [{ field: 'parentId', op: 'in', value: ids }] })));
  }
  return out;
}
