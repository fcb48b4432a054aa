import { LIVE_CASE_STATUSES } from '../domain/enums';
import { CASE_TRANSITIONS } from '../domain/lifecycle';
import type { CaseRecord, Meeting } from '../domain/records';
import { isActionFinished, isReferralStage } from '../domain/rules';
import type { ActionSubject } from './actionSubject';
import type { Actor } from './actor';
import { can } from './policy';

/*
 * What the caller may do with each record, presented with the record (in the manner of Outline's presentPolicies),
 * so the tab and cards offer only the buttons that will work. An ability is true only when the policy allows it AND
 * the record's state allows it: the tab never needs the lifecycle graph or a copy of the rules.
 */

/** The buttons of a case page (and of a referral's line in the screening queue). */
export const CASE_ABILITIES = [
  'recordInvolvement', 'requestInfo', 'provideInformation', 'list', 'withdraw', 'screen', 'close', 'escalate', 'deescalate',
  'addChronology', 'createAction', 'updatePlan', 'proposeClosure', 'readAudit', 'submit', 'exportSubjectAccess',
] as const;
export type CaseAbility = (typeof CASE_ABILITIES)[number];
export type CaseAbilities = Record<CaseAbility, boolean>;

const into = (c: CaseRecord, to: CaseRecord['status']) => CASE_TRANSITIONS[c.status].includes(to);
const isLive = (c: CaseRecord) => LIVE_CASE_STATUSES.includes(c.status);

/** Each case ability: the policy's answer and the state's, together. */
const CASE_RULES: Record<CaseAbility, (a: Actor, c: CaseRecord) => boolean> = {
  // The policy already holds the state (new referrals and live cases only).
  recordInvolvement: (a, c) => can(a, 'recordInvolvement', 'case', c),
  requestInfo: (a, c) => can(a, 'requestInfo', 'case', c) && into(c, 'info_requested'),
  // Who may answer is who may withdraw: the referrer or a coordinator; only while the request is open.
  provideInformation: (a, c) => can(a, 'withdraw', 'case', c) && c.status === 'info_requested',
  list: (a, c) => can(a, 'list', 'case', c) && into(c, 'listed'),
  withdraw: (a, c) => can(a, 'withdraw', 'case', c) && into(c, 'withdrawn'),
  // Accept, decline or defer: offered where a referral can still be accepted (an escalated case goes back to open
  // by de-escalation, not by screening).
  screen: (a, c) => can(a, 'screen', 'case', c) && isReferralStage(c) && into(c, 'open'),
  close: (a, c) => can(a, 'close', 'case', c) && into(c, 'closed'),
  escalate: (a, c) => can(a, 'updatePlan', 'case', c) && into(c, 'escalated'),
  deescalate: (a, c) => can(a, 'updatePlan', 'case', c) && c.status === 'escalated',
  addChronology: (a, c) => can(a, 'addChronology', 'case', c),
  createAction: (a, c) => can(a, 'createAction', 'case', c) && isLive(c),
  updatePlan: (a, c) => can(a, 'updatePlan', 'case', c) && isLive(c),
  // Whoever may change the plan may propose ending it; one standing proposal at a time, until the panel decides.
  proposeClosure: (a, c) => can(a, 'updatePlan', 'case', c) && isLive(c) && !c.closureProposal,
  readAudit: (a, c) => can(a, 'readAudit', 'case', c),
  // The policy already holds the state (drafts only).
  submit: (a, c) => can(a, 'submit', 'case', c),
  exportSubjectAccess: (a, c) => can(a, 'exportSubjectAccess', 'case', c),
};

export function presentCase(actor: Actor, c: CaseRecord): CaseAbilities {
  return Object.fromEntries(CASE_ABILITIES.map((ability) => [ability, CASE_RULES[ability](actor, c)])) as CaseAbilities;
}

/** A referral's line in the screening queue: the screening buttons only. */
export type ScreeningAbilities = Pick<CaseAbilities, 'requestInfo' | 'list' | 'withdraw' | 'screen'>;
export function presentScreening(actor: Actor, c: CaseRecord): ScreeningAbilities {
  const all = presentCase(actor, c);
  return { requestInfo: all.requestInfo, list: all.list, withdraw: all.withdraw, screen: all.screen };
}

/** A line of an action list (mine, agency, overdue, home, a case's plan). */
export interface ActionAbilities {
  addProgress: boolean;
  complete: boolean;
  changeDueDate: boolean;
}
export function presentAction(actor: Actor, subject: ActionSubject): ActionAbilities {
  // A finished action (done, not done, cancelled) takes no more progress, outcome or due date.
  const open = !isActionFinished(subject.action);
  return {
    addProgress: open && can(actor, 'addProgress', 'action', subject),
    complete: open && can(actor, 'complete', 'action', subject),
    changeDueDate: open && can(actor, 'changeDueDate', 'action', subject),
  };
}

/** A panel meeting: whether the caller may run it (agenda, papers, minutes) while there is still something to run. */
export interface MeetingAbilities {
  manage: boolean;
}
export function presentMeeting(actor: Actor, m: Pick<Meeting, 'status'>): MeetingAbilities {
  return { manage: m.status !== 'minutes_issued' && can(actor, 'manage', 'meeting', null) };
}

/** What the signed-in member may do across the app: which pages and buttons the tab offers. */
export interface AppAbilities {
  /** Refer an adult (start a referral). */
  refer: boolean;
  /** Screen referrals: the screening page. */
  screen: boolean;
  /** Coordinate: ask for information, list and withdraw any referral. */
  coordinate: boolean;
  readScreeningQueue: boolean;
  /** List any agency's actions, not only one's own. */
  readAgencyActions: boolean;
  readDataQuality: boolean;
  runOverdueScan: boolean;
  readAuditTrail: boolean;
  readMemberEmails: boolean;
  readMeetings: boolean;
  manageMeetings: boolean;
  /** The board's indicators and exports: the Reports page. */
  readReports: boolean;
  /** Keep members and agencies: the Admin page. */
  manageMembers: boolean;
  /** Read (and, as the agency's lead, confirm) their agency's access review. */
  reviewAccess: boolean;
  /**
   * May ask to open a case they cannot see by break-glass (whether a given reference exists is never told: the tab
   * offers the form on a case it could not open, and the server judges the case).
   */
  breakGlass: boolean;
}
export function presentApp(actor: Actor): AppAbilities {
  const partnership = (ability: Parameters<typeof can<'partnership'>>[1]) => can(actor, ability, 'partnership', null);
  return {
    refer: can(actor, 'create', 'referral', null),
    screen: partnership('readScreeningQueue'),
    coordinate: partnership('coordinate'),
    readScreeningQueue: partnership('readScreeningQueue'),
    readAgencyActions: partnership('readAnyAgencyActions'),
    readDataQuality: partnership('readDataQuality'),
    runOverdueScan: partnership('runOverdueScan'),
    readAuditTrail: partnership('readAuditTrail'),
    readMemberEmails: partnership('readMemberEmails'),
    readMeetings: can(actor, 'read', 'meeting', null),
    manageMeetings: can(actor, 'manage', 'meeting', null),
    readReports: partnership('readReports'),
    manageMembers: partnership('manageMembers'),
    reviewAccess: can(actor, 'readAccessReview', 'agency', { agencyId: actor.member.agencyId }),
    breakGlass: partnership('breakGlass'),
  };
}
