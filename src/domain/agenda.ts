import type { AgendaItemKind } from './enums';
import type { ActionRecord, CaseRecord } from './records';
import { isOverdue } from './rules';
import { londonDate } from './time';
import { ValidationError } from './errors';
import { anyOtherBusinessItem, checkMinutes, renumber } from './agendaEdits';

/**
 * The default running order, most urgent first. Escalated cases come first because the risk has grown since the
 * panel last looked and partners may need to act the same day; new referrals next, because an adult and a referrer
 * are waiting for a screening decision that otherwise slips a month; then the planned reviews; then cases whose
 * actions are overdue (a chase, usually brief); closure proposals, which are safe to defer because the case stays
 * open; any other business last. If the meeting overruns, what falls off the end is what can best wait. The same
 * order decides which kind a case is listed under when it qualifies twice.
 */
export const AGENDA_KIND_ORDER: readonly AgendaItemKind[] = [
  'escalation', 'new_referral', 'review', 'overdue_actions', 'closure_proposal', 'any_other_business',
];

/** Default minutes per kind: a discussion for risk and screening, a check for chases and closures. */
export const DEFAULT_MINUTES: Readonly<Record<AgendaItemKind, number>> = {
  escalation: 15,
  new_referral: 15,
  review: 10,
  overdue_actions: 5,
  closure_proposal: 5,
  any_other_business: 5,
};

/** What the builder needs from a case: references and initials only, never the adult's name. */
export type AgendaCase = Pick<CaseRecord, 'id' | 'ref' | 'initials' | 'status'> &
  Partial<Pick<CaseRecord, 'receivedAt' | 'nextReviewDate' | 'referrerAgencyId' | 'leadAgencyId'>>;
export type AgendaAction = Pick<ActionRecord, 'id' | 'parentKind' | 'parentId' | 'status' | 'dueDate'>;

export interface AnyOtherBusiness { title: string; minutesAllotted?: number; presentingAgencyId?: string }

export interface AgendaSources {
  meeting: { startsAt: string; lengthMinutes: number };
  /** Referrals the coordinator listed for this panel. */
  listedReferrals: readonly AgendaCase[];
  /** Live cases (open or escalated): the builder picks the escalated ones and those whose review is due. */
  liveCases: readonly AgendaCase[];
  /** Unfinished actions on those cases; only overdue ones at the meeting's start make an item. */
  actions: readonly AgendaAction[];
  /** Cases whose lead proposes closure. */
  closureProposals: readonly { caseId: string }[];
  anyOtherBusiness: readonly AnyOtherBusiness[];
  /** Overrides of DEFAULT_MINUTES. */
  minutesPerKind?: Partial<Record<AgendaItemKind, number>>;
}

/** An agenda item before it is stored (no id or version yet). */
export interface DraftAgendaItem {
  order: number;
  kind: AgendaItemKind;
  caseId?: string;
  ref?: string;
  initials?: string;
  presentingAgencyId?: string;
  minutesAllotted: number;
  /** The other reasons the case qualified, most urgent first (it is listed once). */
  alsoBecause: AgendaItemKind[];
  /** How many of the case's actions are overdue at the meeting's start (0 when none). */
  overdueActions: number;
  title?: string;
}

export interface AgendaTiming {
  totalMinutes: number;
  lengthMinutes: number;
  /** Minutes beyond the meeting's length (0 when it fits). */
  overrunMinutes: number;
  /** Plain words for the coordinator when it does not fit. */
  warning?: string;
}

export interface AgendaPlan extends AgendaTiming { items: DraftAgendaItem[] }

const rank = (kind: AgendaItemKind): number => AGENDA_KIND_ORDER.indexOf(kind);

/** Total time against the meeting's length, with a warning when the items do not fit. */
export function agendaTiming(items: readonly { minutesAllotted: number }[], lengthMinutes: number): AgendaTiming {
  const totalMinutes = items.reduce((sum, i) => sum + i.minutesAllotted, 0);
  const overrunMinutes = Math.max(0, totalMinutes - lengthMinutes);
  return {
    totalMinutes,
    lengthMinutes,
    overrunMinutes,
    ...(overrunMinutes > 0
      ? { warning: `The items take ${totalMinutes} minutes, ${overrunMinutes} more than the meeting's ${lengthMinutes}. Shorten, remove or move items to the next panel.` }
      : {}),
  };
}

interface Reasons {
  c: AgendaCase;
  /** Per kind the case qualifies under: the date that says how long it has waited ('' when none applies). */
  waitingSince: Map<AgendaItemKind, string>;
  overdue: number;
}

/**
 * The default agenda for a meeting: pure, no I/O. Each case appears once, under its most urgent kind, with the
 * other reasons noted; within a kind the longest-waiting comes first (oldest referral, most overdue review, oldest
 * overdue action), then by reference, so the same records always give the same agenda.
 */
export function buildAgenda(sources: AgendaSources): AgendaPlan {
  const { meeting } = sources;
  const meetingStart = new Date(meeting.startsAt);
  if (Number.isNaN(meetingStart.getTime())) throw new ValidationError([{ field: 'meeting.startsAt', message: 'The meeting needs a start time.' }]);
  if (!Number.isInteger(meeting.lengthMinutes) || meeting.lengthMinutes < 1) {
    throw new ValidationError([{ field: 'meeting.lengthMinutes', message: 'The meeting length must be a whole number of minutes.' }]);
  }
  const meetingDate = londonDate(meetingStart);
  const minutes = { ...DEFAULT_MINUTES, ...sources.minutesPerKind };
  for (const [kind, m] of Object.entries(minutes)) checkMinutes(m, `minutesPerKind.${kind}`);
  const byCase = new Map<string, Reasons>();

  const note = (c: AgendaCase, kind: AgendaItemKind, since = ''): Reasons => {
    const r = byCase.get(c.id) ?? { c, waitingSince: new Map<AgendaItemKind, string>(), overdue: 0 };
    const earlier = r.waitingSince.get(kind);
    r.waitingSince.set(kind, earlier !== undefined && earlier < since ? earlier : since);
    byCase.set(c.id, r);
    return r;
  };

  for (const c of sources.listedReferrals) note(c, 'new_referral', c.receivedAt ?? '');
  const live = new Map(sources.liveCases.map((c) => [c.id, c]));
  for (const c of sources.liveCases) {
    if (c.status === 'escalated') note(c, 'escalation');
    // A review falls due when its date is on or before the meeting's date (in London).
    if (c.nextReviewDate && c.nextReviewDate <= meetingDate) note(c, 'review', c.nextReviewDate);
  }
  for (const a of sources.actions) {
    const c = a.parentKind === 'case' ? live.get(a.parentId) : undefined;
    // Actions on learning reviews or board plans, or on cases that are not live, are not case items. "Overdue" is
    // the domain's London rule, judged at the meeting's start: an action due that day is not yet overdue.
    if (!c || !isOverdue(a, meetingStart)) continue;
    note(c, 'overdue_actions', a.dueDate).overdue++;
  }
  for (const p of sources.closureProposals) {
    const c = live.get(p.caseId);
    if (c) note(c, 'closure_proposal');
  }

  const caseItems = [...byCase.values()]
    .map((r) => {
      const kinds = [...r.waitingSince.keys()].sort((a, b) => rank(a) - rank(b));
      const kind = kinds[0]!;
      const presentingAgencyId = kind === 'new_referral' ? r.c.referrerAgencyId : r.c.leadAgencyId;
      const item: DraftAgendaItem = {
        order: 0,
        kind,
        caseId: r.c.id,
        ref: r.c.ref,
        initials: r.c.initials,
        ...(presentingAgencyId ? { presentingAgencyId } : {}),
        minutesAllotted: minutes[kind],
        alsoBecause: kinds.slice(1),
        overdueActions: r.overdue,
      };
      return { item, since: r.waitingSince.get(kind)! };
    })
    .sort((a, b) => rank(a.item.kind) - rank(b.item.kind) || a.since.localeCompare(b.since) || a.item.ref!.localeCompare(b.item.ref!))
    .map(({ item }) => item);

  const aob = sources.anyOtherBusiness.map((b) => anyOtherBusinessItem(b.title, b.minutesAllotted ?? minutes.any_other_business, b.presentingAgencyId));
  const items = renumber([...caseItems, ...aob]);
  return { items, ...agendaTiming(items, meeting.lengthMinutes) };
}
