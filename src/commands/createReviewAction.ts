import { z } from 'zod';
import { ConflictError, ValidationError } from '../domain/errors';
import { loadLearningReview, requireBoardWorkManager } from '../kernel/boardWork';
import { insertAction } from '../kernel/newAction';
import { defineCommand } from '../kernel/command';
import { id, isoDate, text } from '../kernel/validation';
import { savedActionSchema } from '../contract/actions';

export const createReviewAction = defineCommand({
  name: 'createReviewAction',
  summary: "Add an organisation's action answering one recommendation of a learning review",
  output: savedActionSchema,
  input: z
    .object({
      reviewId: id,
      recommendationNumber: z.number().int().positive(),
      description: text(1000),
      successMeasure: text(1000),
      ownerId: id,
      dueDate: isoDate,
      agencyId: id.optional(),
    })
    .strict(),
  async run(ctx, tx, input) {
    requireBoardWorkManager(ctx, 'add actions to learning reviews');
    const review = await loadLearningReview(tx, input.reviewId);
    if (review.status === 'closed') throw new ConflictError(`${review.ref} is closed: no more actions can be added to it.`);
    if (!review.recommendations.some((r) => r.number === input.recommendationNumber)) {
      throw new ValidationError([{ field: 'recommendationNumber', message: `${review.ref} has no recommendation ${input.recommendationNumber}` }]);
    }
    return insertAction(ctx, tx, { ...input, parentKind: 'learning_review', parentId: review.id });
  },
});
