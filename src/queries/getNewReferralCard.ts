import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { CASE_NOT_FOUND, loadVisibleCase } from '../kernel/caseAccess';
import { defineQuery, HiddenRecordError } from '../kernel/query';
import { id } from '../kernel/validation';
import { loadNewReferralView, type NewReferralView } from './cardData';
import { surface } from './surface';
import { newReferralCardViewSchema } from '../contract/views';

/** The card's data, or, on a shared surface, only that the case is restricted (the card then says nothing of it). */
export type NewReferralCardView = { restricted: true } | ({ restricted: false } & NewReferralView);

/**
 * The new-referral card of a case, for a press or a refresh (surface rules 1 and 3). The case id comes from the card
 * and is only a lookup key: the card comes back only to an actor who may read the case at least in summary; anyone
 * else gets the answer for a missing case (audited 'denied'). A draft never gets a card. On a shared surface a
 * restricted case gives no reference or initials.
 */
export const getNewReferralCard = defineQuery({
  name: 'getNewReferralCard',
  summary: 'The new-referral card of a case, for an actor who may see its summary',
  output: newReferralCardViewSchema,
  input: z.object({ caseId: id, surface }),
  async run(ctx, tx, input): Promise<NewReferralCardView> {
    const { record } = await loadVisibleCase(ctx, tx, { caseId: input.caseId });
    if (record.status === 'draft') throw new HiddenRecordError(CASE_NOT_FOUND, 'case', record.id);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'case', recordId: record.id, reason: `newReferralCard (${input.surface})` });
    if (input.surface === 'shared' && record.restricted) return { restricted: true };
    const view = await loadNewReferralView(tx, record.id, { now: ctx.now() });
    if (!view) throw new HiddenRecordError(CASE_NOT_FOUND, 'case', record.id);
    return { ...view, restricted: false };
  },
});
