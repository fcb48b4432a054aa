import type { AgendaItemKind, DecisionOutcome } from '../domain/enums';
import type { ActionRecord, CaseRecord, InfoSharingDecision, Meeting } from '../domain/records';
import { minutesTimeliness, MINUTES_STANDARD_WORKING_DAYS } from '../domain/workingDays';
import type { ReadTx } from '../store/port';
import { findIn } from './findIn';
import { agendaOf } from './meetingWrites';

/*
 * The minutes as the record says them: attendance by agency, each item's decision, the actions the meeting set or
 * changed, the next meeting. Built from the stored records whenever the document is made (issue, download, bench),
 * so the document can never disagree with the record. Everything here goes to every member of the panel: a case is
 * named by its reference and the adult's initials, never their name, and free text written in the meeting (notes,
 * rationale, action descriptions) has the adult's name replaced by their initials in case someone typed it.
 */

export interface MinutesAttendance {
  agencyName: string;
  present: string[];
  apologiesInfoSent: string[];
  apologiesNoInfo: string[];
  absent: string[];
  observers: string[];
}

export interface MinutesAction {
  description: string;
  ownerName: string;
  agencyName: string;
  dueDate: string;
  change: 'new' | 'due date changed' | 'completed';
  previousDueDate?: string;
}

export interface MinutesDecision {
  outcome: DecisionOutcome;
  /** Absent for a restricted case: its detail stays on the case record. */
  rationale?: string;
  alternativesConsidered?: string;
  dissent?: string;
  infoSharing?: InfoSharingDecision;
  inquorate: boolean;
}

export interface MinutesItem {
  order: number;
  kind: AgendaItemKind;
  /** "CASPA-2026-0014 · J.D.", "Restricted case" or the any-other-business title. */
  label: string;
  notes?: string;
  decisions: MinutesDecision[];
  actions: MinutesAction[];
}

export interface MinutesView {
  meetingId: string;
  title: string;
  startsAt: string;
  endedAt?: string;
  chairName: string;
  approvedAt?: string;
  approvedByName?: string;
  issuedAt?: string;
  attendance: MinutesAttendance[];
  quorate: { decisionsInquorate: number };
  items: MinutesItem[];
  generalNotes?: string;
  nextMeeting?: string;
  timeliness?: { workingDays: number; standardWorkingDays: number; withinStandard: boolean };
}

const RESTRICTED = 'Restricted case';

/** The adult's name (whole, and each part of three letters or more) replaced by their initials. */
export function withoutAdultName(text: string, c: Pick<CaseRecord, 'adult' | 'initials'> | undefined): string {
  if (!c || !text) return text;
  const parts = [c.adult.name, ...c.adult.name.split(/\s+/)].map((p) => p.trim()).filter((p) => p.length >= 3);
  let out = text;
  for (const part of parts.sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`\\b${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), c.initials);
  }
  return out;
}

/** The window in which the meeting set or changed actions: from its start to its end (or its planned length). */
function windowOf(m: Meeting): { from: string; to: string } {
  const from = m.startedAt ?? m.startsAt;
  const to = m.endedAt ?? new Date(new Date(m.startsAt).getTime() + (m.lengthMinutes ?? 120) * 60_000).toISOString();
  return { from, to };
}

export async function minutesViewOf(tx: ReadTx, m: Meeting, now: Date): Promise<MinutesView> {
  const [members, agencies, attendanceRows, decisions, items] = await Promise.all([
    tx.find('members'),
    tx.find('agencies'),
    tx.find('attendance', { where: [{ field: 'meetingId', op: 'eq', value: m.id }] }),
    tx.find('decisions', { where: [{ field: 'meetingId', op: 'eq', value: m.id }] }),
    agendaOf(tx, m.id),
  ]);
  const memberName = (id: string | undefined) => (id ? members.find((x) => x.id === id)?.name : undefined) ?? 'Unknown member';
  const agencyName = (id: string) => agencies.find((a) => a.id === id)?.shortName ?? id;

  const byAgency = new Map<string, MinutesAttendance>();
  for (const row of [...attendanceRows].sort((a, b) => agencyName(a.agencyId).localeCompare(agencyName(b.agencyId)) || a.name.localeCompare(b.name))) {
    const line = byAgency.get(row.agencyId) ?? { agencyName: agencyName(row.agencyId), present: [], apologiesInfoSent: [], apologiesNoInfo: [], absent: [], observers: [] };
    const list = { present: line.present, apologies_info_sent: line.apologiesInfoSent, apologies_no_info: line.apologiesNoInfo, absent: line.absent, observer: line.observers }[row.status];
    list.push(row.name);
    byAgency.set(row.agencyId, line);
  }

  // The items' cases, then their actions, read by id and by case a chunk at a time (on SharePoint in one $batch),
  // not item by item: what the minutes cost grows with the agenda, a request per fifty cases.
  const caseIds = [...new Set(items.map((i) => i.caseId).filter((x): x is string => !!x))];
  const cases = new Map((await findIn(tx, 'cases', 'id', caseIds)).map((c) => [c.id, c]));
  // A restricted case's actions stay on its record: they are not read for the minutes.
  const shown = [...cases.values()].filter((c) => !c.restricted).map((c) => c.id);
  const actionsByCase = new Map<string, ActionRecord[]>();
  for (const a of await findIn(tx, 'actions', 'parentId', shown)) actionsByCase.set(a.parentId, [...(actionsByCase.get(a.parentId) ?? []), a]);
  const window = windowOf(m);
  const inWindow = (at: string | undefined) => at !== undefined && at >= window.from && at <= window.to;
  const actionsOf = (c: CaseRecord): MinutesAction[] => {
    const actions = actionsByCase.get(c.id) ?? [];
    return actions
      .filter((a) => a.parentKind === 'case')
      .flatMap((a): MinutesAction[] => {
        const base = {
          description: withoutAdultName(a.description, c), ownerName: memberName(a.ownerId), agencyName: agencyName(a.agencyId), dueDate: a.dueDate,
        };
        if (inWindow(a.createdAt)) return [{ ...base, change: 'new' }];
        const moved = [...a.dueDateChanges].reverse().find((d) => inWindow(d.at));
        if (moved) return [{ ...base, change: 'due date changed', previousDueDate: moved.from }];
        if (inWindow(a.completedAt)) return [{ ...base, change: 'completed' }];
        return [];
      })
      .sort((x, y) => x.dueDate.localeCompare(y.dueDate));
  };

  const notes = new Map((m.minutes?.itemNotes ?? []).map((n) => [n.agendaItemId, n.notes]));
  const sortedDecisions = [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const listed: MinutesItem[] = [];
  const seenCase = new Set<string>();
  for (const item of items) {
    const c = item.caseId ? cases.get(item.caseId) : undefined;
    const restricted = c?.restricted === true;
    const label = item.kind === 'any_other_business' ? (item.title ?? 'Any other business') : !c ? 'Case' : restricted ? RESTRICTED : `${c.ref} · ${c.initials}`;
    const own = sortedDecisions.filter((d) => d.agendaItemId === item.id || (!d.agendaItemId && c && d.caseId === c.id));
    const note = notes.get(item.id)?.trim();
    listed.push({
      order: item.order,
      kind: item.kind,
      label,
      ...(note && !restricted ? { notes: withoutAdultName(note, c) } : {}),
      decisions: own.map((d) => restricted
        ? { outcome: d.outcome, inquorate: d.inquorate === true }
        : {
            outcome: d.outcome,
            rationale: withoutAdultName(d.rationale, c),
            ...(d.alternativesConsidered ? { alternativesConsidered: withoutAdultName(d.alternativesConsidered, c) } : {}),
            ...(d.dissent ? { dissent: withoutAdultName(d.dissent, c) } : {}),
            ...(d.infoSharing ? { infoSharing: {
              what: withoutAdultName(d.infoSharing.what, c), withWhom: d.infoSharing.withWhom,
              why: withoutAdultName(d.infoSharing.why, c), basis: d.infoSharing.basis,
            } } : {}),
            inquorate: d.inquorate === true,
          }),
      actions: c && !restricted && !seenCase.has(c.id) ? actionsOf(c) : [],
    });
    if (c) seenCase.add(c.id);
  }

  const next = m.minutes?.nextMeeting ?? (await nextMeetingAfter(tx, m));
  const ended = m.endedAt ? new Date(m.endedAt) : undefined;
  const timeliness = ended ? minutesTimeliness(ended, m.minutesIssuedAt ? new Date(m.minutesIssuedAt) : now) : undefined;
  return {
    meetingId: m.id,
    title: m.title,
    startsAt: m.startsAt,
    ...(m.endedAt ? { endedAt: m.endedAt } : {}),
    chairName: memberName(m.chairId),
    ...(m.minutes?.approvedAt ? { approvedAt: m.minutes.approvedAt, approvedByName: memberName(m.minutes.approvedById) } : {}),
    ...(m.minutesIssuedAt ? { issuedAt: m.minutesIssuedAt } : {}),
    attendance: [...byAgency.values()],
    quorate: { decisionsInquorate: decisions.filter((d) => d.inquorate).length },
    items: listed,
    ...(m.minutes?.generalNotes?.trim() ? { generalNotes: m.minutes.generalNotes.trim() } : {}),
    ...(next ? { nextMeeting: next } : {}),
    ...(timeliness ? { timeliness: { workingDays: timeliness.workingDays, standardWorkingDays: MINUTES_STANDARD_WORKING_DAYS, withinStandard: timeliness.met } } : {}),
  };
}

/** "Tuesday 12 January 2027, 10:00" for the first meeting after this one, when none was written in the draft. */
async function nextMeetingAfter(tx: ReadTx, m: Meeting): Promise<string | undefined> {
  const later = await tx.find('meetings', { where: [{ field: 'startsAt', op: 'gt', value: m.startsAt }] });
  const next = later.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (!next) return undefined;
  return new Date(next.startsAt).toLocaleString('en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
  });
}
