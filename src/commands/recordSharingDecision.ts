import { z } from 'zod';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { loadCaseFor } from '../kernel/caseAccess';
import { defineCommand } from '../kernel/command';
import { id, text } from '../kernel/validation';
import { type SharingDecision, sharingDecisionSchema } from '../contract/governance';

/**
 * Golden rule 7, wherever a case's information leaves the panel outside a panel decision (a GP told, a housing provider
 * sent the risk summary): what was shared, with whom, why and on what lawful basis, by whom. Kept as a `share` event in
 * the audit trail on the case, which is where the case's list of sharing decisions and the trail's search both read it.
 * For whoever works the case (coordinators, and chairs and partners who read it in full).
 */
export const recordSharingDecision = defineCommand({
  name: 'recordSharingDecision',
  summary: "Record an information-sharing decision on a case: what, with whom, why, lawful basis",
  output: sharingDecisionSchema,
  input: z.object({
    caseId: id,
    what: text(2000),
    withWhom: text(500),
    why: text(2000),
    basis: text(1000),
  }).strict(),
  async run(ctx, tx, input): Promise<SharingDecision> {
    const c = await loadCaseFor(ctx, tx, input.caseId, 'full');
    authorize(ctx.actor, 'recordSharing', 'case', c, 'Only those who work this case can record sharing its information.');
    const sharing = { what: input.what, withWhom: input.withWhom, why: input.why, basis: input.basis };
    const event = await recordAudit(ctx, tx, { action: 'share', recordType: 'case', recordId: c.id, change: { infoSharing: sharing }, reason: input.why });
    return {
      at: event?.at ?? ctx.now().toISOString(), byMemberId: ctx.actor.member.id, byName: ctx.actor.member.name, source: 'share', sharing,
      detail: `case: ${input.why}`,
    };
  },
});
