import { z } from 'zod';
import { LEARNING_REVIEW_KINDS, LEARNING_REVIEW_STATUSES, reviewRef, reviewSequenceName } from '../domain/boardWork';
import { ValidationError } from '../domain/errors';
import { recordAudit } from '../kernel/audit';
import { requireBoardWorkManager } from '../kernel/boardWork';
import { loadCaseFor } from '../kernel/caseAccess';
import { defineCommand } from '../kernel/command';
import { id, isoDate, text } from '../kernel/validation';
import { learningReviewRecordSchema } from '../contract/boardWork';

export const createLearningReview = defineCommand({
  name: 'createLearningReview',
  summary: 'Record a learning review (a Safeguarding Adults Review or another kind), optionally naming the case it came from',
  output: learningReviewRecordSchema,
  input: z
    .object({
      title: text(200),
      kind: z.enum(LEARNING_REVIEW_KINDS),
      sourceCaseId: id.optional(),
      startedOn: isoDate,
      publishedOn: isoDate.optional(),
      status: z.enum(LEARNING_REVIEW_STATUSES).default('in_progress'),
    })
    .strict(),
  async run(ctx, tx, input) {
    requireBoardWorkManager(ctx, 'record learning reviews');
    if (input.publishedOn && input.publishedOn < input.startedOn) {
      throw new ValidationError([{ field: 'publishedOn', message: 'must not be before the review started' }]);
    }
    // A hidden case answers as a missing one (coordinators see every case, so this is a typo's 404).
    const source = input.sourceCaseId ? await loadCaseFor(ctx, tx, input.sourceCaseId, 'full') : undefined;
    const year = Number(input.startedOn.slice(0, 4));
    const ref = reviewRef(input.kind, year, await tx.nextSequence(reviewSequenceName(input.kind, year)));
    const review = await tx.insert('learningReviews', {
      id: ctx.newId(),
      ref,
      title: input.title,
      kind: input.kind,
      ...(source ? { sourceCaseId: source.id } : {}),
      startedOn: input.startedOn,
      ...(input.publishedOn ? { publishedOn: input.publishedOn } : {}),
      status: input.status,
      recommendations: [],
      createdAt: ctx.now().toISOString(),
      createdById: ctx.actor.member.id,
    });
    await recordAudit(ctx, tx, {
      action: 'create',
      recordType: 'learningReview',
      recordId: review.id,
      change: { ref, kind: input.kind, status: input.status, startedOn: input.startedOn, ...(source ? { sourceCaseId: source.id } : {}) },
    });
    return review;
  },
});
