import { z } from 'zod';
import type { Agency, CaseRecord, Member } from '../domain/records';
import { can, canReadCase, hasLiveBreakGlass } from '../policies';
import type { Actor } from '../policies/actor';
import { ForbiddenError } from '../domain/errors';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { type AccessReview, type AccessReviewAgency, accessReviewSchema, type VisibilityReason } from '../contract/governance';

type Counts = Record<VisibilityReason, number>;
const zero = (): Counts => ({ allCases: 0, allUnrestricted: 0, referrerAgency: 0, leadAgency: 0, knownToAgency: 0, named: 0, breakGlass: 0 });

/**
 * Why a member reads a case in full, reason by reason (a case counts under every reason that applies). The reasons
 * mirror the case policy; the total is the policy's own answer, so the two cannot quietly disagree.
 */
function reasonsFor(m: Member, c: CaseRecord, actor: Actor): VisibilityReason[] {
  if (!can(actor, 'read', 'case', c)) return [];
  const has = (r: Member['roles'][number]) => m.roles.includes(r);
  const out: VisibilityReason[] = [];
  if (has('coordinator')) out.push('allCases');
  else if (has('chair') && !c.restricted) out.push('allUnrestricted');
  if (c.referrerAgencyId === m.agencyId) out.push('referrerAgency');
  if (c.leadAgencyId === m.agencyId) out.push('leadAgency');
  if (c.involvements.some((i) => i.known && i.agencyId === m.agencyId)) out.push('knownToAgency');
  if (c.namedMemberIds.includes(m.id)) out.push('named');
  if (!canReadCase(actor, c) && hasLiveBreakGlass(actor, c)) out.push('breakGlass');
  return out;
}

/**
 * The quarterly access review: per agency, who can see what (members, roles, active, and how many cases each may read
 * and why), for the agency's lead to confirm. Coordinators see every agency; an agency lead sees their own. Member
 * names are personal data: the read is audited as one view, with the number of agencies and members shown.
 */
export const getAccessReview = defineQuery({
  name: 'getAccessReview',
  summary: 'Access review: per agency, its members, roles and the cases each may read, by reason (coordinators; agency leads for their own)',
  output: accessReviewSchema,
  input: z.object({ agencyId: z.string().max(200).optional() }).strict(),
  async run(ctx, tx, input): Promise<AccessReview> {
    const [agencies, members, cases] = await Promise.all([tx.find('agencies'), tx.find('members'), tx.find('cases')]);
    const shown = agencies
      .filter((a) => (input.agencyId ? a.id === input.agencyId : true))
      .filter((a) => can(ctx.actor, 'readAccessReview', 'agency', { agencyId: a.id }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (!shown.length) throw new ForbiddenError('Only coordinators, auditors, and agency leads for their own agency, can read the access review.');
    const live = cases.filter((c) => c.status !== 'draft');
    const review = shown.map((agency) => agencyReview(ctx.actor, agency, members.filter((m) => m.agencyId === agency.id), live, agencies));
    await recordAudit(ctx, tx, {
      action: 'view', recordType: 'accessReview', recordId: input.agencyId ?? 'all',
      change: { agencies: review.length, members: review.reduce((n, a) => n + a.members.length, 0) },
    });
    return { asOf: ctx.now().toISOString(), agencies: review };
  },
});

function agencyReview(viewer: Actor, agency: Agency, members: Member[], cases: CaseRecord[], agencies: Agency[]): AccessReviewAgency {
  const rows = members
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => {
      const as: Actor = { member: m, agency: agencies.find((a) => a.id === m.agencyId) ?? agency, ...(viewer.now ? { now: viewer.now } : {}) };
      const visible = zero();
      let totalCases = 0;
      for (const c of cases) {
        const reasons = reasonsFor(m, c, as);
        if (!reasons.length) continue;
        totalCases++;
        for (const r of reasons) visible[r]++;
      }
      return { id: m.id, name: m.name, roles: m.roles, agencyLead: m.agencyLead, active: m.active, visible, totalCases };
    });
  const mine = (f: (c: CaseRecord) => boolean) => cases.filter(f).length;
  return {
    agency: {
      id: agency.id, name: agency.name, shortName: agency.shortName, kind: agency.kind, active: agency.active, core: agency.core ?? false,
      ...(agency.accessReviewedAt ? { accessReviewedAt: agency.accessReviewedAt } : {}),
      ...(agency.accessReviewedById ? { accessReviewedById: agency.accessReviewedById } : {}),
    },
    members: rows,
    cases: {
      referrerAgency: mine((c) => c.referrerAgencyId === agency.id),
      leadAgency: mine((c) => c.leadAgencyId === agency.id),
      knownToAgency: mine((c) => c.involvements.some((i) => i.known && i.agencyId === agency.id)),
      restrictedLead: mine((c) => c.restricted && c.leadAgencyId === agency.id),
    },
    canConfirm: can(viewer, 'confirmAccessReview', 'agency', { agencyId: agency.id }),
  };
}
