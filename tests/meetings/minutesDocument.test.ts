import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { queries } from '../../src/queries';
import { LocalDocumentFolder } from '../../src/documents/localDocumentFolder';
import { DOCX_CONTENT_TYPE } from '../../src/documents/minutesDocument';
import { SharePointDocumentLibrary } from '../../src/documents/sharePointDocumentLibrary';
import { ForbiddenError } from '../../src/domain/errors';
import { attachDocuments } from '../../src/kernel/documentStore';
import { runQuery } from '../../src/kernel/query';
import { createGraphClient } from '../../src/store/sharepoint/graphClient';
import { GRAPH_SCOPE, StaticTokenProvider } from '../../src/store/sharepoint/tokenProvider';
import { SharePointLibraryFake } from '../fakes/sharePointLibraryFake';
import { allRecords, getRecord } from '../support/cases';
import { createWorld, type World } from '../support/world';
import { documentText, runMeeting } from './support/meetingFlow';

let world: World;
let library: SharePointLibraryFake;
beforeEach(async () => {
  world = await createWorld();
  library = new SharePointLibraryFake();
  const graph = createGraphClient({ tokens: new StaticTokenProvider(), scope: GRAPH_SCOPE, userAgent: 'NONISV|Invented|RiskPanel/test', fetch: library.fetch });
  attachDocuments(world.store, new SharePointDocumentLibrary(graph, library.siteId));
});
afterEach(() => world.close());

describe('the minutes document', () => {
  it('is uploaded to the SharePoint library on issue, linked from the meeting, and holds attendance, decisions and actions without any adult name', async () => {
    const { m, referral, review } = await runMeeting(world);
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
    const { m } = await runMeeting(world);
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
