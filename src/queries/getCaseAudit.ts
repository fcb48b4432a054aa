import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { id } from '../kernel/validation';
import type { AuditEvent } from '../domain/records';
import { authorize } from '../policies';
import { memberNames } from './actionItems';
import { caseChildIds } from './caseRecordIds';
import { loadVisibleCase } from '../kernel/caseAccess';
import { defineQuery } from '../kernel/query';
import { caseAuditSchema } from '../contract/cases';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type AuditLine = AuditEvent & { actorName: string };
export interface CaseAuditView {
  caseId: string;
  ref: string;
  events: AuditLine[];
}

/**
 * A case's audit trail, for coordinators. Someone who cannot see the case at all gets the same 404 as for a
 * missing case; someone who can see it but is not a coordinator gets 403. Reading the trail is itself audited,
 * and the answer includes that event.
 */
export const getCaseAudit = defineQuery({
  name: 'getCaseAudit',
  summary: "A case's audit trail, oldest first (coordinators)",
  output: caseAuditSchema,
  input: z.object({ caseId: id }),
  async run(ctx, tx, input): Promise<CaseAuditView> {
    const { record: c } = await loadVisibleCase(ctx, tx, input);
    authorize(ctx.actor, 'readAudit', 'case', c, "Only coordinators can read a case's audit trail.");
    await recordAudit(ctx, tx, { action: 'view', recordType: 'caseAudit', recordId: c.id, reason: 'audit trail' });
    const [childIds, names] = await Promise.all([caseChildIds(tx, c.id), memberNames(tx)]);
    // Events recorded against the case itself and against its records (actions, chronology, decisions, assessments).
    const perRecord = await Promise.all(
      [c.id, ...childIds].map((recordId) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: recordId }] })),
    );
    const seen = new Set<string>();
    const events = perRecord.flat().filter((e) => !seen.has(e.id) && seen.add(e.id)).sort((a, b) => cmp(a.at, b.at) || cmp(a.id, b.id));
    return { caseId: c.id, ref: c.ref, events: events.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? 'Unknown member' })) };
  },
});
