import type { ActionParentKind, RagRating } from './enums';

/*
 * Learning reviews (seed 002: recommendation, action, progress per organisation) and the board's business plan
 * (seed 001: priority, objective, action, owner, date, measure). Their actions are the one ActionRecord with another
 * parent kind, chased like a case's. Nothing here names an adult: a review is known by its reference ("SAR 2026-01"),
 * and that reference, a recommendation number and a plan priority code are all a shared card shows of where an
 * action comes from.
 */

export const LEARNING_REVIEW_KINDS = ['sar', 'dhr', 'learning_review', 'other'] as const;
export type LearningReviewKind = (typeof LEARNING_REVIEW_KINDS)[number];

export const LEARNING_REVIEW_STATUSES = ['in_progress', 'published', 'closed'] as const;
export type LearningReviewStatus = (typeof LEARNING_REVIEW_STATUSES)[number];

export const LEARNING_REVIEW_KIND_LABELS: Record<LearningReviewKind, string> = {
  sar: 'Safeguarding Adults Review',
  dhr: 'Domestic Homicide Review',
  learning_review: 'Learning review',
  other: 'Other review',
};

export const LEARNING_REVIEW_STATUS_LABELS: Record<LearningReviewStatus, string> = {
  in_progress: 'In progress',
  published: 'Published',
  closed: 'Closed',
};

/** The short code a review's reference starts with. */
export const REVIEW_KIND_CODES: Record<LearningReviewKind, string> = { sar: 'SAR', dhr: 'DHR', learning_review: 'LR', other: 'REV' };

export const RAG_LABELS: Record<RagRating, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** "SAR 2026-01": the kind's code, the year the review started and its number that year (per kind). */
export function reviewRef(kind: LearningReviewKind, year: number, sequence: number): string {
  return `${REVIEW_KIND_CODES[kind]} ${year}-${String(sequence).padStart(2, '0')}`;
}

/** The counter a review's number is drawn from: one sequence per kind and year. */
export const reviewSequenceName = (kind: LearningReviewKind, year: number): string => `learningReview:${kind}:${year}`;

/** "SAB1.2": a plan objective's priority code and its number within the priority. */
export const objectiveCode = (o: { priorityCode: string; objectiveNumber: number }): string => `${o.priorityCode}.${o.objectiveNumber}`;

/**
 * Where an action comes from, as a card or list line says it: "SAR 2026-01 rec 3", "Board plan SAB1.2". Undefined
 * for a case's action (its case reference says that) or a parent that is gone.
 */
export function actionSourceLabel(
  action: { parentKind: ActionParentKind; recommendationNumber?: number },
  parent: { review?: { ref: string }; objective?: { priorityCode: string; objectiveNumber: number } },
): string | undefined {
  if (action.parentKind === 'learning_review' && parent.review) {
    return action.recommendationNumber ? `${parent.review.ref} rec ${action.recommendationNumber}` : parent.review.ref;
  }
  if (action.parentKind === 'board_plan' && parent.objective) return `Board plan ${objectiveCode(parent.objective)}`;
  return undefined;
}

/** The board's plan year a date falls in ("2026-27": April to March, as English public bodies plan). */
export function planYearOf(londonDate: string): string {
  const year = Number(londonDate.slice(0, 4));
  const start = Number(londonDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
