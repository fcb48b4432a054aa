import { z } from 'zod';
import { isActionFinished, isOverdue } from '../domain/rules';
import { can } from '../policies';
import { ForbiddenError } from '../domain/errors';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { type LearningReviewList, learningReviewListSchema } from '../contract/boardWork';
import { actionsOfParents } from './boardActionItems';

/**
 * Every learning review, newest first, with how many recommendations it has and how its actions stand (counts over
 * all its actions: numbers, never a person). No source case here: that is on the review's own page, for those who may
 * read the case.
 */
export const listLearningReviews = defineQuery({
  name: 'listLearningReviews',
  summary: 'The learning reviews, newest first, with their recommendations and how their actions stand',
  output: learningReviewListSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<LearningReviewList> {
    if (!can(ctx.actor, 'read', 'boardWork', null)) throw new ForbiddenError('You are not permitted to read learning reviews.');
    const reviews = (await tx.find('learningReviews')).sort((a, b) => b.startedOn.localeCompare(a.startedOn) || b.ref.localeCompare(a.ref));
    const actions = await actionsOfParents(tx, reviews.map((r) => r.id));
    const now = ctx.now();
    await recordAudit(ctx, tx, { action: 'view', recordType: 'learningReviews', recordId: 'all', reason: 'listLearningReviews' });
    return {
      reviews: reviews.map((r) => {
        const mine = actions.filter((a) => a.parentKind === 'learning_review' && a.parentId === r.id);
        const finished = mine.filter(isActionFinished).length;
        return {
          id: r.id, ref: r.ref, title: r.title, kind: r.kind, status: r.status, startedOn: r.startedOn,
          ...(r.publishedOn ? { publishedOn: r.publishedOn } : {}),
          recommendations: r.recommendations.length,
          actions: { total: mine.length, open: mine.length - finished, overdue: mine.filter((a) => isOverdue(a, now)).length, finished },
        };
      }),
      can: { create: can(ctx.actor, 'manage', 'boardWork', null) },
    };
  },
});
