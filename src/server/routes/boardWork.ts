import { commands } from '../../commands';
import { queries } from '../../queries';
import { type RouteSpec, command, query } from '../routeTable';

const reviewId = { id: 'reviewId' };
const objectiveId = { id: 'objectiveId' };

/**
 * Learning reviews and the board's business plan: every member reads them; coordinators keep them (reviews,
 * recommendations, objectives, the actions under them). Their actions are then updated on the action routes like any
 * other (progress, completion, due date), plus a RAG status on board-plan actions.
 */
export const boardWorkRoutes: RouteSpec[] = [
  { method: 'get', path: '/api/learning-reviews', operationId: 'listLearningReviews', tag: 'board',
    summary: queries.listLearningReviews.summary, operation: query(queries.listLearningReviews) },
  { method: 'post', path: '/api/learning-reviews', operationId: 'createLearningReview', tag: 'board', status: 201,
    summary: commands.createLearningReview.summary, operation: command(commands.createLearningReview),
    description: 'Coordinators only. The reference (SAR 2026-01) is numbered per kind and year. The title must not name the adult.' },
  { method: 'get', path: '/api/learning-reviews/:id', operationId: 'getLearningReview', tag: 'board', params: reviewId,
    summary: queries.getLearningReview.summary, operation: query(queries.getLearningReview) },
  { method: 'post', path: '/api/learning-reviews/:id/recommendations', operationId: 'addRecommendation', tag: 'board', params: reviewId,
    summary: commands.addRecommendation.summary, operation: command(commands.addRecommendation) },
  { method: 'post', path: '/api/learning-reviews/:id/actions', operationId: 'createReviewAction', tag: 'board', params: reviewId, status: 201,
    summary: commands.createReviewAction.summary, operation: command(commands.createReviewAction) },
  { method: 'get', path: '/api/board-plan', operationId: 'getBoardPlan', tag: 'board',
    summary: queries.getBoardPlan.summary, operation: query(queries.getBoardPlan),
    description: 'planYear: 2026-27; this plan year (or the latest with objectives) when left out.' },
  { method: 'post', path: '/api/board-plan/objectives', operationId: 'addPlanObjective', tag: 'board', status: 201,
    summary: commands.addPlanObjective.summary, operation: command(commands.addPlanObjective) },
  { method: 'post', path: '/api/board-plan/objectives/:id/actions', operationId: 'createPlanAction', tag: 'board', params: objectiveId, status: 201,
    summary: commands.createPlanAction.summary, operation: command(commands.createPlanAction) },
  { method: 'post', path: '/api/actions/:id/rag', operationId: 'setActionRag', tag: 'board', params: { id: 'actionId' },
    summary: commands.setActionRag.summary, operation: command(commands.setActionRag) },
];
