import type { CaseStatus } from '../domain/enums';
import { ConflictError, ValidationError } from '../domain/errors';
import type { Agency, CaseRecord, Member } from '../domain/records';
import { londonDate } from '../domain/time';
import type { Tx } from '../store/port';

const SPOKEN: Record<string, string> = {
  not_done_circumstance: 'not done (circumstances changed)',
  not_done_agency: 'not done by the agency',
};
/** "info_requested" → "info requested": states as people say them. */
export const stateLabel = (s: string): string => SPOKEN[s] ?? s.replace(/_/g, ' ');

const invalid = (field: string, message: string) => new ValidationError([{ field, message }]);

/** A person named in the input must exist and still be active: work is never given to someone who has left. */
export async function requireActiveMember(tx: Tx, id: string, field: string): Promise<Member> {
  const member = await tx.get('members', id);
  if (!member?.active) throw invalid(field, 'must be an active member of the partnership');
  return member;
}

export async function requireActiveAgency(tx: Tx, id: string, field: string): Promise<Agency> {
  const agency = await tx.get('agencies', id);
  if (!agency?.active) throw invalid(field, 'must be an active agency of the partnership');
  return agency;
}

/**
 * Dates of plans (due, review) cannot lie in the past. "Today" is the London date, as in isOverdue: at 00:30 BST
 * yesterday's date is refused although it is still yesterday in UTC.
 */
export function requireNotPast(date: string, now: Date, field: string): void {
  if (date < londonDate(now)) throw invalid(field, 'must not be in the past');
}

/**
 * For changes that are not status transitions but only make sense in some states (an action on a closed case):
 * 409 naming the current state and the states that allow it.
 */
export function requireCaseStatus(c: CaseRecord, allowed: readonly CaseStatus[], what: string): void {
  if (!allowed.includes(c.status)) {
    throw new ConflictError(
      `${what} only when the case is ${allowed.map(stateLabel).join(' or ')}; ${c.ref} is ${stateLabel(c.status)}.`,
    );
  }
}
