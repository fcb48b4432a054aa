import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { id } from '../kernel/validation';
import { loadOverdueDigestView, type OverdueDigestView } from './cardData';
import { surface } from './surface';
import { overdueDigestViewSchema } from '../contract/views';

export const DIGEST_NOT_FOUND = 'What this card is about no longer exists, or you are not permitted to see it.';

/**
 * The overdue digest posted from one outbox row, as it stands now. A digest is a shared card (surface rule 2) posted
 * to the partnership channel every member reads, so it is always read in its shared view, whoever asks: each line
 * reference, initials, agency, owner, due date and days overdue; a restricted case reads "Restricted case".
 */
export const getOverdueDigestCard = defineQuery({
  name: 'getOverdueDigestCard',
  summary: 'The overdue digest card of one scan, in its shared view',
  output: overdueDigestViewSchema,
  input: z.object({ digestId: id, surface }),
  async run(ctx, tx, input): Promise<OverdueDigestView> {
    const view = await loadOverdueDigestView(tx, input.digestId, { now: ctx.now(), shared: true });
    if (!view) throw new NotFoundError(DIGEST_NOT_FOUND);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'overdueDigest', recordId: view.digestId, reason: `overdueDigestCard (${input.surface})` });
    return view;
  },
});
