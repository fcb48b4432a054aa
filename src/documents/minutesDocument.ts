import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { AGENDA_KIND_LABELS, DECISION_OUTCOME_LABELS } from '../domain/labels';
import { safeSegment } from '../kernel/documentStore';
import type { MinutesAction, MinutesDecision, MinutesItem, MinutesView } from '../kernel/minutesView';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/*
 * The minutes as a Word document for the record. It goes to every member of the panel, so it holds what the minutes
 * view holds (references and initials, never an adult's name) and nothing more. Plain structure (headings, tables,
 * short paragraphs) so it reads well in Word, on a phone and through a screen reader.
 */

const ukDateTime = (iso: string) => new Date(iso).toLocaleString('en-GB', {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});
const ukDate = (yyyyMmDd: string) => new Date(`${yyyyMmDd}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const para = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
const plain = (text: string) => new Paragraph({ text });

function cell(text: string, header = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
}
function table(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
    ],
  });
}

const names = (list: string[]) => (list.length ? list.join(', ') : '—');

function attendanceSection(view: MinutesView): (Paragraph | Table)[] {
  if (!view.attendance.length) return [heading('Attendance', HeadingLevel.HEADING_1), plain('No attendance was recorded.')];
  const apologies = view.attendance.flatMap((a) => [
    ...a.apologiesInfoSent.map((n) => `${n} (${a.agencyName}), information sent`),
    ...a.apologiesNoInfo.map((n) => `${n} (${a.agencyName}), no information sent`),
  ]);
  return [
    heading('Attendance', HeadingLevel.HEADING_1),
    table(['Agency', 'Present', 'Apologies', 'Absent', 'Observers'], view.attendance.map((a) => [
      a.agencyName, names(a.present), names([...a.apologiesInfoSent, ...a.apologiesNoInfo]), names(a.absent), names(a.observers),
    ])),
    heading('Apologies', HeadingLevel.HEADING_2),
    ...(apologies.length ? apologies.map((line) => new Paragraph({ text: line, bullet: { level: 0 } })) : [plain('None.')]),
  ];
}

function decisionParagraphs(d: MinutesDecision): Paragraph[] {
  const out = [para('Decision', DECISION_OUTCOME_LABELS[d.outcome])];
  if (d.inquorate) {
    out.push(new Paragraph({ children: [new TextRun({ text: 'Taken while the meeting was not quorate: to be confirmed at a quorate meeting.', bold: true, italics: true })] }));
  }
  if (d.rationale === undefined) {
    out.push(plain('The rationale and the rest of this decision are held on the case record (restricted case).'));
    return out;
  }
  out.push(para('Rationale', d.rationale));
  out.push(para('Alternatives considered', d.alternativesConsidered ?? 'None recorded'));
  out.push(para('Dissent', d.dissent ?? 'None'));
  if (d.infoSharing) {
    const s = d.infoSharing;
    out.push(para('Information sharing', `${s.what}, with ${s.withWhom}, because ${s.why}. Lawful basis: ${s.basis}.`));
  } else {
    out.push(para('Information sharing', 'No sharing decided'));
  }
  return out;
}

const actionChange = (a: MinutesAction) =>
  a.change === 'due date changed' ? `Due date changed (was ${ukDate(a.previousDueDate!)})` : a.change === 'completed' ? 'Completed' : 'New';

function itemSection(item: MinutesItem): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(`${item.order}. ${AGENDA_KIND_LABELS[item.kind]}: ${item.label}`, HeadingLevel.HEADING_2)];
  if (item.notes) out.push(para('Discussion', item.notes));
  for (const d of item.decisions) out.push(...decisionParagraphs(d));
  if (!item.decisions.length && item.kind !== 'any_other_business') out.push(plain('No decision was recorded for this item.'));
  if (item.actions.length) {
    out.push(heading('Actions', HeadingLevel.HEADING_3));
    out.push(table(['Action', 'Owner', 'Agency', 'Due', 'Change'], item.actions.map((a) => [a.description, a.ownerName, a.agencyName, ukDate(a.dueDate), actionChange(a)])));
  }
  return out;
}

/** The minutes document (.docx) of a meeting, from its minutes view. */
export async function minutesDocument(view: MinutesView): Promise<Buffer> {
  const status = view.issuedAt ? `Issued ${ukDateTime(view.issuedAt)}` : view.approvedAt ? `Approved by the chair ${ukDateTime(view.approvedAt)}` : 'Draft';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `Minutes: ${view.title}`, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
    para('Meeting', ukDateTime(view.startsAt)),
    para('Chair', view.chairName),
    para('Status', status),
    plain('OFFICIAL-SENSITIVE. Adults are named by case reference and initials only. Do not forward outside the partnership.'),
    ...attendanceSection(view),
    ...(view.quorate.decisionsInquorate
      ? [para('Quorum', `${view.quorate.decisionsInquorate} decision(s) were taken while the meeting was not quorate and are flagged below.`)]
      : []),
    heading('Items and decisions', HeadingLevel.HEADING_1),
    ...view.items.flatMap(itemSection),
  ];
  if (view.generalNotes) children.push(heading('Other notes', HeadingLevel.HEADING_1), plain(view.generalNotes));
  children.push(heading('Next meeting', HeadingLevel.HEADING_1), plain(view.nextMeeting ?? 'To be arranged.'));
  if (view.timeliness) {
    const t = view.timeliness;
    children.push(plain(`Minutes issued ${t.workingDays} working day(s) after the meeting (standard: ${t.standardWorkingDays}; ${t.withinStandard ? 'met' : 'not met'}).`));
  }
  const doc = new Document({
    creator: 'RiskPanel',
    title: `Minutes: ${view.title}`,
    description: 'Minutes of the multi-agency adult safeguarding risk panel',
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** Where a meeting's minutes live in the library or folder: one document per meeting, replaced if issued again. */
export const minutesDocumentPath = (m: { id: string; startsAt: string }): string =>
  `Minutes/${m.startsAt.slice(0, 4)}/${safeSegment(`${m.startsAt.slice(0, 10)} ${m.id} minutes`)}.docx`;
