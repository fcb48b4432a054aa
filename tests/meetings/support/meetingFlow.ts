import JSZip from 'jszip';
import { commands } from '../../../src/commands';
import { execute } from '../../../src/kernel/command';
import { runQuery } from '../../../src/kernel/query';
import { queries } from '../../../src/queries';
import { createListedReferral, createOpenCase, getRecord } from '../../support/cases';
import type { Persona, World } from '../../support/world';

/*
 * A panel meeting run through the real commands, from scheduling to issued minutes: a listed referral accepted with
 * two actions, a review continued with one, attendance with apologies and an absence, a note that types the adult's
 * name (which the shared outputs must replace by the initials).
 */

export const at = (iso: string) => new Date(iso);
export type Saved = { id: string; version: number; status: string; minutesDocumentUrl?: string };
const runAs = (world: World) => (persona: Persona, name: keyof typeof commands, input: Record<string, unknown>, now = at('2026-07-01T09:40:00Z')) =>
  execute(commands[name] as never, world.ctx(persona, now), input) as Promise<Saved>;

const sharing = { what: 'Chronology and plan', withWhom: 'Panel members', why: 'To manage the risk together', basis: 'UK GDPR 6(1)(e)' };

/** Text of the document's body, paragraphs joined by spaces. */
export async function documentText(content: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/\s+/g, ' ');
}

/** A meeting run to issued minutes: a new referral accepted with two actions, a review continued with one, apologies. */
export async function runMeeting(world: World, stopAfter: 'published' | 'issued' = 'issued') {
  const run = runAs(world);
  const referral = await createListedReferral(world, 'police');
  const review = await createOpenCase(world, { nextReviewDate: '2026-06-20' });
  let m = await run('coordinator', 'scheduleMeeting', {
    title: 'Invented July panel', startsAt: '2026-07-01T09:30:00Z', lengthMinutes: 120, chairId: 'chair',
    quorum: { coreAgencyIds: ['ag-council', 'ag-police', 'ag-health'], minCoreShare: 0.5, chairRequired: true },
  }, at('2026-06-15T09:00:00Z'));
  m = await run('coordinator', 'buildAgenda', { meetingId: m.id, expectedVersion: m.version }, at('2026-06-16T09:00:00Z'));
  m = await run('coordinator', 'publishAgenda', { meetingId: m.id, expectedVersion: m.version }, at('2026-06-16T09:05:00Z'));
  if (stopAfter === 'published') return { m, referral, review };
  m = await run('chair', 'startMeeting', { meetingId: m.id, expectedVersion: m.version }, at('2026-07-01T09:31:00Z'));
  for (const [memberId, status] of [['chair', 'present'], ['police', 'present'], ['health', 'apologies_info_sent'], ['fire', 'absent']] as const) {
    m = await run('chair', 'recordAttendance', { meetingId: m.id, memberId, status, confidentialityAgreed: status === 'present' }, at('2026-07-01T09:32:00Z'));
  }
  const agenda = (await runQuery(queries.getMeeting, world.ctx('chair'), { meetingId: m.id })).agenda;
  const first = agenda.find((l) => l.caseId === referral.id)!;
  const second = agenda.find((l) => l.caseId === review.id)!;
  m = await run('chair', 'recordDecision', {
    meetingId: m.id, expectedVersion: m.version, agendaItemId: first.id, outcome: 'accept',
    rationale: 'Invented: three agencies hold risk none can manage alone.', alternativesConsidered: 'Invented: a single-agency plan.',
    dissent: 'Invented: the fire service would have deferred.', infoSharing: sharing, leadAgencyId: 'ag-police', leadProfessionalId: 'policelead',
    actions: [
      { description: 'Invented: joint home visit with the GP', successMeasure: 'Visit held', ownerId: 'police', dueDate: '2026-07-20' },
      { description: 'Invented: fire safety check', successMeasure: 'Check recorded', ownerId: 'fire', dueDate: '2026-07-25' },
    ],
  }, at('2026-07-01T09:45:00Z'));
  m = await run('chair', 'moveToItem', { meetingId: m.id, expectedVersion: m.version, agendaItemId: second.id }, at('2026-07-01T10:00:00Z'));
  m = await run('chair', 'recordDecision', {
    meetingId: m.id, expectedVersion: m.version, agendaItemId: second.id, outcome: 'continue',
    rationale: 'Invented: the plan is working but risk remains high.', alternativesConsidered: 'Invented: closure.', dissent: 'None', infoSharing: sharing,
    actions: [{ description: 'Invented: review the tenancy support', successMeasure: 'Support in place', ownerId: 'health', dueDate: '2026-08-03' }],
  }, at('2026-07-01T10:10:00Z'));
  m = await run('chair', 'endMeeting', { meetingId: m.id, expectedVersion: m.version }, at('2026-07-01T11:00:00Z'));
  const adult = (await getRecord(world, 'cases', referral.id))!.adult.name;
  m = await run('coordinator', 'editMinutes', {
    meetingId: m.id, expectedVersion: m.version, itemNotes: [{ agendaItemId: first.id, notes: `Invented: ${adult} wants to stay at home.` }],
    nextMeeting: 'Wednesday 5 August 2026, 09:30, Teams',
  }, at('2026-07-02T09:00:00Z'));
  m = await run('chair', 'approveMinutes', { meetingId: m.id, expectedVersion: m.version }, at('2026-07-02T10:00:00Z'));
  m = await run('coordinator', 'issueMinutes', { meetingId: m.id, expectedVersion: m.version }, at('2026-07-03T10:00:00Z'));
  return { m, referral, review };
}

