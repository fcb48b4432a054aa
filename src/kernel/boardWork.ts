import { NotFoundError } from '../domain/errors';
import type { LearningReview, PlanObjective } from '../domain/records';
import { authorize } from '../policies';
import type { Tx } from '../store/port';
import type { Context } from './context';

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

/**
 * Coordinators keep learning reviews and the board's plan (src/policies/boardWorkPolicy.ts). Decided by the policies
 * like every other refusal, so the command runner audits it as `denied`.
 */
export function requireBoardWorkManager(ctx: Context, what: string): void {
  authorize(ctx.actor, 'manage', 'boardWork', null, `Only coordinators can ${what}.`);
}
