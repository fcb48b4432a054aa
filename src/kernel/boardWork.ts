import type { ActionParentKind } from '../domain/enums';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { ActionRecord, LearningReview, PlanObjective } from '../domain/records';
import { can } from '../policies';
import type { Tx } from '../store/port';
import { recordAudit } from './audit';
import type { Context } from './context';
import { requireActiveAgency, requireActiveMember, requireNotPast } from './guards';
import { queueNotification } from './notifications';

/** Learning reviews and plan objectives are read by every member: a missing one is simply missing. */
export const REVIEW_NOT_FOUND = 'No learning review with that id was found.';
export const OBJECTIVE_NOT_FOUND = 'No board plan objective with that id was found.';

export async function loadLearningReview(tx: Tx, reviewId: string): Promise<LearningReview> {
  const review = await tx.get('learningReviews', reviewId);
  if (!review) throw new NotFoundError(REVIEW_NOT_FOUND);
  return review;
}

export async function loadPlanObjective(tx: Tx, objectiveId: string): Promise<PlanObjective> {
  const objective = await tx.get('planObjectives', objectiveId);
  if (!objective) throw new NotFoundError(OBJECTIVE_NOT_FOUND);
  return objective;
}

/** Coordinators keep learning reviews and the board's plan (src/policies/boardWorkPolicy.ts). */
export function requireBoardWorkManager(ctx: Context, what: string): void {
  if (!can(ctx.actor, 'manage', 'boardWork', null)) throw new ForbiddenError(`Only coordinators can ${what}.`);
}

export interface NewBoardAction {
  parentKind: Exclude<ActionParentKind, 'case'>;
  parentId: string;
  recommendationNumber?: number;
  description: string;
  successMeasure: string;
  ownerId: string;
  dueDate: string;
  agencyId?: string | undefined;
}

/**
 * Adds an action to a learning review or the board's plan: the same record, checks, audit and "a new action for you"
 * card as a case's action (src/commands/createAction.ts), so the scan, reminders, digest and "my actions" chase it alike.
 */
export async function insertBoardAction(ctx: Context, tx: Tx, input: NewBoardAction): Promise<ActionRecord> {
  const owner = await requireActiveMember(tx, input.ownerId, 'ownerId');
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
  await queueNotification(ctx, tx, 'actionAssigned', action.id, { actionId: action.id, ownerId: owner.id });
  return action;
}
