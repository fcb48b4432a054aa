import { z } from 'zod';
import { ROLES } from '../domain/enums';
import { ConflictError, ValidationError } from '../domain/errors';
import type { Member } from '../domain/records';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { id, text } from '../kernel/validation';
import { memberItemSchema } from '../contract/directory';

const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fields a coordinator gives for a member: shared by adding and changing one. */
export const memberFields = {
  name: text(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).pipe(z.string().max(254)),
  aadObjectId: z.string().trim().regex(ENTRA_OBJECT_ID, 'must be an Entra object id (a GUID)'),
  agencyId: id,
  roles: z.array(z.enum(ROLES)).min(1, 'give at least one role').max(ROLES.length),
  agencyLead: z.boolean().default(false),
};

/** Refuses an agency that does not exist or is inactive, and an email or Entra object id another member already has. */
export async function checkMemberFields(tx: Parameters<typeof recordAudit>[1], m: Pick<Member, 'id' | 'email' | 'aadObjectId' | 'agencyId'>): Promise<void> {
  const agency = await tx.get('agencies', m.agencyId);
  if (!agency || !agency.active) throw new ValidationError([{ field: 'agencyId', message: 'is not an active agency' }]);
  for (const field of ['email', 'aadObjectId'] as const) {
    const others = (await tx.find('members', { where: [{ field, op: 'eq', value: m[field] }] })).filter((o) => o.id !== m.id);
    if (others.length) throw new ConflictError(`Another member already has this ${field === 'email' ? 'email address' : 'Entra object id'}.`);
  }
}

/** A coordinator adds a person to the partnership, with their agency and roles. */
export const addMember = defineCommand({
  name: 'addMember',
  summary: 'Add a member (name, email, Entra object id, agency, roles)',
  output: memberItemSchema,
  input: z.object(memberFields).strict(),
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can add members.');
    const member: Omit<Member, 'version'> = { id: ctx.newId(), ...input, roles: [...new Set(input.roles)], active: true };
    await checkMemberFields(tx, member);
    const created = await tx.insert('members', member);
    // Names and emails stay in the member record; the audit names the fields and the agency and roles only.
    await recordAudit(ctx, tx, { action: 'create', recordType: 'member', recordId: created.id, change: { agencyId: created.agencyId, roles: created.roles, agencyLead: created.agencyLead } });
    return created;
  },
});
