import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AuditAction } from '../domain/enums';
import {
  ACTION_STATUS_LABELS, AGENDA_KIND_LABELS, CAPACITY_LABELS, CHRONOLOGY_TYPE_LABELS, CLOSURE_REASON_LABELS, CONSENT_LABELS,
  DECISION_OUTCOME_LABELS, OTHER_PROCESS_LABELS, RAG_LABELS, RISK_CATEGORY_LABELS, RISK_DOMAIN_LABELS, RISK_LEVEL_LABELS,
  SIGNIFICANCE_LABELS, STATUS_LABELS, labelOf,
} from '../domain/labels';
import { REDACTION_REASON_LABELS, type RedactionFlag } from '../kernel/subjectAccessFlags';
import type { SubjectAccessCase, SubjectAccessView } from '../kernel/subjectAccessView';

export { DOCX_CONTENT_TYPE } from './minutesDocument';

/*
 * The subject access export as a Word document the adult can read: plain headings in the order their story happened
 * (referral, what agencies knew, chronology, assessments, plan and actions, panel decisions and minutes, who looked at
 * the record), UK dates, words rather than codes, and each field the third-party rule caught marked "For redaction
 * review" in highlighted text, so the coordinator reviewing it sees every one before the copy goes out.
 */

type Block = Paragraph | Table;

const LONDON = 'Europe/London';
const ukDateTime = (iso: string) => new Date(iso).toLocaleString('en-GB', {
  day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: LONDON,
});
/** A yyyy-mm-dd date or an instant, as "14 June 2026" (an instant's London day). */
const ukDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)
  ? new Date(`${value}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  : new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

const AUDIT_ACTION_WORDS: Record<AuditAction, string> = {
  view: 'Looked at', create: 'Added', update: 'Changed', export: 'Made a copy of', share: 'Shared', sign_in: 'Signed in to', denied: 'Was refused access to',
};
const RECORD_WORDS: Record<string, string> = {
  case: 'the case record', caseAudit: 'the list of who has seen the record', action: 'an action', chronology: 'the chronology',
  decision: 'a decision', riskAssessment: 'a risk assessment', sharingDecisions: 'the information-sharing decisions', agendaItem: 'a panel agenda',
};

const MINUTES_STATUS_WORDS: Record<SubjectAccessCase['minutes'][number]['minutesStatus'], string> = {
  none: 'no minutes written yet', draft: 'draft minutes', approved: 'minutes approved by the chair', issued: 'issued minutes',
};

/** Looks up the flags of the export by record and field. */
class Flags {
  private readonly byKey = new Map<string, RedactionFlag>();
  constructor(flags: readonly RedactionFlag[]) {
    for (const f of flags) this.byKey.set(`${f.recordKind}\u0000${f.recordId}\u0000${f.field}`, f);
  }
  get(kind: string, id: string, field: string): RedactionFlag | undefined {
    return this.byKey.get(`${kind}\u0000${id}\u0000${field}`);
  }
}

/** One marking for a line that shows two flagged fields (a person and what they wrote). */
function both(a: RedactionFlag | undefined, b: RedactionFlag | undefined): RedactionFlag | undefined {
  if (!a || !b) return a ?? b;
  return { ...a, reasons: [...new Set([...a.reasons, ...b.reasons])], details: [...new Set([...a.details, ...b.details])] };
}

/** The marking a reviewer cannot miss: highlighted, bold, and saying why. */
function reviewRuns(flag: RedactionFlag | undefined): TextRun[] {
  if (!flag) return [];
  const why = flag.reasons.map((r) => REDACTION_REASON_LABELS[r]).join('; ');
  const what = flag.details.length ? ` (${flag.details.join(', ')})` : '';
  return [new TextRun({ text: `  [For redaction review: ${why}${what}]`, bold: true, highlight: 'yellow' })];
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const plain = (text: string) => new Paragraph({ text });
/** "Label: value", with the review marking when the field is flagged. */
const field = (label: string, value: string, flag?: RedactionFlag) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value), ...reviewRuns(flag)] });
const bullet = (value: string, flag?: RedactionFlag) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(value), ...reviewRuns(flag)] });

const cell = (children: TextRun[]) => new TableCell({ children: [new Paragraph({ children })] });
function table(headers: string[], rows: TextRun[][][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell([new TextRun({ text: h, bold: true })])) }),
      ...rows.map((r) => new TableRow({ children: r.map((runs) => cell(runs)) })),
    ],
  });
}
const runs = (text: string, flag?: RedactionFlag) => [new TextRun(text), ...reviewRuns(flag)];

function opening(view: SubjectAccessView): Block[] {
  const count = view.cases.length;
  return [
    new Paragraph({ text: `Information held about ${view.adult.name}`, heading: HeadingLevel.TITLE }),
    plain(
      'You asked to see the information the multi-agency adult safeguarding risk panel holds about you. This document is a copy of '
      + 'everything in the panel\'s system, RiskPanel: the referral made about you, what each agency told the panel, the record of '
      + 'events (the chronology), the risk assessments, the plan and its actions, the panel\'s decisions and what its minutes say, '
      + `and a list of who has looked at or changed your record. It covers ${count === 1 ? 'one case' : `${count} cases`} held about you.`,
    ),
    plain(
      'Dates are UK dates and times are UK time. Some entries were written by staff of the agencies on the panel in their own words. '
      + 'Where an entry is about another person, or came from another agency, we check it before sending this copy and may hold part '
      + 'of it back to protect someone else\'s information; you will be told if we do, and why.',
    ),
    field('Copy made', ukDateTime(view.generatedAt)),
    field('Made by', `${view.exportedBy.name}, ${view.exportedBy.agencyName}`),
    new Paragraph({ children: [
      new TextRun({ text: 'For the reviewer: ', bold: true }),
      new TextRun(`${view.redactionReview.length} entr${view.redactionReview.length === 1 ? 'y is' : 'ies are'} marked `),
      new TextRun({ text: '[For redaction review]', bold: true, highlight: 'yellow' }),
      new TextRun('. Check each one and remove these markings before the copy goes to the person who asked for it.'),
    ] }),
  ];
}

function yourDetails(view: SubjectAccessView): Block[] {
  const a = view.adult;
  return [
    heading('Your details', HeadingLevel.HEADING_1),
    field('Name', a.name),
    field('Date of birth', a.dateOfBirth ? ukDate(a.dateOfBirth) : 'Not recorded'),
    field('Address', [a.address, a.postcode].filter(Boolean).join(', ') || 'Not recorded'),
    field('NHS number', a.nhsNumber ?? 'Not recorded'),
  ];
}

function caseSection(s: SubjectAccessCase, view: SubjectAccessView, flags: Flags): Block[] {
  const c = s.case;
  const person = (id: string | undefined) => {
    const p = id ? view.people.find((x) => x.id === id) : undefined;
    return p ? (p.agencyName ? `${p.name}, ${p.agencyName}` : p.name) : 'Not recorded';
  };
  const agency = (id: string | undefined) => (id ? view.agencies.find((a) => a.id === id)?.name : undefined) ?? 'Not recorded';
  const f = (kind: string, id: string, name: string) => flags.get(kind, id, name);
  const cf = (name: string) => f('case', c.id, name);
  const out: Block[] = [heading(`Case ${c.ref}${s.requested ? '' : ' (another referral about you)'}`, HeadingLevel.HEADING_1)];

  out.push(heading('Where the case stands', HeadingLevel.HEADING_2),
    field('Status', labelOf(STATUS_LABELS, c.status)),
    field('Referral received', c.receivedAt ? ukDate(c.receivedAt) : 'Not yet submitted'),
    ...(c.acceptedAt ? [field('Accepted by the panel', ukDate(c.acceptedAt))] : []),
    field('Level of risk', c.riskLevel ? labelOf(RISK_LEVEL_LABELS, c.riskLevel) : 'Not yet set'),
    field('Lead agency', agency(c.leadAgencyId)),
    field('Lead professional', person(c.leadProfessionalId), cf('leadProfessionalId')),
    ...(c.nextReviewDate ? [field('Next review', ukDate(c.nextReviewDate))] : []),
    ...(c.closedAt ? [field('Closed', `${ukDate(c.closedAt)}${c.closureReason ? `: ${labelOf(CLOSURE_REASON_LABELS, c.closureReason)}` : ''}`)] : []),
    ...(c.retentionDate ? [field('Kept until', ukDate(c.retentionDate))] : []),
    field('Restricted to named people', yesNo(c.restricted)),
  );

  out.push(heading('The referral', HeadingLevel.HEADING_2),
    field('Referred by', person(c.referrerMemberId), cf('referrerMemberId')),
    field('Referring agency', agency(c.referrerAgencyId), cf('referrerAgencyId')),
    ...(c.managerSignOff ? [field('Signed off by', c.managerSignOff, cf('managerSignOff'))] : []),
    field('Concerns', c.riskCategories.map((r) => labelOf(RISK_CATEGORY_LABELS, r)).join(', ') || 'None recorded'),
    field('Why you were referred', c.reasons, cf('reasons')),
    field('Support you already had', c.currentSupport, cf('currentSupport')),
    field('Your views', c.adultViews, cf('adultViews')),
    field('You knew about the referral', yesNo(c.adultAware)),
    field('Consent', labelOf(CONSENT_LABELS, c.consent)),
    ...(c.noConsentReason ? [field('Why consent was not given or sought', c.noConsentReason, cf('noConsentReason'))] : []),
    ...(c.lawfulBasis ? [field('Lawful basis for sharing', c.lawfulBasis, cf('lawfulBasis'))] : []),
    field('Mental capacity', labelOf(CAPACITY_LABELS, c.capacity)),
    field('Advocacy needed', yesNo(c.advocacyNeeded)),
    field('Children at risk', yesNo(c.childrenAtRisk)),
    field('Other adults at risk', yesNo(c.otherAdultsAtRisk)),
    ...(c.othersAtRiskDetails ? [field('About the others at risk', c.othersAtRiskDetails, cf('othersAtRiskDetails'))] : []),
    field('Other processes considered', c.otherProcessesConsidered.map((p) => labelOf(OTHER_PROCESS_LABELS, p)).join(', ') || 'None'),
  );

  out.push(heading('What agencies told the panel', HeadingLevel.HEADING_2));
  if (!c.involvements.length) out.push(plain('No agency has said yet whether it knows you.'));
  c.involvements.forEach((i, n) => {
    out.push(bullet(`${ukDate(i.at)}: ${agency(i.agencyId)} said it ${i.known ? 'knows you' : 'does not know you'}.`, cf(`involvements.${n}`)));
    if (i.note) out.push(field('What they said', i.note, cf(`involvements.${n}.note`)));
  });
  if (c.infoRequest) {
    out.push(field(`The panel asked for more information (${ukDate(c.infoRequest.at)})`, c.infoRequest.question, cf('infoRequest.question')));
  }

  out.push(heading('Chronology (record of events)', HeadingLevel.HEADING_2));
  if (!s.chronology.length) out.push(plain('No events recorded.'));
  else {
    out.push(table(['When', 'What happened', 'From', 'Importance'], s.chronology.map((e) => [
      runs(ukDateTime(e.occurredAt)),
      runs(`${labelOf(CHRONOLOGY_TYPE_LABELS, e.type)}: ${e.summary}${e.correctsEntryId ? ' (corrects an earlier entry)' : ''}`, f('chronology', e.id, 'summary')),
      runs(`${agency(e.sourceAgencyId)}; recorded by ${person(e.recordedById)}`, f('chronology', e.id, 'recordedById')),
      runs(labelOf(SIGNIFICANCE_LABELS, e.significance)),
    ])));
  }

  out.push(heading('Risk assessments', HeadingLevel.HEADING_2));
  if (!s.riskAssessments.length) out.push(plain('No risk assessment recorded.'));
  for (const r of s.riskAssessments) {
    out.push(heading(`Assessment ${r.assessmentNumber}, ${ukDate(r.assessedAt)}`, HeadingLevel.HEADING_3),
      field('Assessed by', person(r.assessedById), f('riskAssessments', r.id, 'assessedById')),
      field('Overall level of risk', labelOf(RISK_LEVEL_LABELS, r.overallLevel)),
      table(['Area of your life', 'Rating', 'Why'], r.domains.map((d, n) => [
        runs(labelOf(RISK_DOMAIN_LABELS, d.domain)), runs(labelOf(RAG_LABELS, d.rating)),
        runs(d.evidence, f('riskAssessments', r.id, `domains.${n}.evidence`)),
      ])),
      field('What helps keep you safe', r.protectiveFactors, f('riskAssessments', r.id, 'protectiveFactors')),
      field('Your views', r.adultView, f('riskAssessments', r.id, 'adultView')));
  }

  out.push(heading('The plan', HeadingLevel.HEADING_2),
    field('If things get worse (contingency plan)', c.contingencyPlan ?? 'Not written yet', cf('contingencyPlan')),
    field('Escalation plan', c.escalationPlan ?? 'Not written yet', cf('escalationPlan')),
    field('How information is shared', c.infoSharingArrangements ?? 'Not written yet', cf('infoSharingArrangements')));
  if (c.closureProposal) {
    out.push(field(`Closure proposed (${ukDate(c.closureProposal.proposedAt)}) by ${person(c.closureProposal.proposedById)}`,
      c.closureProposal.rationale, both(cf('closureProposal.rationale'), cf('closureProposal'))));
  }

  out.push(heading('Actions', HeadingLevel.HEADING_2));
  if (!s.actions.length) out.push(plain('No actions set.'));
  for (const a of s.actions) {
    out.push(heading(a.description, HeadingLevel.HEADING_3));
    const flagged = f('actions', a.id, 'description');
    if (flagged) out.push(new Paragraph({ children: reviewRuns(flagged) }));
    out.push(
      field('Done when', a.successMeasure, f('actions', a.id, 'successMeasure')),
      field('Who', person(a.ownerId), f('actions', a.id, 'ownerId')),
      field('Due', ukDate(a.dueDate)),
      field('Status', `${labelOf(ACTION_STATUS_LABELS, a.status)}${a.completedAt ? ` (${ukDate(a.completedAt)})` : ''}`),
      ...(a.evidence ? [field('Evidence', a.evidence, f('actions', a.id, 'evidence'))] : []),
      ...a.progress.map((p, n) => bullet(`${ukDate(p.at)}: ${p.note}`, f('actions', a.id, `progress.${n}.note`))),
      ...a.dueDateChanges.map((d, n) => bullet(`${ukDate(d.at)}: due date moved from ${ukDate(d.from)} to ${ukDate(d.to)} because ${d.reason}`, f('actions', a.id, `dueDateChanges.${n}.reason`))),
    );
  }

  out.push(heading('Decisions', HeadingLevel.HEADING_2));
  if (!s.decisions.length) out.push(plain('No decisions recorded.'));
  for (const d of s.decisions) {
    out.push(heading(`${ukDate(d.decidedAt)}: ${labelOf(DECISION_OUTCOME_LABELS, d.outcome)}`, HeadingLevel.HEADING_3),
      field('Decided by', person(d.decidedById), f('decisions', d.id, 'decidedById')),
      field('Why', d.rationale, f('decisions', d.id, 'rationale')),
      ...(d.alternativesConsidered ? [field('Other options considered', d.alternativesConsidered, f('decisions', d.id, 'alternativesConsidered'))] : []),
      ...(d.dissent ? [field('Disagreement recorded', d.dissent, f('decisions', d.id, 'dissent'))] : []),
      ...(d.infoSharing ? [field('Information shared', `${d.infoSharing.what}, with ${d.infoSharing.withWhom}, because ${d.infoSharing.why}. Lawful basis: ${d.infoSharing.basis}.`, f('decisions', d.id, 'infoSharing'))] : []),
      ...(d.inquorate ? [plain('This decision was taken when not enough agencies were present, and had to be confirmed later.')] : []));
  }

  out.push(heading('Panel meetings and minutes', HeadingLevel.HEADING_2));
  if (!s.minutes.length) out.push(plain('Your case has not been on a panel meeting\'s agenda.'));
  for (const m of s.minutes) {
    out.push(heading(`${m.meetingTitle}, ${ukDate(m.meetingStartsAt)}`, HeadingLevel.HEADING_3),
      field('Why it was discussed', labelOf(AGENDA_KIND_LABELS, m.kind)),
      field('Minutes', MINUTES_STATUS_WORDS[m.minutesStatus]),
      ...(m.notes ? [field('What the minutes say', m.notes, f('minutes', m.agendaItemId, 'notes'))] : []));
  }

  out.push(heading('Who has looked at or changed this record', HeadingLevel.HEADING_2));
  if (!s.audit.length) out.push(plain('Nothing recorded.'));
  else {
    out.push(table(['When', 'Who', 'What they did'], s.audit.map((e) => [
      runs(ukDateTime(e.at)),
      runs(person(e.actorId), f('audit', e.id, 'actorId')),
      runs(`${AUDIT_ACTION_WORDS[e.action] ?? e.action} ${RECORD_WORDS[e.recordType] ?? 'the case record'}${e.reason ? ` (${e.reason})` : ''}`, f('audit', e.id, 'reason')),
    ])));
  }
  if (c.breakGlass?.length) {
    out.push(heading('Emergency access', HeadingLevel.HEADING_3), plain('These people opened the record for a limited time in an emergency, giving a reason:'));
    c.breakGlass.forEach((g, n) => out.push(bullet(`${ukDateTime(g.at)}: ${person(g.memberId)}, because ${g.reason}`, both(cf(`breakGlass.${n}.reason`), cf(`breakGlass.${n}`)))));
  }
  return out;
}

/** The subject access Word document (.docx) of one adult, from their subject access view. */
export async function subjectAccessDocument(view: SubjectAccessView): Promise<Buffer> {
  const flags = new Flags(view.redactionReview);
  const doc = new Document({
    creator: 'RiskPanel',
    title: `Information held about ${view.adult.name}`,
    description: 'Subject access export: everything the adult safeguarding risk panel holds about one adult',
    sections: [{ children: [...opening(view), ...yourDetails(view), ...view.cases.flatMap((s) => caseSection(s, view, flags))] }],
  });
  return Packer.toBuffer(doc);
}
