import { REFERRAL_STATUSES, type Role } from '../domain/enums';
import type { CaseRecord } from '../domain/records';

/*
 * Who may see a case, as index data: each case carries the keys of the audiences that may see it (at least in
 * summary), and each person holds the keys they belong to. "May this person see this case" is then "do the two sets
 * meet", which an index answers (one indexed `in` on the case's audience) instead of reading every case and asking
 * the policy. It mirrors canReadCase and canReadCaseSummary in src/policies/casePolicy.ts exactly; the register still
 * asks the policy about every row it returns (full or summary), and tests/scale/caseAudience.test.ts holds the two
 * to the same answer for every demo person and every case, and for invented ones.
 */

/** The audiences a case belongs to. Coordinators see every case and hold no keys (they need no filter). */
export function caseAudience(c: Pick<CaseRecord, 'status' | 'restricted' | 'referrerMemberId' | 'referrerAgencyId' | 'leadAgencyId' | 'involvements' | 'namedMemberIds'>): string[] {
  // A draft is its writer's alone.
  if (c.status === 'draft') return [`draft:m:${c.referrerMemberId}`];
  const keys = new Set<string>(c.namedMemberIds.map((m) => `m:${m}`));
  if (c.restricted) {
    // The lead agency's chairs and partners; until there is a lead, the referring member (as a chair or partner).
    keys.add(c.leadAgencyId !== undefined ? `pc:a:${c.leadAgencyId}` : `pc:m:${c.referrerMemberId}`);
    return [...keys].sort();
  }
  keys.add('chair');
  keys.add(`p:a:${c.referrerAgencyId}`);
  if (c.leadAgencyId !== undefined) keys.add(`p:a:${c.leadAgencyId}`);
  for (const i of c.involvements) if (i.known) keys.add(`p:a:${i.agencyId}`);
  // A referral awaiting screening: every chair and partner sees its summary.
  if (REFERRAL_STATUSES.includes(c.status)) keys.add('pc:screenable');
  return [...keys].sort();
}

export interface AudienceMember {
  id: string;
  agencyId: string;
  roles: readonly Role[];
  active: boolean;
}

/** The audiences a person belongs to, or null for one who sees every case (an active coordinator). */
export function memberAudience(m: AudienceMember): string[] | null {
  const has = (role: Role) => m.active && m.roles.includes(role);
  if (has('coordinator')) return null;
  const keys = [`m:${m.id}`, `draft:m:${m.id}`];
  if (has('chair') || has('partner')) keys.push(`pc:a:${m.agencyId}`, `pc:m:${m.id}`, 'pc:screenable');
  if (has('chair')) keys.push('chair');
  if (has('partner')) keys.push(`p:a:${m.agencyId}`);
  return keys;
}
