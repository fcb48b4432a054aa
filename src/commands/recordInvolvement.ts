import { z } from 'zod';
import { LIVE_CASE_STATUSES } from '../domain/enums';
import type { Involvement } from '../domain/records';
import { isReferralStage } from '../domain/rules';
import { authorize, canReadCase } from '../policies';
import { recordAudit } from '../kernel/audit';
import { appendChronology } from '../kernel/caseAppends';
import { defineCommand } from '../kernel/command';
import { stateLabel } from '../kernel/guards';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, optionalText } from '../kernel/validation';
import { queueReferralCardRefresh } from '../kernel/notifications';
import { loadCaseFor } from '../kernel/caseAccess';
import { savedCaseSchema } from '../contract/cases';

export const recordInvolvement = defineCommand({
  name: 'recordInvolvement',
  summary: 'Say whether the adult is known to your agency, and add what your agency holds',
  output: savedCaseSchema,
  input: z.object({ caseId: id, known: z.boolean(), note: optionalText(), expectedVersion }).strict(),
  async run(ctx, tx, input) {
    const c = await loadCaseFor(ctx, tx, input.caseId);
    const answerable = (isReferralStage(c) && c.status !== 'draft') || LIVE_CASE_STATUSES.includes(c.status);
    // Say why when the state is the reason, but only to someone who may see the case at all.
    const stateReason =
      !answerable && canReadCase(ctx.actor, c)
        ? `Involvement can be recorded only on a referral awaiting screening or a live case; ${c.ref} is ${stateLabel(c.status)}.`
        : undefined;
    authorize(ctx.actor, 'recordInvolvement', 'case', c, stateReason);
    checkVersion(c, input.expectedVersion);

    const now = ctx.now().toISOString();
    const agencyId = ctx.actor.member.agencyId;
    const note = input.note || undefined;
    const previous = c.involvements.find((i) => i.agencyId === agencyId);
    const answer: Involvement = { agencyId, known: input.known, note, byMemberId: ctx.actor.member.id, at: now };
    // One answer per agency: the latest wins, in the place of the earlier one.
    const involvements = previous
      ? c.involvements.map((i) => (i.agencyId === agencyId ? answer : i))
      : [...c.involvements, answer];
    const updated = await tx.update('cases', { ...c, involvements, updatedAt: now });
    // The posted new-referral card shows who has answered and the state: refresh it in place.
    await queueReferralCardRefresh(tx, updated, ctx.now());

    const entry =
      input.known && note
        ? await appendChronology(ctx, tx, { caseId: c.id, type: 'agency_information', summary: note, significance: 'medium' }, 'involvement')
        : undefined;
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: {
        involvement: { agencyId, known: input.known, previouslyKnown: previous ? previous.known : null, noteAdded: Boolean(note) },
        ...(entry ? { chronologyEntryId: entry.id } : {}),
      },
    });
    return updated;
  },
});
