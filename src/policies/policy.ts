import { ForbiddenError } from '../domain/errors';
import type { CaseRecord, Meeting } from '../domain/records';
import type { ActionSubject } from './actionSubject';
import type { Actor } from './actor';

/**
 * Every entity the policies judge and every ability on it. A misspelt entity or ability does not compile, so a typo
 * can never silently deny (or allow) anything.
 */
export interface Abilities {
  case:
    | 'read' | 'readSummary' | 'submit' | 'recordInvolvement' | 'requestInfo' | 'list' | 'withdraw' | 'screen' | 'close'
    | 'addChronology' | 'createAction' | 'updatePlan' | 'readAudit' | 'breakGlass' | 'exportSubjectAccess' | 'recordSharing';
  action: 'read' | 'addProgress' | 'complete' | 'changeDueDate';
  meeting: 'read' | 'readAgenda' | 'join' | 'manage' | 'schedule' | 'editAgenda' | 'drive' | 'recordAttendance' | 'editMinutes' | 'approveMinutes' | 'issueMinutes';
  referral: 'create';
  /** Partnership-wide work, not about one record. */
  partnership:
    | 'coordinate' | 'runOverdueScan' | 'readDataQuality' | 'readScreeningQueue' | 'readMemberEmails' | 'readAuditTrail' | 'readAnyAgencyActions' | 'readReports'
    | 'manageMembers' | 'breakGlass';
  /** One agency's records (its action list), and who in it may see what (the access review). */
  agency: 'readActions' | 'readAccessReview' | 'confirmAccessReview';
  /** Learning reviews and the board's plan (src/policies/boardWorkPolicy.ts). */
  boardWork: 'read' | 'manage';
}

/** What each entity's rules are judged against. */
export interface Subjects {
  case: CaseRecord;
  action: ActionSubject;
  /** Meetings are judged without their record for now: dates and status are not personal data. */
  meeting: Meeting | null;
  referral: null;
  partnership: null;
  agency: { agencyId: string };
  boardWork: null;
}

export type Entity = keyof Abilities;
export type Ability<E extends Entity> = Abilities[E];

type Rule<E extends Entity> = (actor: Actor, subject: Subjects[E]) => boolean;
const rules = new Map<string, Rule<never>[]>();

/**
 * Declares that `actor` may perform each of `abilities` on an entity when `rule` holds
 * (in the manner of Outline's server/policies). Anything not allowed is denied.
 */
export function allow<E extends Entity>(entity: E, abilities: readonly NoInfer<Ability<E>>[], rule: Rule<E>): void {
  for (const ability of abilities) {
    const key = `${entity}:${ability}`;
    rules.set(key, [...(rules.get(key) ?? []), rule as Rule<never>]);
  }
}

export function can<E extends Entity>(actor: Actor, ability: NoInfer<Ability<E>>, entity: E, subject: NoInfer<Subjects[E]>): boolean {
  if (!actor.member.active) return false;
  return (rules.get(`${entity}:${ability}`) ?? []).some((rule) => (rule as Rule<E>)(actor, subject));
}

export function authorize<E extends Entity>(
  actor: Actor,
  ability: NoInfer<Ability<E>>,
  entity: E,
  subject: NoInfer<Subjects[E]>,
  message?: string,
): void {
  if (!can(actor, ability, entity, subject)) {
    // "recordInvolvement" on "case" → "You are not permitted to record involvement on this case."
    throw new ForbiddenError(message ?? `You are not permitted to ${ability.replace(/([A-Z])/g, ' $1').toLowerCase()} on this ${entity}.`);
  }
}
