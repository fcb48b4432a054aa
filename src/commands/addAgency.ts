import { z } from 'zod';
import { AGENCY_KINDS } from '../domain/enums';
import { ConflictError } from '../domain/errors';
import type { Agency } from '../domain/records';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { text } from '../kernel/validation';
import { agencyItemSchema } from '../contract/directory';

/** An agency's fields as a coordinator gives them: shared by adding and changing one. */
export const agencyFields = {
  name: text(200),
  shortName: text(30).pipe(z.string().regex(/^[\p{L}\p{N} .&'-]+$/u, 'use letters, digits, spaces and . & \' - only')),
  kind: z.enum(AGENCY_KINDS),
};

/** Short names label agencies on cards and in filters, so two agencies may not share one (compared without case). */
export async function checkShortNameFree(tx: Parameters<typeof recordAudit>[1], shortName: string, exceptId?: string): Promise<void> {
  const all = await tx.find('agencies');
  if (all.some((a) => a.id !== exceptId && a.shortName.toLowerCase() === shortName.toLowerCase())) {
    throw new ConflictError(`Another agency already has the short name "${shortName}".`);
  }
}

/** A coordinator adds a partner agency. */
export const addAgency = defineCommand({
  name: 'addAgency',
  summary: 'Add a partner agency (name, short name, kind, core member or not)',
  output: agencyItemSchema,
  input: z.object({ ...agencyFields, core: z.boolean().default(false) }).strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can add agencies.');
    await checkShortNameFree(tx, input.shortName);
    const agency: Omit<Agency, 'version'> = { id: ctx.newId(), ...input, active: true };
    const created = await tx.insert('agencies', agency);
    await recordAudit(ctx, tx, { action: 'create', recordType: 'agency', recordId: created.id, change: { ...input } });
    return created;
  },
});
