import { LIVE_CASE_STATUSES } from '../domain/enums';
import type { CaseRecord } from '../domain/records';
import { isReferralStage } from '../domain/rules';
import { type Actor, hasRole, nowOf } from './actor';
import { allow } from './policy';

const agencyOf = (a: Actor) => a.member.agencyId;
const isNamed = (a: Actor, c: CaseRecord) => c.namedMemberIds.includes(a.member.id);
const isLeadAgency = (a: Actor, c: CaseRecord) => c.leadAgencyId !== undefined && c.leadAgencyId === agencyOf(a);
const isReferrerAgency = (a: Actor, c: CaseRecord) => c.referrerAgencyId === agencyOf(a);
const isReferrer = (a: Actor, c: CaseRecord) => c.referrerMemberId === a.member.id;
const saidKnown = (a: Actor, c: CaseRecord) => c.involvements.some((i) => i.known && i.agencyId === agencyOf(a));
const isLive = (c: CaseRecord) => LIVE_CASE_STATUSES.includes(c.status);
const isScreenable = (c: CaseRecord) => isReferralStage(c) && c.status !== 'draft';

/** Full read of a case and its personal data. */
export function canReadCase(a: Actor, c: CaseRecord): boolean {
  if (hasRole(a, 'coordinator')) return true;
  if (c.status === 'draft') return isReferrer(a, c);
  // A restricted case: coordinators, the lead agency and named members only. Until screening names a lead agency
  // the referring member stands in for it, so a restricted referral is not hidden from the person who wrote it.
  if (c.restricted) {
    return isNamed(a, c) || (hasRole(a, 'chair', 'partner') && (isLeadAgency(a, c) || (c.leadAgencyId === undefined && isReferrer(a, c))));
  }
  if (hasRole(a, 'chair')) return true;
  if (hasRole(a, 'partner')) return isReferrerAgency(a, c) || isLeadAgency(a, c) || saidKnown(a, c) || isNamed(a, c);
  return isNamed(a, c);
}

/** The minimal summary (reference, initials, risk categories, referring agency) every partner sees of a new referral. */
export function canReadCaseSummary(a: Actor, c: CaseRecord): boolean {
  if (canReadCase(a, c)) return true;
  return !c.restricted && isScreenable(c) && hasRole(a, 'partner', 'chair');
}

/** A break-glass opening by this member that has not yet expired (judged by the request's clock). */
export function hasLiveBreakGlass(a: Actor, c: CaseRecord): boolean {
  if (!c.breakGlass?.length) return false;
  const now = nowOf(a).toISOString();
  return c.breakGlass.some((g) => g.memberId === a.member.id && g.until > now);
}

allow('case', ['read'], canReadCase);
// Break-glass gives a time-limited read of the case and nothing more: every change still needs the rules above.
allow('case', ['read'], (a, c) => hasRole(a, 'partner', 'chair') && hasLiveBreakGlass(a, c));
// Only someone the rules keep out may break the glass (a draft is its writer's alone, never opened this way).
allow('case', ['breakGlass'], (a, c) => hasRole(a, 'partner', 'chair') && c.status !== 'draft' && !canReadCase(a, c));
allow('case', ['readSummary'], canReadCaseSummary);

allow('referral', ['create'], (a) => hasRole(a, 'partner', 'coordinator', 'chair'));
// Viewers change nothing, even on a record they once wrote.
const isActingReferrer = (a: Actor, c: CaseRecord) => isReferrer(a, c) && hasRole(a, 'partner', 'chair') && canReadCase(a, c);

allow('case', ['submit'], (a, c) => c.status === 'draft' && (hasRole(a, 'coordinator') || isActingReferrer(a, c)));
allow('case', ['recordInvolvement'], (a, c) =>
  hasRole(a, 'partner', 'coordinator', 'chair') && canReadCaseSummary(a, c) && (isScreenable(c) || isLive(c)),
);
allow('case', ['requestInfo', 'list'], (a) => hasRole(a, 'coordinator'));
// Who may withdraw; whether the record may still be withdrawn is the lifecycle's answer (409 naming the allowed steps).
allow('case', ['withdraw'], (a, c) => hasRole(a, 'coordinator') || isActingReferrer(a, c));
allow('case', ['screen', 'close'], (a, c) => hasRole(a, 'coordinator') || (hasRole(a, 'chair') && canReadCase(a, c)));
allow('case', ['addChronology'], (a, c) => hasRole(a, 'coordinator', 'chair', 'partner') && canReadCase(a, c));
allow('case', ['createAction', 'updatePlan'], (a, c) =>
  hasRole(a, 'coordinator') || (hasRole(a, 'chair', 'partner') && canReadCase(a, c) && (hasRole(a, 'chair') || isLeadAgency(a, c))),
);
allow('case', ['readAudit'], (a) => hasRole(a, 'coordinator'));
// Golden rule 7: whoever works the case and shares its information outside the panel records that decision (a
// break-glass reader reads; they do not share).
allow('case', ['recordSharing'], (a, c) => hasRole(a, 'coordinator', 'chair', 'partner') && canReadCase(a, c));
// Subject access: the coordinators answer an adult's request for everything held about them (any case, any status).
allow('case', ['exportSubjectAccess'], (a) => hasRole(a, 'coordinator'));
