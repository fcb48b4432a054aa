import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import type { Member } from '../domain/records';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { load, checkVersion } from '../kernel/loaders';
import { expectedVersion, id, optionalText } from '../kernel/validation';
import { checkMemberFields, memberFields } from './addMember';
import { memberItemSchema } from '../contract/directory';

/**
 * A coordinator changes a member, or deactivates one (`active: false`). A deactivated member is refused at once
 * everywhere: each API request, chat message and card press looks the member up and refuses an inactive one
 * (src/auth/resolveActor.ts, the bot's member lookup, and `can` in src/policies). Their history stays attributed:
 * nothing is deleted, records keep their member id.
 */
export const changeMember = defineCommand({
  name: 'changeMember',
  summary: 'Change a member, or deactivate or reactivate them',
  output: memberItemSchema,
  input: z
    .object({
      memberId: id,
      name: memberFields.name.optional(),
      email: memberFields.email.optional(),
      aadObjectId: memberFields.aadObjectId.optional(),
      agencyId: memberFields.agencyId.optional(),
      roles: memberFields.roles.optional(),
      agencyLead: z.boolean().optional(),
      active: z.boolean().optional(),
      reason: optionalText(1000),
      expectedVersion,
    })
    .strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can change members.');
    const before = await load(tx, 'members', input.memberId);
    checkVersion(before, input.expectedVersion);
    if (input.memberId === ctx.actor.member.id && input.active === false) {
      throw new ValidationError([{ field: 'active', message: 'You cannot deactivate yourself; ask another coordinator.' }]);
    }
    const { memberId: _id, reason, expectedVersion: _v, ...changes } = input;
    const next: Member = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    if (changes.roles) next.roles = [...new Set(changes.roles)];
    await checkMemberFields(tx, next);
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(next[k]));
    if (!changed.length) throw new ValidationError([{ field: '', message: 'Nothing to change.' }]);
    const updated = await tx.update('members', next);
    // Which fields changed, with values only for the non-personal ones (agency, roles, lead, active).
    const shown = new Set(['agencyId', 'roles', 'agencyLead', 'active']);
    const change = Object.fromEntries(changed.map((k) => [k, shown.has(k) ? { from: before[k], to: next[k] } : 'changed']));
    await recordAudit(ctx, tx, { action: 'update', recordType: 'member', recordId: before.id, change, ...(reason ? { reason } : {}) });
    return updated;
  },
});
