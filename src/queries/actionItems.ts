import type { ActionParentKind, ActionStatus } from '../domain/enums';
import type { ActionRecord, CaseRecord, Member } from '../domain/records';
import { daysOverdue, isOverdue, isoDate } from '../domain/rules';
import { type ActionAbilities, can, presentAction } from '../policies';
import type { Actor } from '../policies/actor';
import type { Tx } from '../store/port';
import { actionSourceOf, type SourceCache } from './actionSource';

/** One line of an action list (mine, agency, overdue): enough to chase it, with the case by reference and initials only. */
export interface ActionItem {
  id: string;
  version: number;
  description: string;
  successMeasure: string;
  ownerId: string;
  ownerName: string;
  agencyId: string;
  dueDate: string;
  status: ActionStatus;
  overdue: boolean;
  daysOverdue: number;
  parentKind: ActionParentKind;
  parentId: string;
  caseId?: string;
  caseRef?: string;
  caseInitials?: string;
  /** The case is restricted: shared surfaces show no reference or initials for it. */
  caseRestricted?: true;
  /** Where a learning-review or board-plan action comes from: "SAR 2026-01 rec 3", "Board plan SAB1.2". */
  sourceLabel?: string;
  recommendationNumber?: number;
  rag?: ActionRecord['rag'];
  /** What the actor may do with it now (policy and state together). */
  can: ActionAbilities;
}

/** Overdue is derived at read time, never stored; a finished action is never overdue. */
export function overdueOf(action: Pick<ActionRecord, 'status' | 'dueDate'>, now: Date): { overdue: boolean; daysOverdue: number } {
  const overdue = isOverdue(action, now);
  return { overdue, daysOverdue: overdue ? daysOverdue(action, now) : 0 };
}

export const todayOf = (now: Date): string => isoDate(now);

export async function memberNames(tx: Tx): Promise<Map<string, string>> {
  const members: Member[] = await tx.find('members');
  return new Map(members.map((m) => [m.id, m.name]));
}

/**
 * Keeps the actions the actor may read (actionPolicy 'read', judged with the parent case) and shapes them as items.
 * Parent cases are loaded once each.
 */
export async function readableActionItems(tx: Tx, actor: Actor, actions: ActionRecord[], now: Date): Promise<ActionItem[]> {
  const names = await memberNames(tx);
  const cases = new Map<string, CaseRecord | undefined>();
  const sources: SourceCache = new Map();
  const items: ActionItem[] = [];
  for (const action of actions) {
    let parentCase: CaseRecord | undefined;
    if (action.parentKind === 'case') {
      if (!cases.has(action.parentId)) cases.set(action.parentId, await tx.get('cases', action.parentId));
      parentCase = cases.get(action.parentId);
      // An action whose case is gone has nothing to judge it by: show it to nobody rather than to everybody.
      if (!parentCase) continue;
    }
    if (!can(actor, 'read', 'action', { action, parentCase })) continue;
    const sourceLabel = await actionSourceOf(tx, action, sources);
    items.push({
      id: action.id,
      version: action.version,
      description: action.description,
      successMeasure: action.successMeasure,
      ownerId: action.ownerId,
      ownerName: names.get(action.ownerId) ?? 'Unknown member',
      agencyId: action.agencyId,
      dueDate: action.dueDate,
      status: action.status,
      ...overdueOf(action, now),
      parentKind: action.parentKind,
      parentId: action.parentId,
      ...(parentCase ? { caseId: parentCase.id, caseRef: parentCase.ref, caseInitials: parentCase.initials, ...(parentCase.restricted ? { caseRestricted: true as const } : {}) } : {}),
      ...(sourceLabel ? { sourceLabel } : {}),
      ...(action.recommendationNumber ? { recommendationNumber: action.recommendationNumber } : {}),
      ...(action.rag ? { rag: action.rag } : {}),
      can: presentAction(actor, { action, parentCase }),
    });
  }
  return items;
}

/** Overdue first (longest overdue first), then by due date, then by id for a stable order. */
export function byUrgency(a: ActionItem, b: ActionItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
