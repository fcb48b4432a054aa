import type { AgendaItemKind, AuditAction } from '../domain/enums';
import type { ActionRecord, Adult, Agency, CaseRecord, ChronologyEntry, Decision, Member, RiskAssessment } from '../domain/records';
import { adultKeys, sameAdult } from '../domain/repeatReferral';
import type { ReadTx } from '../store/port';
import { type RedactionFlag, RedactionFlags } from './subjectAccessFlags';

/*
 * Everything RiskPanel holds about one adult, for a subject access request: each case of theirs (the one asked about
 * and any other the store finds for the same adult by NHS number, or name and date of birth: src/domain/repeatReferral.ts)
 * with its referral, chronology, risk assessments, plan, actions, decisions, the minutes' notes on it and the audit of
 * who saw or changed it; the people and agencies named; and the fields flagged for redaction review
 * (src/kernel/subjectAccessFlags.ts). The JSON export is this view as it is; the Word document is built from it.
 * Unlike the minutes, nothing is replaced by initials: the adult is reading about themselves.
 */

export const SUBJECT_ACCESS_SCHEMA = 'riskpanel.subject-access/1';

export interface SubjectAccessPerson { id: string; name: string; agencyId: string; agencyName: string }
export interface SubjectAccessAgency { id: string; name: string }

/** A panel meeting's agenda item about the case, with the minutes' note on it (when written). */
export interface SubjectAccessMinutesExtract {
  agendaItemId: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
  kind: AgendaItemKind;
  minutesStatus: 'none' | 'draft' | 'approved' | 'issued';
  notes?: string;
  decisionIds: string[];
}

/** One line of the audit trail: who did what to which record, when (hash-chain fields left out). */
export interface SubjectAccessAuditLine {
  id: string;
  at: string;
  action: AuditAction;
  recordType: string;
  recordId: string;
  actorId: string;
  reason?: string;
}

export interface SubjectAccessCase {
  /** The case the request was made from (others are the same adult's other referrals). */
  requested: boolean;
  case: CaseRecord;
  chronology: ChronologyEntry[];
  riskAssessments: RiskAssessment[];
  actions: ActionRecord[];
  decisions: Decision[];
  minutes: SubjectAccessMinutesExtract[];
  audit: SubjectAccessAuditLine[];
}

export interface SubjectAccessView {
  schema: typeof SUBJECT_ACCESS_SCHEMA;
  generatedAt: string;
  /** The coordinator who made the export and their agency (whose own staff are not flagged). */
  exportedBy: { name: string; agencyName: string };
  adult: Adult;
  cases: SubjectAccessCase[];
  people: SubjectAccessPerson[];
  agencies: SubjectAccessAgency[];
  redactionReview: RedactionFlag[];
}

const byCaseId = (caseId: string) => ({ where: [{ field: 'caseId', op: 'eq' as const, value: caseId }] });
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The same adult's cases: the requested one first, then the others oldest first. */
async function casesOfAdult(tx: ReadTx, requested: CaseRecord): Promise<CaseRecord[]> {
  const keys = adultKeys(requested.adult);
  const found = keys.length ? await tx.find('cases', { where: [{ field: 'adultKeys', op: 'in', value: keys }] }) : [];
  const others = found.filter((c) => c.id !== requested.id && sameAdult(c.adult, requested.adult)).sort((a, b) => cmp(a.createdAt, b.createdAt));
  return [requested, ...others];
}

async function minutesOf(tx: ReadTx, c: CaseRecord, decisions: Decision[]): Promise<SubjectAccessMinutesExtract[]> {
  const items = await tx.find('agendaItems', byCaseId(c.id));
  const out: SubjectAccessMinutesExtract[] = [];
  for (const item of items) {
    // An item taken off an agenda points at no meeting any more (src/kernel/meetingWrites.ts): nothing to extract.
    const m = await tx.get('meetings', item.meetingId);
    if (!m) continue;
    const notes = m.minutes?.itemNotes.find((n) => n.agendaItemId === item.id)?.notes.trim();
    out.push({
      agendaItemId: item.id, meetingId: m.id, meetingTitle: m.title, meetingStartsAt: m.startsAt, kind: item.kind,
      minutesStatus: m.minutesIssuedAt ? 'issued' : m.minutes?.approvedAt ? 'approved' : m.minutes ? 'draft' : 'none',
      ...(notes ? { notes } : {}),
      decisionIds: decisions.filter((d) => d.agendaItemId === item.id).map((d) => d.id),
    });
  }
  return out.sort((a, b) => cmp(a.meetingStartsAt, b.meetingStartsAt));
}

async function auditOf(tx: ReadTx, recordIds: string[]): Promise<SubjectAccessAuditLine[]> {
  const perRecord = await Promise.all(recordIds.map((recordId) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: recordId }] })));
  const seen = new Set<string>();
  return perRecord.flat()
    .filter((e) => !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => cmp(a.at, b.at) || cmp(a.id, b.id))
    .map((e) => ({
      id: e.id, at: e.at, action: e.action, recordType: e.recordType, recordId: e.recordId, actorId: e.actorId,
      ...(e.reason ? { reason: e.reason } : {}),
    }));
}

async function caseRecords(tx: ReadTx, c: CaseRecord, requested: boolean): Promise<SubjectAccessCase> {
  const [chronology, riskAssessments, actions, decisions] = await Promise.all([
    tx.find('chronology', byCaseId(c.id)),
    tx.find('riskAssessments', byCaseId(c.id)),
    tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: c.id }] }),
    tx.find('decisions', byCaseId(c.id)),
  ]);
  const caseActions = actions.filter((a) => a.parentKind === 'case');
  const childIds = [...chronology, ...riskAssessments, ...caseActions, ...decisions].map((r) => r.id);
  return {
    requested,
    case: c,
    chronology: chronology.sort((a, b) => cmp(a.occurredAt, b.occurredAt) || cmp(a.recordedAt, b.recordedAt)),
    riskAssessments: riskAssessments.sort((a, b) => a.assessmentNumber - b.assessmentNumber),
    actions: caseActions.sort((a, b) => cmp(a.createdAt, b.createdAt)),
    decisions: decisions.sort((a, b) => cmp(a.decidedAt, b.decidedAt)),
    minutes: await minutesOf(tx, c, decisions),
    audit: await auditOf(tx, [c.id, ...childIds]),
  };
}

/** Every member id a case's records name (as author, owner, decision maker, reader ...). */
function memberIdsOf(s: SubjectAccessCase): string[] {
  const c = s.case;
  return [
    c.referrerMemberId, c.leadProfessionalId, c.leadCoordinatorId, c.infoRequest?.byMemberId, c.closureProposal?.proposedById,
    ...c.involvements.map((i) => i.byMemberId), ...(c.breakGlass ?? []).map((g) => g.memberId),
    ...s.chronology.map((e) => e.recordedById), ...s.riskAssessments.map((r) => r.assessedById),
    ...s.actions.flatMap((a) => [a.ownerId, a.createdById, a.completedById, ...a.progress.map((p) => p.byMemberId), ...a.dueDateChanges.map((d) => d.byMemberId)]),
    ...s.decisions.map((d) => d.decidedById), ...s.audit.map((e) => e.actorId),
  ].filter((x): x is string => !!x);
}

/** Flags each field of the case's records that the third-party rule catches (src/kernel/subjectAccessFlags.ts). */
function flagCase(s: SubjectAccessCase, flags: RedactionFlags, ownAgencyId: string, members: Map<string, Member>, agencyName: (id: string) => string): void {
  const c = s.case;
  const staff = (kind: string, id: string, field: string, memberId: string | undefined) => {
    const m = memberId ? members.get(memberId) : undefined;
    if (m && m.agencyId !== ownAgencyId) flags.flag(kind, id, field, ['staff'], [`${m.name} (${agencyName(m.agencyId)})`]);
  };
  const provided = (kind: string, id: string, field: string, agencyId: string | undefined) => {
    if (agencyId && agencyId !== ownAgencyId) flags.flag(kind, id, field, ['third_party_information'], [`provided by ${agencyName(agencyId)}`]);
  };

  flags.flag('case', c.id, 'referrerMemberId', ['referrer'], [members.get(c.referrerMemberId)?.name ?? 'the referrer']);
  flags.flag('case', c.id, 'referrerAgencyId', ['referrer'], [agencyName(c.referrerAgencyId)]);
  if (c.managerSignOff?.trim()) flags.flag('case', c.id, 'managerSignOff', ['referrer'], [c.managerSignOff]);
  for (const field of ['reasons', 'currentSupport', 'adultViews', 'noConsentReason', 'lawfulBasis', 'contingencyPlan', 'escalationPlan', 'infoSharingArrangements'] as const) {
    flags.narrative('case', c.id, field, c[field]);
  }
  flags.narrative('case', c.id, 'othersAtRiskDetails', c.othersAtRiskDetails, true);
  staff('case', c.id, 'leadProfessionalId', c.leadProfessionalId);
  c.involvements.forEach((i, n) => {
    provided('case', c.id, `involvements.${n}`, i.agencyId);
    staff('case', c.id, `involvements.${n}`, i.byMemberId);
    flags.narrative('case', c.id, `involvements.${n}.note`, i.note);
  });
  if (c.infoRequest) flags.narrative('case', c.id, 'infoRequest.question', c.infoRequest.question);
  if (c.closureProposal) {
    staff('case', c.id, 'closureProposal', c.closureProposal.proposedById);
    flags.narrative('case', c.id, 'closureProposal.rationale', c.closureProposal.rationale);
  }
  (c.breakGlass ?? []).forEach((g, n) => {
    staff('case', c.id, `breakGlass.${n}`, g.memberId);
    flags.narrative('case', c.id, `breakGlass.${n}.reason`, g.reason);
  });

  for (const e of s.chronology) {
    provided('chronology', e.id, 'summary', e.sourceAgencyId);
    flags.narrative('chronology', e.id, 'summary', e.summary);
    staff('chronology', e.id, 'recordedById', e.recordedById);
  }
  for (const r of s.riskAssessments) {
    staff('riskAssessments', r.id, 'assessedById', r.assessedById);
    r.domains.forEach((d, n) => {
      provided('riskAssessments', r.id, `domains.${n}.evidence`, d.sourceAgencyId);
      flags.narrative('riskAssessments', r.id, `domains.${n}.evidence`, d.evidence);
    });
    flags.narrative('riskAssessments', r.id, 'protectiveFactors', r.protectiveFactors);
    flags.narrative('riskAssessments', r.id, 'adultView', r.adultView);
  }
  for (const a of s.actions) {
    staff('actions', a.id, 'ownerId', a.ownerId);
    flags.narrative('actions', a.id, 'description', a.description);
    flags.narrative('actions', a.id, 'successMeasure', a.successMeasure);
    flags.narrative('actions', a.id, 'evidence', a.evidence);
    a.progress.forEach((p, n) => flags.narrative('actions', a.id, `progress.${n}.note`, p.note));
    a.dueDateChanges.forEach((d, n) => flags.narrative('actions', a.id, `dueDateChanges.${n}.reason`, d.reason));
  }
  for (const d of s.decisions) {
    staff('decisions', d.id, 'decidedById', d.decidedById);
    flags.narrative('decisions', d.id, 'rationale', d.rationale);
    flags.narrative('decisions', d.id, 'alternativesConsidered', d.alternativesConsidered);
    flags.narrative('decisions', d.id, 'dissent', d.dissent);
    if (d.infoSharing) flags.narrative('decisions', d.id, 'infoSharing', `${d.infoSharing.what}. ${d.infoSharing.withWhom}. ${d.infoSharing.why}`);
  }
  for (const m of s.minutes) flags.narrative('minutes', m.agendaItemId, 'notes', m.notes);
  for (const e of s.audit) {
    staff('audit', e.id, 'actorId', e.actorId);
    flags.narrative('audit', e.id, 'reason', e.reason);
  }
}

/** The subject access view of the adult of `requested`, as exported by a member of `exporter`'s agency at `now`. */
export async function subjectAccessViewOf(tx: ReadTx, requested: CaseRecord, exporter: Member, now: Date): Promise<SubjectAccessView> {
  const [memberList, agencyList, cases] = await Promise.all([tx.find('members'), tx.find('agencies'), casesOfAdult(tx, requested)]);
  const members = new Map(memberList.map((m) => [m.id, m]));
  const agencies = new Map<string, Agency>(agencyList.map((a) => [a.id, a]));
  const agencyName = (id: string) => agencies.get(id)?.name ?? 'an agency no longer on the panel';
  const gathered = await Promise.all(cases.map((c) => caseRecords(tx, c, c.id === requested.id)));

  const flags = new RedactionFlags({
    adult: requested.adult,
    staffNames: memberList.map((m) => m.name),
    agencyNames: agencyList.flatMap((a) => [a.name, a.shortName]),
  });
  for (const s of gathered) flagCase(s, flags, exporter.agencyId, members, agencyName);

  const named = [...new Set(gathered.flatMap(memberIdsOf))];
  const people = named.map((id): SubjectAccessPerson => {
    const m = members.get(id);
    return m ? { id, name: m.name, agencyId: m.agencyId, agencyName: agencyName(m.agencyId) } : { id, name: 'A former member of staff', agencyId: '', agencyName: '' };
  }).sort((a, b) => a.name.localeCompare(b.name));
  const agencyIds = new Set([
    ...people.map((p) => p.agencyId),
    ...gathered.flatMap((s) => [
      s.case.referrerAgencyId, s.case.leadAgencyId, ...s.case.involvements.map((i) => i.agencyId), ...s.chronology.map((e) => e.sourceAgencyId),
      ...s.actions.map((a) => a.agencyId), ...s.riskAssessments.flatMap((r) => r.domains.map((d) => d.sourceAgencyId)),
    ]),
  ].filter((x): x is string => !!x));

  return {
    schema: SUBJECT_ACCESS_SCHEMA,
    generatedAt: now.toISOString(),
    exportedBy: { name: exporter.name, agencyName: agencyName(exporter.agencyId) },
    adult: requested.adult,
    cases: gathered,
    people,
    agencies: [...agencyIds].map((id) => ({ id, name: agencyName(id) })).sort((a, b) => a.name.localeCompare(b.name)),
    redactionReview: flags.list(),
  };
}
