import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { loadLearningReview, requireBoardWorkManager } from '../kernel/boardWork';
import { defineCommand } from '../kernel/command';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { learningReviewRecordSchema } from '../contract/boardWork';

export const addRecommendation = defineCommand({
  name: 'addRecommendation',
  summary: 'Add a recommendation to a learning review; it takes the next number',
  output: learningReviewRecordSchema,
  input: z.object({ reviewId: id, text: text(2000), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    requireBoardWorkManager(ctx, 'add recommendations');
    const review = await loadLearningReview(tx, input.reviewId);
    checkVersion(review, input.expectedVersion);
    const number = review.recommendations.reduce((n, r) => Math.max(n, r.number), 0) + 1;
    const now = ctx.now().toISOString();
    const updated = await tx.update('learningReviews', {
      ...review,
      recommendations: [...review.recommendations, { id: ctx.newId(), number, text: input.text, addedAt: now, addedById: ctx.actor.member.id }],
    });
    await recordAudit(ctx, tx, { action: 'update', recordType: 'learningReview', recordId: review.id, change: { recommendationAdded: number } });
    return updated;
  },
});
