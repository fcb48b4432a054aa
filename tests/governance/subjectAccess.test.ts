import JSZip from 'jszip';
import { addChronologyEntry } from '../../src/commands/addChronologyEntry';
import { recordInvolvement } from '../../src/commands/recordInvolvement';
import { recordRiskAssessment } from '../../src/commands/recordRiskAssessment';
import { recordScreeningDecision } from '../../src/commands/recordScreeningDecision';
import { updateCasePlan } from '../../src/commands/updateCasePlan';
import { paths } from '../../src/contract';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors';
import type { CaseRecord } from '../../src/domain/records';
import { execute } from '../../src/kernel/command';
import { runQuery } from '../../src/kernel/query';
import { otherPeopleIn } from '../../src/kernel/subjectAccessFlags';
import type { SubjectAccessView } from '../../src/kernel/subjectAccessView';
import { exportSubjectAccess } from '../../src/queries/exportSubjectAccess';
import { type TestServer, startServer } from '../api/server';
import { allRecords, auditOf, createActionOn, createOpenCase, createSubmittedReferral, insertMeeting } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type World } from '../support/world';

/*
 * Subject access (issue 13 item 6): everything held about one adult, as JSON and as a Word document the adult can
 * read, third-party information flagged for redaction review, each export audited with its reason.
 */

const ADULT = { name: 'Alex Imaginary Example', dateOfBirth: '1950-02-03', postcode: 'LU1 1AA' };
const REASON = 'Invented: subject access request SAR-0001';

/** An open case with a record of every kind, and a second referral of the same adult. */
async function caseWithEverything(world: World): Promise<{ c: CaseRecord; other: CaseRecord }> {
  let c = await createSubmittedReferral(world, 'police', {
    adult: ADULT, reasons: 'Invented: her son Jamie Fletcher takes her money; Mr Patel next door raised it.',
  });
  // Before screening, the partners say whether they know the adult.
  await execute(recordInvolvement, world.ctx('fire'), { caseId: c.id, known: true, note: 'Invented: one home fire safety visit.' });
  await execute(recordInvolvement, world.ctx('health'), { caseId: c.id, known: true });
  c = await execute(recordScreeningDecision, world.ctx('coordinator'), {
    caseId: c.id, outcome: 'accept', rationale: 'Invented rationale: risk is unmanageable by one agency.', leadAgencyId: 'ag-police',
    leadProfessionalId: 'police', riskLevel: 'high',
  });
  await execute(addChronologyEntry, world.ctx('health'), {
    caseId: c.id, occurredAt: '2026-06-10T14:30:00Z', type: 'hospital_admission', summary: 'Invented: admitted after a fall, brought in by a neighbour.', significance: 'high',
  });
  await execute(recordRiskAssessment, world.ctx('police'), {
    caseId: c.id, domains: [{ domain: 'home_environment', rating: 'red', evidence: 'Invented: exits blocked by stored papers.' }],
    protectiveFactors: 'Invented: her daughter phones daily.', overallLevel: 'high', adultView: 'Invented: wants to stay at home.',
  });
  c = (await allRecords(world, 'cases')).find((x) => x.id === c.id)!;
  c = await execute(updateCasePlan, world.ctx('police'), { caseId: c.id, contingencyPlan: 'Invented: call the fire service at once.', expectedVersion: c.version });
  await createActionOn(world, c.id, 'police', { description: 'Invented: fit smoke alarms.', started: true });
  const meeting = await insertMeeting(world, {
    id: 'meeting-june', title: 'Invented June panel', startsAt: '2026-06-12T09:30:00Z', status: 'minutes_issued', minutesIssuedAt: '2026-06-14T10:00:00Z',
    minutes: { generatedAt: '2026-06-12T12:00:00Z', itemNotes: [{ agendaItemId: 'item-1', notes: 'Invented minutes note: panel agreed a joint visit.' }] },
  });
  await world.store.transaction((tx) => tx.insert('agendaItems', { id: 'item-1', meetingId: meeting.id, order: 1, kind: 'new_referral', caseId: c.id, minutesAllotted: 15 }));
  // The same adult referred again by another agency: the same name and date of birth.
  const other = await createSubmittedReferral(world, 'health', { adult: ADULT, reasons: 'Invented: missed three appointments.' });
  return { c, other };
}

const asJson = async (world: World, caseId: string) => {
  const file = await runQuery(exportSubjectAccess, world.ctx('coordinator'), { caseId, reason: REASON, format: 'json' });
  expect(file.contentType).toBe('application/json');
  return JSON.parse(Buffer.from(file.content).toString('utf8')) as SubjectAccessView;
};

const documentText = async (content: Uint8Array) => {
  const xml = await (await JSZip.loadAsync(content)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
};

describe('subject access export', () => {
  let world: World;
  beforeEach(async () => (world = await createWorld()));
  afterEach(() => world.close());

  it('holds every record kind of the adult\'s cases in the JSON, their other referral included', async () => {
    const { c, other } = await caseWithEverything(world);
    const view = await asJson(world, c.id);

    expect(view.schema).toBe('riskpanel.subject-access/1');
    expect(view.adult).toEqual(expect.objectContaining(ADULT));
    expect(view.cases.map((s) => [s.case.ref, s.requested])).toEqual([[c.ref, true], [other.ref, false]]);
    const main = view.cases[0]!;
    expect(main.case.reasons).toContain('Jamie Fletcher');
    expect(main.case.involvements).toEqual([
      expect.objectContaining({ agencyId: 'ag-fire', note: 'Invented: one home fire safety visit.' }), expect.objectContaining({ agencyId: 'ag-health', known: true }),
    ]);
    expect(main.case.contingencyPlan).toBe('Invented: call the fire service at once.');
    expect(main.chronology.map((e) => e.summary)).toContain('Invented: admitted after a fall, brought in by a neighbour.');
    expect(main.riskAssessments).toEqual([expect.objectContaining({ assessmentNumber: 1, overallLevel: 'high' })]);
    expect(main.actions).toEqual([expect.objectContaining({ description: 'Invented: fit smoke alarms.', progress: [expect.objectContaining({ note: 'Visit booked.' })] })]);
    expect(main.decisions).toEqual([expect.objectContaining({ outcome: 'accept' })]);
    expect(main.minutes).toEqual([expect.objectContaining({
      meetingTitle: 'Invented June panel', kind: 'new_referral', minutesStatus: 'issued', notes: 'Invented minutes note: panel agreed a joint visit.',
    })]);
    // Who saw or changed it: the partners' writes and reads are there, by member.
    expect(new Set(main.audit.map((e) => e.actorId))).toEqual(new Set(['police', 'coordinator', 'fire', 'health']));
    expect(view.cases[1]!.case.reasons).toBe('Invented: missed three appointments.');
    expect(view.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Test police', 'Test health', 'Test fire']));
  });

  it('flags third-party information for redaction review, and never the adult themself', async () => {
    const { c } = await caseWithEverything(world);
    const view = await asJson(world, c.id);
    const flagOf = (recordId: string, field: string) => view.redactionReview.find((f) => f.recordId === recordId && f.field === field);
    const main = view.cases[0]!;

    expect(flagOf(c.id, 'referrerMemberId')).toEqual(expect.objectContaining({ reasons: ['referrer'], details: ['Test police'] }));
    expect(flagOf(c.id, 'reasons')).toEqual(expect.objectContaining({ reasons: ['other_person'] }));
    expect(flagOf(c.id, 'reasons')!.details).toEqual(expect.arrayContaining(['Mr Patel', 'son', 'Jamie Fletcher']));
    // Another agency's information: the fire service's involvement, the health trust's chronology entry.
    expect(flagOf(c.id, 'involvements.0')!.reasons).toEqual(expect.arrayContaining(['third_party_information', 'staff']));
    const entry = main.chronology.find((e) => e.type === 'hospital_admission')!;
    expect(flagOf(entry.id, 'summary')).toEqual(expect.objectContaining({ reasons: ['third_party_information', 'other_person'], details: ['provided by Test Health Trust', 'neighbour'] }));
    expect(flagOf(entry.id, 'recordedById')).toEqual(expect.objectContaining({ reasons: ['staff'], details: ['Test health (Test Health Trust)'] }));
    expect(flagOf(main.riskAssessments[0]!.id, 'protectiveFactors')!.details).toEqual(['daughter']);
    // The exporting coordinator's own agency's staff are not flagged; the adult's name never is.
    const coordinatorLine = main.audit.find((e) => e.actorId === 'coordinator')!;
    expect(flagOf(coordinatorLine.id, 'actorId')).toBeUndefined();
    expect(view.redactionReview.flatMap((f) => f.details).filter((d) => /Alex|Imaginary|Example/.test(d))).toEqual([]);
    // Plain narrative about the adult alone is not flagged.
    expect(flagOf(main.riskAssessments[0]!.id, 'adultView')).toBeUndefined();
  });

  it('reads as the adult would in the Word document: every section, labels, UK dates and the review markings', async () => {
    const { c, other } = await caseWithEverything(world);
    const file = await runQuery(exportSubjectAccess, world.ctx('coordinator'), { caseId: c.id, reason: REASON, format: 'docx' });
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.fileName).toMatch(new RegExp(`^${c.ref}-subject-access-2026-06-15\\.docx$`));
    const text = await documentText(file.content);

    expect(text).toContain('Information held about Alex Imaginary Example');
    expect(text).toMatch(/You asked to see the information/);
    for (const section of ['Your details', `Case ${c.ref}`, `Case ${other.ref}`, 'The referral', 'What agencies told the panel', 'Chronology (record of events)',
      'Risk assessments', 'The plan', 'Actions', 'Decisions', 'Panel meetings and minutes', 'Who has looked at or changed this record']) {
      expect(text).toContain(section);
    }
    expect(text).toContain('Invented: admitted after a fall, brought in by a neighbour.');
    expect(text).toContain('Invented minutes note: panel agreed a joint visit.');
    expect(text).toContain('Invented: fit smoke alarms.');
    expect(text).toContain('Invented: call the fire service at once.');
    // Words, not codes; UK dates.
    expect(text).toContain('Self-neglect, Fire risk');
    expect(text).toContain('Hospital admission');
    expect(text).toContain('Accepted for the panel');
    expect(text).not.toMatch(/self_neglect|hospital_admission|new_referral/);
    expect(text).toContain('3 February 1950');
    expect(text).toContain('10 June 2026 at 15:30');
    // The markings: why, and what was found.
    expect(text).toContain('[For redaction review: identifies the person who made the referral (Test police)]');
    expect(text).toMatch(/\[For redaction review: names or describes another person \([^)]*Mr Patel/);
    expect(text).toContain('[For redaction review: information another agency provided; names or describes another person (provided by Test Health Trust, neighbour)]');
  });

  it('audits each export as an export of the case, with the reason and the format', async () => {
    const { c } = await caseWithEverything(world);
    await runQuery(exportSubjectAccess, world.ctx('coordinator'), { caseId: c.id, reason: REASON, format: 'docx' });
    await runQuery(exportSubjectAccess, world.ctx('coordinator'), { caseId: c.id, reason: `${REASON} (machine copy)`, format: 'json' });
    const exports = (await auditOf(world, c.id)).filter((e) => e.action === 'export');
    expect(exports.map((e) => [e.actorId, e.reason, e.change?.['document'], e.change?.['format']])).toEqual([
      ['coordinator', REASON, 'subjectAccess', 'docx'],
      ['coordinator', `${REASON} (machine copy)`, 'subjectAccess', 'json'],
    ]);
    expect(exports[0]!.change?.['flaggedForReview']).toEqual(expect.any(Number));
    // The earlier export is itself in the next one's list of who saw the record.
    const view = await asJson(world, c.id);
    expect(view.cases[0]!.audit.filter((e) => e.action === 'export').map((e) => e.reason)).toEqual([REASON, `${REASON} (machine copy)`]);
  });

  it('refuses anyone but a coordinator, audited as denied; a case they cannot see answers as a missing one', async () => {
    const { c } = await caseWithEverything(world);
    // The referrer may read the case but not export it: 403, with one 'denied' event and nothing else changed.
    await expectRefused(world, () => runQuery(exportSubjectAccess, world.ctx('police'), { caseId: c.id, reason: REASON, format: 'json' }), ForbiddenError);
    const denied = (await allRecords(world, 'audit')).filter((e) => e.action === 'denied' && e.actorId === 'police');
    expect(denied).toEqual([expect.objectContaining({ recordId: c.id, reason: expect.stringContaining('exportSubjectAccess') })]);
    // A viewer who cannot see the case at all: the same answer as a case that does not exist, and the refusal audited.
    const err = await runQuery(exportSubjectAccess, world.ctx('viewer'), { caseId: c.id, reason: REASON, format: 'json' }).catch((e: unknown) => e);
    const missing = await runQuery(exportSubjectAccess, world.ctx('viewer'), { caseId: 'no-such-case', reason: REASON, format: 'json' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toBe((missing as Error).message);
    expect((await allRecords(world, 'audit')).filter((e) => e.action === 'denied' && e.actorId === 'viewer').map((e) => e.recordId)).toEqual([c.id]);
    expect((await auditOf(world, c.id)).filter((e) => e.action === 'export')).toEqual([]);
  });

  it('refuses bad input with the fields named, changing nothing', async () => {
    const { c } = await caseWithEverything(world);
    const missingReason = await expectRefused(world, () => runQuery(exportSubjectAccess, world.ctx('coordinator'), { caseId: c.id, format: 'docx' }), ValidationError);
    expect(fieldsOf(missingReason)).toEqual(['reason']);
    const bad = await expectRefused(world, () => runQuery(exportSubjectAccess, world.ctx('coordinator'), { caseId: c.id, reason: 'ok', format: 'pdf', extra: 1 }), ValidationError);
    expect(fieldsOf(bad).sort()).toEqual(['extra', 'format', 'reason']);
  });
});

describe('finding other people in narrative', () => {
  const people = { adult: { name: 'Alex Imaginary Example' }, staffNames: ['Robin Staffmember', 'Test police'], agencyNames: ['Test Police', 'Police', 'Test Fire and Rescue'] };
  it('finds titled names, relationship words, staff and name pairs, but not the adult, agencies or partner agencies', () => {
    expect(otherPeopleIn('Mr Patel and her Son visited; robin staffmember attended with Sam Jones.', people)).toEqual(['Mr Patel', 'Robin Staffmember', 'son', 'Sam Jones']);
    // A staff name that is also an agency's name is read as the agency.
    expect(otherPeopleIn('Test Police attended.', people)).toEqual([]);
    expect(otherPeopleIn('Alex Imaginary Example said Mr Example is fine. Test Fire and Rescue visited; partner agencies agreed.', people)).toEqual([]);
    expect(otherPeopleIn(undefined, people)).toEqual([]);
  });
});

describe('subject access over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startServer()));
  afterAll(() => server.close());

  it('answers the Word document or JSON as an attachment; bad input is a 400 problem that changes nothing; unknown case 404', async () => {
    const c = await createOpenCase(server.world, { referral: { adult: ADULT } });
    const docx = await server.call('POST', paths.caseSubjectAccess(c.id), { as: 'coordinator', json: { reason: REASON, format: 'docx' } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="?CASPA-\d{4}-\d{4}-subject-access-2026-06-15\.docx"?$/);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const json = await server.call('POST', paths.caseSubjectAccess(c.id), { as: 'coordinator', json: { reason: REASON, format: 'json' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await json.json()) as SubjectAccessView).cases[0]!.case.id).toBe(c.id);

    const before = await server.counts();
    const bad = await server.call('POST', paths.caseSubjectAccess(c.id), { as: 'coordinator', json: { format: 'docx' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await server.counts()).toEqual(before);
    const unknown = await server.call('POST', paths.caseSubjectAccess('no-such-case'), { as: 'coordinator', json: { reason: REASON, format: 'docx' } });
    expect(unknown.status).toBe(404);
    const partner = await server.call('POST', paths.caseSubjectAccess(c.id), { as: 'police', json: { reason: REASON, format: 'docx' } });
    expect(partner.status).toBe(403);
  });
});
