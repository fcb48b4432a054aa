import { z } from 'zod';
import { can } from '../policies';
import { recordAudit } from '../kernel/audit';
import { loadCaseFor } from '../kernel/caseAccess';
import { defineQuery } from '../kernel/query';
import { id } from '../kernel/validation';
import { type SharingDecisions, sharingDecisionsSchema } from '../contract/governance';
import { memberNames } from './actionItems';
import { caseChildIds } from './caseRecordIds';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Where a case's information left the panel (golden rule 7): each decision's information-sharing record (what, with
 * whom, why, lawful basis, by whom) and every audited share or export of the case's records. For whoever may read the
 * case in full; the read is audited.
 */
export const listSharingDecisions = defineQuery({
  name: 'listSharingDecisions',
  summary: "A case's information-sharing decisions: what, with whom, why, lawful basis, by whom",
  output: sharingDecisionsSchema,
  input: z.object({ caseId: id }).strict(),
  async run(ctx, tx, input): Promise<SharingDecisions> {
    const c = await loadCaseFor(ctx, tx, input.caseId, 'full');
    const [decisions, childIds, names] = await Promise.all([
      tx.find('decisions', { where: [{ field: 'caseId', op: 'eq', value: c.id }] }),
      caseChildIds(tx, c.id),
      memberNames(tx),
    ]);
    const events = (await Promise.all([c.id, ...childIds].map((recordId) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: recordId }] }))))
      .flat()
      .filter((e) => e.action === 'share' || e.action === 'export');
    await recordAudit(ctx, tx, { action: 'view', recordType: 'sharingDecisions', recordId: c.id });
    const name = (memberId: string) => names.get(memberId) ?? 'Unknown member';
    const lines = [
      ...decisions.filter((d) => d.infoSharing).map((d) => ({
        at: d.decidedAt, byMemberId: d.decidedById, byName: name(d.decidedById), source: 'decision' as const, sharing: d.infoSharing!,
        detail: `Decision: ${d.outcome}`,
      })),
      ...events.map((e) => {
        const sharing = e.change?.['infoSharing'] as SharingDecisions['decisions'][number]['sharing'] | undefined;
        return {
          at: e.at, byMemberId: e.actorId, byName: name(e.actorId), source: e.action as 'share' | 'export',
          ...(sharing ? { sharing } : {}), detail: [e.recordType, e.reason].filter(Boolean).join(': '),
        };
      }),
    ];
    return { caseId: c.id, ref: c.ref, decisions: lines.sort((a, b) => cmp(b.at, a.at)), canRecord: can(ctx.actor, 'recordSharing', 'case', c) };
  },
});
