import { z } from 'zod';
import { LEARNING_REVIEW_KINDS, LEARNING_REVIEW_STATUSES } from '../domain/boardWork';
import { actionItemSchema } from './actions';

/*
 * Learning reviews and the board's plan as the API sends them. No adult's data: a review's source case is sent only to
 * those who may read that case, and then by id and reference.
 */

export const recommendationSchema = z.object({ id: z.string(), number: z.number().int(), text: z.string(), addedAt: z.string(), addedById: z.string() });

/** The stored review, as a coordinator's command answers it. */
export const learningReviewRecordSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  ref: z.string(),
  title: z.string(),
  kind: z.enum(LEARNING_REVIEW_KINDS),
  sourceCaseId: z.string().optional(),
  startedOn: z.string(),
  publishedOn: z.string().optional(),
  status: z.enum(LEARNING_REVIEW_STATUSES),
  recommendations: z.array(recommendationSchema),
  createdAt: z.string(),
  createdById: z.string(),
});

export const planObjectiveRecordSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  planYear: z.string(),
  priorityCode: z.string(),
  priorityTitle: z.string(),
  objectiveNumber: z.number().int(),
  objective: z.string(),
  successMeasure: z.string(),
  createdAt: z.string(),
  createdById: z.string(),
});

/** An action under a review or an objective: the action line, its agency's name and whether the caller may set its RAG. */
export const boardActionItemSchema = actionItemSchema.extend({ agencyName: z.string(), canSetRag: z.boolean() });
export type BoardActionItem = z.infer<typeof boardActionItemSchema>;

const actionCountsSchema = z.object({ total: z.number().int(), open: z.number().int(), overdue: z.number().int(), finished: z.number().int() });

export const learningReviewListSchema = z.object({
  reviews: z.array(z.object({
    id: z.string(),
    ref: z.string(),
    title: z.string(),
    kind: z.enum(LEARNING_REVIEW_KINDS),
    status: z.enum(LEARNING_REVIEW_STATUSES),
    startedOn: z.string(),
    publishedOn: z.string().optional(),
    recommendations: z.number().int(),
    actions: actionCountsSchema,
  })),
  can: z.object({ create: z.boolean() }),
});
export type LearningReviewList = z.infer<typeof learningReviewListSchema>;

export const learningReviewViewSchema = z.object({
  review: z.object({
    id: z.string(),
    version: z.number().int(),
    ref: z.string(),
    title: z.string(),
    kind: z.enum(LEARNING_REVIEW_KINDS),
    status: z.enum(LEARNING_REVIEW_STATUSES),
    startedOn: z.string(),
    publishedOn: z.string().optional(),
    /** Only for those who may read the case. */
    sourceCase: z.object({ id: z.string(), ref: z.string() }).optional(),
  }),
  recommendations: z.array(z.object({ id: z.string(), number: z.number().int(), text: z.string(), actions: z.array(boardActionItemSchema) })),
  can: z.object({ addRecommendation: z.boolean(), createAction: z.boolean() }),
});
export type LearningReviewView = z.infer<typeof learningReviewViewSchema>;

export const boardPlanViewSchema = z.object({
  planYear: z.string(),
  /** Every plan year that has objectives, newest first. */
  planYears: z.array(z.string()),
  priorities: z.array(z.object({
    code: z.string(),
    title: z.string(),
    objectives: z.array(z.object({
      id: z.string(),
      objectiveNumber: z.number().int(),
      objective: z.string(),
      successMeasure: z.string(),
      actions: z.array(boardActionItemSchema),
    })),
  })),
  can: z.object({ addObjective: z.boolean(), createAction: z.boolean() }),
});
export type BoardPlanView = z.infer<typeof boardPlanViewSchema>;
