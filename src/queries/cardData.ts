import { z } from 'zod';
import type { ActionRecord, CaseRecord, Meeting, Member } from '../../src/domain/records';
import { daysOverdue, isActionFinished, isOverdue, isoDate } from '../../src/domain/rules';
import { OVERDUE_DIGEST } from '../../src/notify/kinds';
import type { Tx } from '../../src/store/port';
import { daysBetween } from '../format';
import { actionsUrl, caseUrl } from '../links';
import type { ActionLine } from './actionLine';
import type { EscalationCardData } from './escalationCard';
import type { NewReferralCardData } from './newReferralCard';
import type { OverdueDigestData } from './overdueDigestCard';
import type { ReminderCardData } from './reminderCard';
import { MAX_REFRESH_USERS } from './universalActions';

/*
 * Card data read from the store, for everything that rebuilds a card from ids: the card-action handler (a press, a
 * refresh) and the outbox renderer. Read only. What goes in is what a shared card may show; a restricted case shows
 * as "Restricted case" on shared cards, never its reference or initials.
 */

export interface ViewOptions {
  now: Date;
  publicUrl: string;
}

/** What a shared card shows for a case whose circle is restricted. */
export const RESTRICTED_CASE = 'Restricted case';

const UPCOMING_MEETINGS: readonly Meeting['status'][] = ['planned', 'agenda_published'];

/** The new-referral card of one case, or undefined when there is no such case. */
export async function loadNewReferralView(tx: Tx, caseId: string, options: ViewOptions): Promise<NewReferralCardData | undefined> {
  const c = await tx.get('cases', caseId);
  if (!c) return undefined;
  const agencies = new Map((await tx.find('agencies')).map((a) => [a.id, a.shortName]));
  return {
    caseId: c.id,
    ref: c.ref,
    initials: c.initials,
    receivedDate: c.receivedAt ?? c.createdAt,
    referringAgency: agencies.get(c.referrerAgencyId) ?? 'Unknown agency',
    riskCategories: [...c.riskCategories],
    ...(await expectedPanel(tx, c, options.now)),
    status: c.status,
    answers: c.involvements.map((i) => ({ agency: agencies.get(i.agencyId) ?? 'Unknown agency', known: i.known })),
    openUrl: caseUrl(options.publicUrl, c.id),
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

/** What an overdue-digest outbox row says the card is about (its payload): the actions, by id. */
export const overdueDigestPayload = z.object({ actionIds: z.array(z.string().min(1).max(100)).max(500) }).passthrough();
export type OverdueDigestPayload = z.infer<typeof overdueDigestPayload>;

/**
 * The overdue digest posted from outbox row `digestId` (kind 'overdueDigest', src/notify/kinds.ts), with every action as
 * it stands now (a completed one says who completed it and when). Undefined when there is no such digest row.
 */
export async function loadOverdueDigestView(tx: Tx, digestId: string, options: ViewOptions): Promise<OverdueDigestData | undefined> {
  const row = await tx.get('outbox', digestId);
  const payload = overdueDigestPayload.safeParse(row?.payload);
  // Only a digest row: an id sent from a card names no other kind of row.
  if (!row || row.kind !== OVERDUE_DIGEST || !payload.success) return undefined;
  const lines: ActionLine[] = [];
  const members = await memberMap(tx);
  const ownerIds = new Set<string>();
  const agencyIds = new Set<string>();
  for (const actionId of new Set(payload.data.actionIds)) {
    const loaded = await loadLine(tx, actionId, options.now, members, { shared: true });
    if (!loaded) continue;
    lines.push(loaded.line);
    ownerIds.add(loaded.action.ownerId);
    agencyIds.add(loaded.action.agencyId);
  }
  const asOf = typeof row.payload.asOf === 'string' && /^\d{4}-\d{2}-\d{2}/.test(row.payload.asOf) ? row.payload.asOf.slice(0, 10) : row.createdAt.slice(0, 10);
  return {
    digestId,
    asOf,
    actions: lines,
    openUrl: actionsUrl(options.publicUrl),
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
export async function loadReminderView(tx: Tx, actionId: string, options: ViewOptions): Promise<ReminderCardData | undefined> {
  const members = await memberMap(tx);
  const loaded = await loadLine(tx, actionId, options.now, members, { shared: false });
  if (!loaded) return undefined;
  const owner = members.get(loaded.action.ownerId);
  return {
    ...loaded.line,
    description: loaded.action.description,
    daysUntilDue: daysBetween(isoDate(options.now), loaded.action.dueDate),
    openUrl: loaded.parentCase ? caseUrl(options.publicUrl, loaded.parentCase.id) : actionsUrl(options.publicUrl),
    refreshUserIds: owner ? [owner.aadObjectId] : [],
  };
}

/** The escalation card of one action, for the chairs. */
export async function loadEscalationView(
  tx: Tx,
  actionId: string,
  thresholdDays: number,
  options: ViewOptions,
): Promise<EscalationCardData | undefined> {
  const members = await memberMap(tx);
  const loaded = await loadLine(tx, actionId, options.now, members, { shared: false });
  if (!loaded) return undefined;
  const chairs = [...members.values()].filter((m) => m.active && m.roles.includes('chair')).map((m) => m.aadObjectId);
  return {
    ...loaded.line,
    thresholdDays,
    openUrl: loaded.parentCase ? caseUrl(options.publicUrl, loaded.parentCase.id) : actionsUrl(options.publicUrl),
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
): Promise<{ line: ActionLine; action: ActionRecord; parentCase?: CaseRecord } | undefined> {
  const action = await tx.get('actions', actionId);
  if (!action) return undefined;
  const parentCase = action.parentKind === 'case' ? await tx.get('cases', action.parentId) : undefined;
  const agency = await tx.get('agencies', action.agencyId);
  const hidden = options.shared && parentCase?.restricted;
  const finished = isActionFinished(action);
  const line: ActionLine = {
    actionId: action.id,
    ref: hidden ? RESTRICTED_CASE : (parentCase?.ref ?? ''),
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
