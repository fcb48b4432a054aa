import type { ActionRecord, CaseRecord, Meeting, Member } from '../domain/records';
import { daysOverdue, isActionFinished, isOverdue, isoDate } from '../domain/rules';
import { payloadOf } from '../kernel/notifications';
import type { Tx } from '../store/port';
import { actionSourceOf } from './actionSource';

/*
 * Card data read from the store: the read model behind the card queries (cardQueries.ts, which apply the policies and
 * audit) and behind the outbox renderer (which runs as the system and decides per recipient). Read only, no policy
 * here. What goes in is what a shared card may show; a restricted case shows as "Restricted case" on shared lines,
 * never its reference or initials. Shapes are plain data: src/cards turns them into cards.
 */

/** At most this many users get a card's automatic refresh (Teams' limit). */
const MAX_REFRESH_USERS = 60;

/** One action as a card line (src/cards/actionLine.ts renders it). */
export interface ActionLineData {
  actionId: string;
  ref: string;
  initials: string;
  agency: string;
  owner: string;
  dueDate: string;
  status: ActionRecord['status'];
  daysOverdue: number;
  finishedBy?: string;
  finishedAt?: string;
}

export interface ViewOptions {
  now: Date;
  /** For a shared surface: a restricted case's lines read "Restricted case", and no free text is read. */
  shared?: boolean;
}

/** What a shared card shows for a case whose circle is restricted. */
export const RESTRICTED_CASE = 'Restricted case';

const UPCOMING_MEETINGS: readonly Meeting['status'][] = ['planned', 'agenda_published'];

/** The new-referral card of one case, or undefined when there is no such case. */
export interface NewReferralView {
  caseId: string;
  ref: string;
  initials: string;
  referringAgency: string;
  riskCategories: string[];
  expectedPanelDate?: string;
  status: CaseRecord['status'];
  answeredCount: number;
  restricted: boolean;
  refreshUserIds: string[];
}

export async function loadNewReferralView(tx: Tx, caseId: string, options: ViewOptions): Promise<NewReferralView | undefined> {
  const c = await tx.get('cases', caseId);
  if (!c) return undefined;
  const agencies = new Map((await tx.find('agencies')).map((a) => [a.id, a.shortName]));
  return {
    caseId: c.id,
    ref: c.ref,
    initials: c.initials,
    referringAgency: agencies.get(c.referrerAgencyId) ?? 'Unknown agency',
    riskCategories: [...c.riskCategories],
    ...(await expectedPanel(tx, c, options.now)),
    status: c.status,
    answeredCount: new Set(c.involvements.map((i) => i.agencyId)).size,
    restricted: Boolean(c.restricted),
    refreshUserIds: await answeringMembers(tx),
  };
}

/** The next upcoming panel the case is on the agenda of. */
async function expectedPanel(tx: Tx, c: CaseRecord, now: Date): Promise<{ expectedPanelDate?: string }> {
  const items = await tx.find('agendaItems', { where: [{ field: 'caseId', op: 'eq', value: c.id }] });
  const today = isoDate(now);
  const meetings: Meeting[] = [];
  for (const item of items) {
    const meeting = await tx.get('meetings', item.meetingId);
    if (meeting && UPCOMING_MEETINGS.includes(meeting.status) && meeting.startsAt.slice(0, 10) >= today) meetings.push(meeting);
  }
  const [next] = meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return next ? { expectedPanelDate: next.startsAt } : {};
}

/** Whose new-referral card refreshes by itself: coordinators and chairs first, then agency leads, then partners. */
async function answeringMembers(tx: Tx): Promise<string[]> {
  const members = (await tx.find('members', { where: [{ field: 'active', op: 'eq', value: true }] })).filter((m) => m.active);
  const rank = (m: Member) => (m.roles.includes('coordinator') || m.roles.includes('chair') ? 0 : m.agencyLead ? 1 : m.roles.includes('partner') ? 2 : 3);
  return members
    .filter((m) => rank(m) < 3)
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
    .slice(0, MAX_REFRESH_USERS)
    .map((m) => m.aadObjectId);
}

/**
 * The overdue digest posted from outbox row `digestId` (kind 'overdueDigest', src/notify/kinds.ts), with every action as
 * it stands now (a completed one says who completed it and when). Undefined when there is no such digest row.
 */
export interface OverdueDigestView {
  digestId: string;
  asOf: string;
  actions: ActionLineData[];
  refreshUserIds: string[];
}

export async function loadOverdueDigestView(tx: Tx, digestId: string, options: ViewOptions): Promise<OverdueDigestView | undefined> {
  const row = await tx.get('outbox', digestId);
  // Only a digest row: an id sent from a card names no other kind of row.
  const payload = row?.kind === 'overdueDigest' ? payloadOf('overdueDigest', row.payload) : undefined;
  if (!row || !payload) return undefined;
  const lines: ActionLineData[] = [];
  const members = await memberMap(tx);
  const ownerIds = new Set<string>();
  const agencyIds = new Set<string>();
  for (const actionId of new Set(payload.actionIds)) {
    const loaded = await loadLine(tx, actionId, options.now, members, { shared: true });
    if (!loaded) continue;
    lines.push(loaded.line);
    ownerIds.add(loaded.action.ownerId);
    agencyIds.add(loaded.action.agencyId);
  }
  return {
    digestId,
    asOf: payload.asOf,
    actions: lines,
    refreshUserIds: actingMembers([...members.values()], ownerIds, agencyIds),
  };
}

/** Owners first, then their agencies' leads, then coordinators and chairs: the people who may act on the digest. */
function actingMembers(members: Member[], ownerIds: Set<string>, agencyIds: Set<string>): string[] {
  const rank = (m: Member) =>
    ownerIds.has(m.id) ? 0 : m.agencyLead && agencyIds.has(m.agencyId) ? 1 : m.roles.includes('coordinator') || m.roles.includes('chair') ? 2 : 3;
  return members
    .filter((m) => m.active && rank(m) < 3)
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
    .slice(0, MAX_REFRESH_USERS)
    .map((m) => m.aadObjectId);
}

/** The reminder card of one action, for its owner. */
export interface ReminderView extends ActionLineData {
  description: string;
  daysUntilDue: number;
  caseId?: string;
  refreshUserIds: string[];
}

export async function loadReminderView(tx: Tx, actionId: string, options: ViewOptions): Promise<ReminderView | undefined> {
  const members = await memberMap(tx);
  const loaded = await loadLine(tx, actionId, options.now, members, { shared: options.shared ?? false });
  if (!loaded) return undefined;
  const owner = members.get(loaded.action.ownerId);
  return {
    ...loaded.line,
    // Free text that may name the adult: never on a shared surface.
    description: options.shared ? '' : loaded.action.description,
    daysUntilDue: Math.round((Date.parse(loaded.action.dueDate.slice(0, 10)) - Date.parse(isoDate(options.now))) / 86_400_000),
    ...(loaded.parentCase ? { caseId: loaded.parentCase.id } : {}),
    refreshUserIds: owner ? [owner.aadObjectId] : [],
  };
}

export interface EscalationView extends ActionLineData {
  thresholdDays: number;
  caseId?: string;
  refreshUserIds: string[];
}

/** The escalation card of one action, for the chairs. */
export async function loadEscalationView(
  tx: Tx,
  actionId: string,
  thresholdDays: number,
  options: ViewOptions,
): Promise<EscalationView | undefined> {
  const members = await memberMap(tx);
  const loaded = await loadLine(tx, actionId, options.now, members, { shared: options.shared ?? false });
  if (!loaded) return undefined;
  const chairs = [...members.values()].filter((m) => m.active && m.roles.includes('chair')).map((m) => m.aadObjectId);
  return {
    ...loaded.line,
    thresholdDays,
    ...(loaded.parentCase ? { caseId: loaded.parentCase.id } : {}),
    refreshUserIds: chairs,
  };
}

async function memberMap(tx: Tx): Promise<Map<string, Member>> {
  return new Map((await tx.find('members')).map((m) => [m.id, m]));
}

/** One action as a card line, with the records it was read from. */
export async function loadLine(
  tx: Tx,
  actionId: string,
  now: Date,
  members: Map<string, Member>,
  options: { shared: boolean },
): Promise<{ line: ActionLineData; action: ActionRecord; parentCase?: CaseRecord } | undefined> {
  const action = await tx.get('actions', actionId);
  if (!action) return undefined;
  const parentCase = action.parentKind === 'case' ? await tx.get('cases', action.parentId) : undefined;
  const agency = await tx.get('agencies', action.agencyId);
  const hidden = options.shared && parentCase?.restricted;
  const finished = isActionFinished(action);
  // A learning-review or board-plan action says where it comes from in the reference's place ("SAR 2026-01 rec 3").
  const source = parentCase ? undefined : await actionSourceOf(tx, action);
  const line: ActionLineData = {
    actionId: action.id,
    ref: hidden ? RESTRICTED_CASE : (parentCase?.ref ?? source ?? ''),
    initials: hidden ? '' : (parentCase?.initials ?? ''),
    agency: agency?.shortName ?? 'Unknown agency',
    owner: members.get(action.ownerId)?.name ?? 'Unknown member',
    dueDate: action.dueDate,
    status: action.status,
    daysOverdue: isOverdue(action, now) ? daysOverdue(action, now) : 0,
    ...(finished && action.completedById ? { finishedBy: members.get(action.completedById)?.name ?? 'someone else' } : {}),
    ...(finished && action.completedAt ? { finishedAt: action.completedAt } : {}),
  };
  return { line, action, ...(parentCase ? { parentCase } : {}) };
}
