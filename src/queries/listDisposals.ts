import { z } from 'zod';
import type { Disposal } from '../domain/records';
import { retentionDue } from '../domain/retention';
import { authorize } from '../policies';
import { defineQuery } from '../kernel/query';
import { type DisposalsView, disposalsViewSchema } from '../contract/retention';

/**
 * What the retention schedule says may go: closed cases past their retention date (held ones listed too, marked, so a
 * coordinator sees why they stay), proposals waiting for a second coordinator, and the disposals done. References and
 * dates only: nothing about the adult.
 */
export const listDisposals = defineQuery({
  name: 'listDisposals',
  summary: 'Cases due for disposal, proposals awaiting a second coordinator, and disposals done (coordinators)',
  output: disposalsViewSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<DisposalsView> {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can see what is due for disposal.');
    const today = ctx.now();
    // Led by the retention date (set when a case closes), never by "closed", which years of history put past
    // SharePoint's 5,000-item threshold: what is read is what the view lists.
    const [pastRetention, disposals] = await Promise.all([
      tx.find('cases', { where: [{ field: 'retentionDate', op: 'le', value: today.toISOString().slice(0, 10) }] }),
      tx.find('disposals'),
    ]);
    const closed = pastRetention.filter((c) => c.status === 'closed');
    // A hand edit in SharePoint may attach dataQuality to a record; the view carries the record's own fields only.
    const strip = (d: Disposal): Disposal => {
      const { dataQuality: _dq, ...rest } = d as Disposal & { dataQuality?: unknown };
      return rest;
    };
    const proposed = disposals.filter((d) => d.status === 'proposed').map(strip);
    const proposalFor = new Map(proposed.map((d) => [d.caseId, d.id]));
    const due = closed
      .filter((c) => retentionDue(c.retentionDate, today))
      .sort((a, b) => a.retentionDate!.localeCompare(b.retentionDate!) || a.ref.localeCompare(b.ref))
      .map((c) => ({
        caseId: c.id,
        ref: c.ref,
        ...(c.closedAt ? { closedAt: c.closedAt } : {}),
        retentionDate: c.retentionDate!,
        legalHold: c.legalHold,
        ...(proposalFor.has(c.id) ? { proposalId: proposalFor.get(c.id)! } : {}),
      }));
    const done = disposals.filter((d) => d.status === 'approved').map(strip).sort((a, b) => (b.approvedAt ?? '').localeCompare(a.approvedAt ?? ''));
    return { asOf: today.toISOString().slice(0, 10), due, proposed, done };
  },
});
