import type { ActionParentKind } from '../domain/enums';
import { ValidationError } from '../domain/errors';
import type { ActionRecord } from '../domain/records';
import type { Tx } from '../store/port';
import { recordAudit } from './audit';
import type { Context } from './context';
import { requireActiveAgency, requireActiveMember, requireNotPast } from './guards';
import { queueNotification } from './notifications';

export interface NewAction {
  parentKind: ActionParentKind;
  parentId: string;
  recommendationNumber?: number;
  description: string;
  successMeasure: string;
  ownerId: string;
  dueDate: string;
  agencyId?: string | undefined;
}

/**
 * Adds an action to a case's plan, a learning review or the board's plan: one record, one set of checks, one audit
 * shape and one "a new action for you" card, so the scan, reminders, digest and "my actions" chase them alike.
 * `parentCase` names a case action's case on the owner's card.
 */
export async function insertAction(ctx: Context, tx: Tx, input: NewAction, parentCase?: { id: string; ref: string }): Promise<ActionRecord> {
  const owner = await requireActiveMember(tx, input.ownerId, 'ownerId');
  // An auditor reads the audit trail and owns no work (owning an action would show them its case's name and due date).
  if (owner.roles.every((r) => r === 'auditor')) throw new ValidationError([{ field: 'ownerId', message: 'is an auditor, who cannot own an action' }]);
  const agencyId = input.agencyId ?? owner.agencyId;
  await requireActiveAgency(tx, agencyId, 'agencyId');
  // The agency answers for the action through its lead, so it must be the owner's own.
  if (agencyId !== owner.agencyId) throw new ValidationError([{ field: 'agencyId', message: 'must be the owner\'s agency' }]);
  const now = ctx.now();
  requireNotPast(input.dueDate, now, 'dueDate');
  const action = await tx.insert('actions', {
    id: ctx.newId(),
    parentKind: input.parentKind,
    parentId: input.parentId,
    ...(input.recommendationNumber ? { recommendationNumber: input.recommendationNumber } : {}),
    description: input.description,
    successMeasure: input.successMeasure,
    ownerId: owner.id,
    agencyId,
    dueDate: input.dueDate,
    status: 'not_started',
    createdAt: now.toISOString(),
    createdById: ctx.actor.member.id,
    progress: [],
    dueDateChanges: [],
  });
  await recordAudit(ctx, tx, {
    action: 'create',
    recordType: 'action',
    recordId: action.id,
    change: {
      parentKind: input.parentKind, parentId: input.parentId, ownerId: owner.id, agencyId, dueDate: input.dueDate, status: 'not_started',
      ...(input.recommendationNumber ? { recommendationNumber: input.recommendationNumber } : {}),
    },
  });
  await queueNotification(ctx, tx, 'actionAssigned', action.id, {
    actionId: action.id, ...(parentCase ? { caseId: parentCase.id, ref: parentCase.ref } : {}), ownerId: owner.id,
  });
  return action;
}
