import { z } from 'zod';
import { authorize } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { type AdminDirectory, adminDirectorySchema } from '../contract/governance';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * Every member (with email and Entra object id) and every agency, active or not, for the coordinators who keep
 * them. Reading the membership list is audited as one view with the number of members, never their names.
 */
export const getAdminDirectory = defineQuery({
  name: 'getAdminDirectory',
  summary: 'Members (with email and Entra object id) and agencies, active and inactive (coordinators)',
  output: adminDirectorySchema,
  input: z.object({}).strict(),
  async run(ctx, tx): Promise<AdminDirectory> {
    authorize(ctx.actor, 'manageMembers', 'partnership', null, 'Only coordinators can keep members and agencies.');
    const [members, agencies] = await Promise.all([tx.find('members'), tx.find('agencies')]);
    await recordAudit(ctx, tx, { action: 'view', recordType: 'memberList', recordId: 'admin', change: { count: members.length } });
    return {
      members: members
        .map(({ id, name, email, aadObjectId, agencyId, roles, agencyLead, active }) => ({ id, name, email, aadObjectId, agencyId, roles, agencyLead, active }))
        .sort(byName),
      agencies: agencies
        .map(({ id, name, shortName, kind, active, core, accessReviewedAt, accessReviewedById }) => ({
          id, name, shortName, kind, active, core: core ?? false,
          ...(accessReviewedAt ? { accessReviewedAt } : {}), ...(accessReviewedById ? { accessReviewedById } : {}),
        }))
        .sort(byName),
    };
  },
});
