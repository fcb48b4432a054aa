import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { commands } from '../../src/commands';
import { queries } from '../../src/queries';
import { LocalDocumentFolder } from '../../src/documents/localDocumentFolder';
import { DOCX_CONTENT_TYPE } from '../../src/documents/minutesDocument';
import { SharePointDocumentLibrary } from '../../src/documents/sharePointDocumentLibrary';
import { ForbiddenError } from '../../src/domain/errors';
import { execute } from '../../src/kernel/command';
import { attachDocuments } from '../../src/kernel/documentStore';
import { runQuery } from '../../src/kernel/query';
import { createGraphClient } from '../../src/store/sharepoint/graphClient';
import { GRAPH_SCOPE, StaticTokenProvider } from '../../src/store/sharepoint/tokenProvider';
import { SharePointLibraryFake } from '../fakes/sharePointLibraryFake';
import { allRecords, createListedReferral, createOpenCase, getRecord } from '../support/cases';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
let library: SharePointLibraryFake;
beforeEach(async () => {
  world = await createWorld();
  library = new SharePointLibraryFake();
  const graph = createGraphClient({ tokens: new StaticTokenProvider(), scope: GRAPH_SCOPE, userAgent: 'NONISV|Invented|RiskPanel/test', fetch: library.fetch });
  attachDocuments(world.store, new SharePointDocumentLibrary(graph, library.siteId));
});
afterEach(() => world.close());

const at = (iso: string) => new Date(iso);
type Saved = { id: string; version: number; status: string; minutesDocumentUrl?: string };
const run = (persona: Persona, name: keyof typeof commands, input: Record<string, unknown>, now = at('2026-07-01T09:40:00Z')) =>
  execute(commands[name] as never, world.ctx(persona, now), input) as Promise<Saved>;

const sharing = { what: 'Chronology and plan', withWhom: 'Panel members', why: 'To manage the risk together', basis: 'UK GDPR 6(1)(e)' };

/** Text of the document's body, paragraphs joined by spaces. */
async function documentText(content: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/\s+/g, ' ');
}

/** A meeting run to issued minutes: a new referral accepted with two actions, a review continued with one, apologies. */
async function issuedMeeting() {
  const referral = await createListedReferral(world, 'police');
  const review = await createOpenCase(world, { nextReviewDate: '2026-06-20' });
  let m = await run('coordinator', 'scheduleMeeting', {
    title: 'Invented July panel', startsAt: '2026-07-01T09:30:00Z', lengthMinutes: 120, chairId: 'chair',
    quorum: { coreAgencyIds: ['ag-council', 'ag-police', 'ag-health'], minCoreShare: 0.5, chairRequired: true },
  }, at('2026-06-15T09:00:00Z'));
  m = await run('coordinator', 'buildAgenda', { meetingId: m.id, expectedVersion: m.version }, at('2026-06-16T09:00:00Z'));
  m = await run('coordinator', 'publishAgenda', { meetingId: m.id, expectedVersion: m.version }, at('2026-06-16T09:05:00Z'));
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

describe('the minutes document', () => {
  it('is uploaded to the SharePoint library on issue, linked from the meeting, and holds attendance, decisions and actions without any adult name', async () => {
    const { m, referral, review } = await issuedMeeting();
    const upload = library.requests.filter((r) => r.method === 'PUT');
    expect(upload).toEqual([{ method: 'PUT', path: `/drives/${library.driveId}/root:/Minutes/2026/2026-07-01 ${m.id} minutes.docx:/content` }]);
    const stored = library.files.get(`Minutes/2026/2026-07-01 ${m.id} minutes.docx`)!;
    expect(stored.contentType).toBe(DOCX_CONTENT_TYPE);
    const meeting = await getRecord(world, 'meetings', m.id);
    expect(meeting).toMatchObject({ status: 'minutes_issued' });
    expect(meeting!.minutesDocumentUrl).toBe(`${library.webRoot}/Minutes/2026/2026-07-01%20${encodeURIComponent(m.id)}%20minutes.docx`);

    const text = await documentText(stored.content);
    // Attendance by agency, and apologies.
    expect(text).toContain('Attendance');
    for (const name of ['Test chair', 'Test police', 'Test health', 'Test fire']) expect(text).toContain(name);
    expect(text).toMatch(/Test health \([^)]+\), information sent/);
    // Each decision with its rationale, alternatives, dissent and sharing; cases by reference and initials.
    for (const c of [referral, review]) expect(text).toContain(`${c.ref} · ${c.initials}`);
    expect(text).toContain('Invented: three agencies hold risk none can manage alone.');
    expect(text).toContain('Invented: the plan is working but risk remains high.');
    expect(text).toContain('Invented: a single-agency plan.');
    expect(text).toContain('Invented: the fire service would have deferred.');
    expect(text).toContain('Lawful basis: UK GDPR 6(1)(e)');
    // Each action the meeting set, with its owner and date.
    for (const a of ['Invented: joint home visit with the GP', 'Invented: fire safety check', 'Invented: review the tenancy support']) expect(text).toContain(a);
    expect(text).toContain('20 July 2026');
    expect(text).toContain('Wednesday 5 August 2026, 09:30, Teams');
    // The adult's name typed into the notes is replaced by the initials; no adult's name anywhere.
    for (const c of await allRecords(world, 'cases')) {
      for (const part of c.adult.name.split(/\s+/).filter((p) => p.length >= 3)) expect(text).not.toContain(part);
    }
    expect(text).toContain(`Invented: ${referral.initials} wants to stay at home.`);
  });

  it('is downloaded by panel members from the library, audited as an export; a board viewer is refused', async () => {
    const { m } = await issuedMeeting();
    const file = await runQuery(queries.downloadMinutes, world.ctx('fire'), { meetingId: m.id });
    expect(Buffer.from(file.content).equals(library.files.get(`Minutes/2026/2026-07-01 ${m.id} minutes.docx`)!.content)).toBe(true);
    expect(file).toMatchObject({ contentType: DOCX_CONTENT_TYPE, fileName: 'Invented July panel minutes.docx' });
    const audit = await allRecords(world, 'audit');
    expect(audit.some((e) => e.action === 'export' && e.recordType === 'meeting' && e.recordId === m.id && e.actorId === 'fire')).toBe(true);
    await expect(runQuery(queries.downloadMinutes, world.ctx('viewer'), { meetingId: m.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('the local document folder', () => {
  it('keeps documents under its folder, replaces them at the same path and refuses a path outside it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-docs-'));
    try {
      const folder = new LocalDocumentFolder(dir);
      await folder.put('Minutes/2026/a.docx', Buffer.from('first'), DOCX_CONTENT_TYPE);
      await folder.put('Minutes/2026/a.docx', Buffer.from('second'), DOCX_CONTENT_TYPE);
      expect((await folder.get('Minutes/2026/a.docx'))?.toString()).toBe('second');
      expect(fs.readdirSync(path.join(dir, 'Minutes', '2026'))).toEqual(['a.docx']);
      expect(await folder.get('Minutes/2026/missing.docx')).toBeUndefined();
      await expect(folder.put('../escape.docx', Buffer.from('x'), DOCX_CONTENT_TYPE)).rejects.toThrow(/outside/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
