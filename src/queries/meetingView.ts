import { agendaTiming } from '../domain/agenda';
import { assessQuorum } from '../domain/quorum';
import type { AgendaItem, CaseRecord, Meeting } from '../domain/records';
import { minutesTimeliness, MINUTES_STANDARD_WORKING_DAYS, workingDaysBetween } from '../domain/workingDays';
import { type Actor, can, meetingRoleOf, presentMeetingRun } from '../policies';
import type { MeetingView, MinutesTimeliness, RunningAgendaLine } from '../contract/meetings';
import { RESTRICTED_CASE } from './surface';
import { caseAccess } from '../kernel/caseAccess';
import type { Tx } from '../store/port';
import { memberNames } from './actionItems';

/** A meeting without a planned length is taken as the usual two hours (as the agenda builder takes it). */
const DEFAULT_LENGTH = 120;

export async function agendaItemsOf(tx: Tx, meetingId: string): Promise<AgendaItem[]> {
  const items = await tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meetingId }] });
  return items.sort((a, b) => a.order - b.order);
}

export async function casesOf(tx: Tx, items: readonly AgendaItem[]): Promise<Map<string, CaseRecord>> {
  const cases = new Map<string, CaseRecord>();
  for (const i of items) {
    if (i.caseId && !cases.has(i.caseId)) {
      const c = await tx.get('cases', i.caseId);
      if (c) cases.set(c.id, c);
    }
  }
  return cases;
}

/** Where each item stands: done before the current one, current, upcoming after (all done once the meeting is held). */
export function itemState(m: Meeting, items: readonly AgendaItem[], item: AgendaItem): RunningAgendaLine['state'] {
  if (m.status === 'held' || m.status === 'minutes_issued') return 'done';
  const current = items.find((i) => i.id === m.currentItemId);
  if (!current || m.status !== 'in_progress') return 'upcoming';
  if (item.id === current.id) return 'current';
  return item.order < current.order ? 'done' : 'upcoming';
}

/** The item's clock: it ends minutesAllotted after the chair moved to it. */
export function clockOf(m: Meeting, item: AgendaItem | undefined, now: Date) {
  if (!item || !m.currentItemStartedAt || m.status !== 'in_progress') return null;
  const endsAt = new Date(new Date(m.currentItemStartedAt).getTime() + item.minutesAllotted * 60_000);
  return { startedAt: m.currentItemStartedAt, endsAt: endsAt.toISOString(), secondsLeft: Math.round((endsAt.getTime() - now.getTime()) / 1000) };
}

/** The working days from the meeting's end to the minutes (or to now while they are not issued). */
export function timelinessOf(m: Meeting, now: Date): MinutesTimeliness | undefined {
  if (!m.endedAt) return undefined;
  const ended = new Date(m.endedAt);
  if (m.minutesIssuedAt) {
    const t = minutesTimeliness(ended, new Date(m.minutesIssuedAt));
    return { standardWorkingDays: MINUTES_STANDARD_WORKING_DAYS, workingDays: t.workingDays, issued: true, withinStandard: t.met };
  }
  const t = minutesTimeliness(ended, now);
  return { standardWorkingDays: MINUTES_STANDARD_WORKING_DAYS, workingDays: workingDaysBetween(ended, now), issued: false, withinStandard: t.met };
}

/** "CASPA-2026-0014 · J.D." for a case anyone in the room may see; "Restricted case" otherwise (surface rule 5). */
export function sharedLabel(item: AgendaItem, c: CaseRecord | undefined): string {
  if (item.kind === 'any_other_business') return item.title ?? 'Any other business';
  if (!c) return 'Case';
  return c.restricted ? RESTRICTED_CASE : `${c.ref} · ${c.initials}`;
}

/** One person's view of a meeting (contract: meetingViewSchema). */
export async function meetingViewFor(tx: Tx, actor: Actor, m: Meeting, now: Date): Promise<MeetingView> {
  const names = await memberNames(tx);
  const items = await agendaItemsOf(tx, m.id);
  const cases = await casesOf(tx, items);
  const decisions = (await tx.find('decisions', { where: [{ field: 'meetingId', op: 'eq', value: m.id }] }))
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const agendaReader = can(actor, 'readAgenda', 'meeting', m);

  const agenda: RunningAgendaLine[] = items.map((a) => {
    const c = a.caseId ? cases.get(a.caseId) : undefined;
    const decision = [...decisions].reverse().find((d) => d.agendaItemId === a.id);
    const line: RunningAgendaLine = {
      id: a.id, order: a.order, kind: a.kind, minutesAllotted: a.minutesAllotted, canOpen: false, state: itemState(m, items, a),
      ...(decision ? { decisionOutcome: decision.outcome } : {}),
    };
    // Viewers (the board) see the meeting's shape: the kinds of its items, nothing about whom they concern.
    if (!agendaReader) return line;
    if (a.title) line.title = a.title;
    if (a.alsoBecause?.length) line.alsoBecause = a.alsoBecause;
    if (a.presentingAgencyId) line.presentingAgencyId = a.presentingAgencyId;
    const access = c ? caseAccess(actor, c) : null;
    line.canOpen = access !== null;
    if (c && c.restricted && !access) line.restricted = true;
    else if (c) Object.assign(line, { caseId: c.id, caseRef: c.ref, caseInitials: c.initials, ...(c.restricted ? { caseRestricted: true } : {}) });
    return line;
  });

  const attendanceRows = await tx.find('attendance', { where: [{ field: 'meetingId', op: 'eq', value: m.id }] });
  const agencies = new Map((await tx.find('agencies')).map((a) => [a.id, a]));
  const agencyName = (id: string) => agencies.get(id)?.shortName ?? id;
  const chairs = [m.chairId, ...(m.deputyChairId ? [m.deputyChairId] : [])];
  const quorum = assessQuorum(m.quorum, attendanceRows, chairs, agencyName);
  const current = items.find((i) => i.id === m.currentItemId);
  const clock = clockOf(m, current, now);
  const abilities = presentMeetingRun(actor, m);
  const role = meetingRoleOf(actor, m);
  const readsMinutes = role === 'chair' || role === 'deputy' || role === 'coordinator';
  const timeliness = timelinessOf(m, now);

  return {
    id: m.id,
    version: m.version,
    title: m.title,
    startsAt: m.startsAt,
    lengthMinutes: m.lengthMinutes ?? DEFAULT_LENGTH,
    status: m.status,
    chairId: m.chairId,
    chairName: names.get(m.chairId) ?? 'Unknown member',
    ...(m.deputyChairId ? { deputyChairId: m.deputyChairId, deputyChairName: names.get(m.deputyChairId) ?? 'Unknown member' } : {}),
    ...(m.teamsLink ? { teamsLink: m.teamsLink } : {}),
    ...(m.teamsMeetingId ? { teamsMeetingId: m.teamsMeetingId } : {}),
    ...(m.papersIssuedAt ? { papersIssuedAt: m.papersIssuedAt } : {}),
    ...(m.startedAt ? { startedAt: m.startedAt } : {}),
    ...(m.endedAt ? { endedAt: m.endedAt } : {}),
    ...(m.minutesIssuedAt ? { minutesIssuedAt: m.minutesIssuedAt } : {}),
    ...(m.minutesDocumentUrl ? { minutesDocumentUrl: m.minutesDocumentUrl } : {}),
    myRole: role,
    serverTime: now.toISOString(),
    current: current && clock ? { agendaItemId: current.id, order: current.order, ...clock } : null,
    agenda,
    timing: agendaTiming(items, m.lengthMinutes ?? DEFAULT_LENGTH),
    attendance: agendaReader
      ? attendanceRows.map((l) => ({
          id: l.id, version: l.version, ...(l.memberId ? { memberId: l.memberId } : {}), name: l.name, agencyId: l.agencyId,
          agencyName: agencyName(l.agencyId), status: l.status, confidentialityAgreed: l.confidentialityAgreed,
        }))
      : [],
    quorum,
    decisions: agendaReader
      ? decisions.filter((d) => seesLine(actor, cases.get(d.caseId))).map((d) => {
          const c = cases.get(d.caseId);
          // The rationale and the rest are about the adult: only for those who may read the case.
          const detail = c && canRead(actor, c)
            ? { detail: {
                rationale: d.rationale,
                ...(d.alternativesConsidered ? { alternativesConsidered: d.alternativesConsidered } : {}),
                ...(d.dissent ? { dissent: d.dissent } : {}),
                ...(d.infoSharing ? { infoSharing: d.infoSharing } : {}),
              } }
            : {};
          return {
            id: d.id, ...(d.agendaItemId ? { agendaItemId: d.agendaItemId } : {}), caseId: d.caseId, outcome: d.outcome,
            decidedAt: d.decidedAt, inquorate: d.inquorate === true, ...detail,
          };
        })
      : [],
    ...(readsMinutes && m.minutes ? { minutes: m.minutes } : {}),
    ...(timeliness ? { minutesTimeliness: timeliness } : {}),
    can: abilities,
  };
}

const canRead = (actor: Actor, c: CaseRecord) => can(actor, 'read', 'case', c);
/** A restricted case the actor may not see has no decision line for them (its agenda line reads "restricted"). */
const seesLine = (actor: Actor, c: CaseRecord | undefined) => c !== undefined && (!c.restricted || caseAccess(actor, c) !== null);
