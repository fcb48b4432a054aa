import { z } from 'zod';
import { canReadCase } from '../policies';
import { can } from '../policies';
import { recordAudit } from '../kernel/audit';
import { loadLearningReview } from '../kernel/boardWork';
import { defineQuery } from '../kernel/query';
import { id } from '../kernel/validation';
import { type LearningReviewView, learningReviewViewSchema } from '../contract/boardWork';
import { boardActionItems } from './boardActionItems';

/**
 * One learning review: its recommendations in order, each with the actions the caller may read (per organisation,
 * agency by agency), and the case it came from only for someone who may read that case.
 */
export const getLearningReview = defineQuery({
  name: 'getLearningReview',
  summary: 'One learning review with its recommendations and each organisation\'s actions',
  output: learningReviewViewSchema,
  input: z.object({ reviewId: id }),
  async run(ctx, tx, input): Promise<LearningReviewView> {
    const review = await loadLearningReview(tx, input.reviewId);
    const source = review.sourceCaseId ? await tx.get('cases', review.sourceCaseId) : undefined;
    const actions = await tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: review.id }] });
    const items = await boardActionItems(tx, ctx.actor, actions.filter((a) => a.parentKind === 'learning_review'), ctx.now());
    const manage = can(ctx.actor, 'manage', 'boardWork', null);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'learningReview', recordId: review.id, reason: 'getLearningReview' });
    return {
      review: {
        id: review.id, version: review.version, ref: review.ref, title: review.title, kind: review.kind, status: review.status, startedOn: review.startedOn,
        ...(review.publishedOn ? { publishedOn: review.publishedOn } : {}),
        ...(source && canReadCase(ctx.actor, source) ? { sourceCase: { id: source.id, ref: source.ref } } : {}),
      },
      recommendations: [...review.recommendations]
        .sort((a, b) => a.number - b.number)
        .map((r) => ({ id: r.id, number: r.number, text: r.text, actions: items.filter((a) => a.recommendationNumber === r.number) })),
      can: { addRecommendation: manage && review.status !== 'closed', createAction: manage && review.status !== 'closed' && review.recommendations.length > 0 },
    };
  },
});
