import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { authorize } from '../policies';
import { PANEL_ROLES } from '../policies/actor';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { loadCaseFor } from '../kernel/caseAccess';
import { checkVersion } from '../kernel/loaders';
import { expectedVersion, id, text } from '../kernel/validation';
import { savedCaseSchema } from '../contract/cases';

/**
 * Restricts a case (or lifts the restriction) at any point in its life, naming the members outside the lead agency who
 * may still see it. Every read checks the case as stored, so the change holds at once in the tab, the bot and on
 * cards. Coordinators only, with a reason the audit trail keeps.
 */
export const restrictCase = defineCommand({
  name: 'restrictCase',
  summary: 'Restrict or unrestrict a case and name the members who may see it, with the reason',
  output: savedCaseSchema,
  input: z
    .object({ caseId: id, restricted: z.boolean(), namedMemberIds: z.array(id).max(50, 'name at most 50 members').default([]), reason: text(2000), expectedVersion })
    .strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can restrict or unrestrict a case.');
    const c = await loadCaseFor(ctx, tx, input.caseId, 'full');
    checkVersion(c, input.expectedVersion);
    const named = [...new Set(input.namedMemberIds)];
    if (!input.restricted && named.length) {
      throw new ValidationError([{ field: 'namedMemberIds', message: 'Named members apply only to a restricted case.' }]);
    }
    const problems = [];
    for (const [i, memberId] of named.entries()) {
      const m = await tx.get('members', memberId);
      if (!m || !m.active) problems.push({ field: `namedMemberIds.${i}`, message: 'is not an active member' });
      // An auditor reads the audit trail, never a case: naming one would quietly give them the case.
      else if (!m.roles.some((r) => (PANEL_ROLES as readonly string[]).includes(r))) problems.push({ field: `namedMemberIds.${i}`, message: 'is an auditor only and cannot be named on a case' });
    }
    if (problems.length) throw new ValidationError(problems);

    const updated = await tx.update('cases', { ...c, restricted: input.restricted, namedMemberIds: named, updatedAt: ctx.now().toISOString() });
    await recordAudit(ctx, tx, {
      action: 'update',
      recordType: 'case',
      recordId: c.id,
      change: { restricted: { from: c.restricted, to: input.restricted }, namedMemberIds: { from: c.namedMemberIds, to: named } },
      reason: input.reason,
    });
    return updated;
  },
});
