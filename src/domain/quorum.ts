import type { AttendanceStatus } from './enums';
import { ValidationError, type FieldProblem } from './errors';
import type { Attendance, QuorumRule } from './records';

/** What quorum needs from an attendance line: who, for which agency, and how they attended. */
export type QuorumAttendance = Pick<Attendance, 'agencyId' | 'status'> & { memberId?: string };

export interface QuorumAssessment {
  quorate: boolean;
  /** Whether the chair (or a deputy standing in) is present, whether or not the rule requires it. */
  chairPresent: boolean;
  chairRequired: boolean;
  /** Core agencies with at least one person present, in the rule's order. */
  coreAgenciesPresent: string[];
  /** Core agencies nobody is present for, in the rule's order. */
  coreAgenciesMissing: string[];
  /** How many core agencies the rule's share needs. */
  coreAgenciesNeeded: number;
  /** Why not, in plain words; empty when quorate. */
  reasons: string[];
}

/**
 * Only being there counts. Apologies (even with information sent) keep an agency's view on the record but cannot
 * take part in a decision; observers attend without a voice; absence is absence.
 */
const COUNTS_AS_PRESENT: readonly AttendanceStatus[] = ['present'];

/** Problems with a quorum rule, for the commands that configure one. */
export function quorumRuleProblems(rule: QuorumRule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isFinite(rule.minCoreShare) || rule.minCoreShare < 0 || rule.minCoreShare > 1) {
    problems.push({ field: 'quorum.minCoreShare', message: 'The share of core agencies must be between 0 and 1 (for example 0.5 for half).' });
  }
  if (new Set(rule.coreAgencyIds).size !== rule.coreAgencyIds.length) {
    problems.push({ field: 'quorum.coreAgencyIds', message: 'A core agency is listed twice.' });
  }
  if (rule.coreAgencyIds.some((id) => !id.trim())) {
    problems.push({ field: 'quorum.coreAgencyIds', message: 'A core agency id is empty.' });
  }
  return problems;
}

/**
 * The number of core agencies a share needs, rounded up: half of 5 needs 3. The small tolerance keeps floating point
 * honest (0.6 × 5 is 3.0000000000000004, which must need 3, not 4).
 */
export const coreAgenciesNeeded = (rule: QuorumRule): number =>
  Math.max(0, Math.ceil(rule.minCoreShare * new Set(rule.coreAgencyIds).size - 1e-9));

/**
 * Whether a meeting is quorate under its rule, and why not. `chairMemberIds` are the members who may chair this
 * meeting (the chair, and a deputy the coordinator named): the server decides, never the client. `agencyName` turns
 * ids into words for the reasons.
 */
export function assessQuorum(
  rule: QuorumRule,
  attendance: readonly QuorumAttendance[],
  chairMemberIds: readonly string[],
  agencyName: (agencyId: string) => string = (id) => id,
): QuorumAssessment {
  const problems = quorumRuleProblems(rule);
  if (problems.length) throw new ValidationError(problems);

  const present = attendance.filter((a) => COUNTS_AS_PRESENT.includes(a.status));
  const agenciesPresent = new Set(present.map((a) => a.agencyId));
  const chairPresent = present.some((a) => a.memberId !== undefined && chairMemberIds.includes(a.memberId));
  const coreAgenciesPresent = rule.coreAgencyIds.filter((id) => agenciesPresent.has(id));
  const coreAgenciesMissing = rule.coreAgencyIds.filter((id) => !agenciesPresent.has(id));
  const needed = coreAgenciesNeeded(rule);

  const reasons: string[] = [];
  if (rule.chairRequired && !chairPresent) reasons.push('The chair (or a named deputy) is not present.');
  if (coreAgenciesPresent.length < needed) {
    reasons.push(
      `${coreAgenciesPresent.length} of ${rule.coreAgencyIds.length} core agencies present; ${needed} needed. ` +
        `Not present: ${coreAgenciesMissing.map(agencyName).join(', ')}.`,
    );
  }
  return {
    quorate: reasons.length === 0,
    chairPresent,
    chairRequired: rule.chairRequired,
    coreAgenciesPresent,
    coreAgenciesMissing,
    coreAgenciesNeeded: needed,
    reasons,
  };
}
