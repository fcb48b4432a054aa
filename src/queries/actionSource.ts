import { actionSourceLabel } from '../domain/boardWork';
import type { ActionRecord, LearningReview, PlanObjective } from '../domain/records';
import type { ReadTx } from '../store/port';

/** Parents already read in one answer, so a list of many actions reads each review or objective once. */
export type SourceCache = Map<string, LearningReview | PlanObjective | undefined>;

/**
 * Where a learning-review or board-plan action comes from, as lines and cards say it ("SAR 2026-01 rec 3",
 * "Board plan SAB1.2"): references and numbers only, never a title, so it may go on a shared card. Undefined for a
 * case's action (its case reference says that).
 */
export async function actionSourceOf(
  tx: ReadTx,
  action: Pick<ActionRecord, 'parentKind' | 'parentId' | 'recommendationNumber'>,
  cache: SourceCache = new Map(),
): Promise<string | undefined> {
  if (action.parentKind === 'case') return undefined;
  const kind = action.parentKind === 'learning_review' ? 'learningReviews' : 'planObjectives';
  const key = `${kind}:${action.parentId}`;
  if (!cache.has(key)) cache.set(key, await tx.get(kind, action.parentId));
  const parent = cache.get(key);
  return action.parentKind === 'learning_review'
    ? actionSourceLabel(action, { review: parent as LearningReview | undefined })
    : actionSourceLabel(action, { objective: parent as PlanObjective | undefined });
}
