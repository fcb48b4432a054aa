import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import type { Agency } from '../domain/records';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { checkVersion, load } from '../kernel/loaders';
import { expectedVersion, id } from '../kernel/validation';
import { agencyFields, checkShortNameFree } from './addAgency';
import { agencyItemSchema } from '../contract/directory';

/**
 * A coordinator renames an agency or deactivates it. An inactive agency takes no new members; its existing records
 * and history stay as they are (deactivate its members one by one to remove their access).
 */
export const changeAgency = defineCommand({
  name: 'changeAgency',
  summary: 'Change an agency, or deactivate or reactivate it',
  output: agencyItemSchema,
  input: z
    .object({
      agencyId: id,
      name: agencyFields.name.optional(),
      shortName: agencyFields.shortName.optional(),
      kind: agencyFields.kind.optional(),
      core: z.boolean().optional(),
      active: z.boolean().optional(),
      expectedVersion,
    })
    .strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can change agencies.');
    const before = await load(tx, 'agencies', input.agencyId);
    checkVersion(before, input.expectedVersion);
    if (input.active === false && before.id === ctx.actor.member.agencyId) {
      throw new ValidationError([{ field: 'active', message: 'You cannot deactivate your own agency; ask a coordinator of another agency.' }]);
    }
    const { agencyId: _id, expectedVersion: _v, ...changes } = input;
    const next: Agency = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k] !== undefined && before[k] !== next[k]);
    if (!changed.length) throw new ValidationError([{ field: '', message: 'Nothing to change.' }]);
    if (changes.shortName) await checkShortNameFree(tx, changes.shortName, before.id);
    const updated = await tx.update('agencies', next);
    await recordAudit(ctx, tx, { action: 'update', recordType: 'agency', recordId: before.id, change: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])) });
    return updated;
  },
});
