import type { z } from 'zod';
import { paths, responseSchemas, type OperationId } from '../../src/contract';
import { apiRoutes } from '../../src/server/routes';
import { type TestServer, startServer } from '../api/server';
import type { Persona } from '../support/world';
import { referralInput } from '../support/world';
import { createListedReferral } from '../support/cases';

/**
 * Every API route, called with valid input as a persona who may use it: its REAL answer must parse with the
 * contract's schema for that operation (the schema the OpenAPI document declares and the tab parses with).
 */
describe('every route answers what the contract says', () => {
  let server: TestServer;
  const checked = new Set<string>();

  beforeAll(async () => {
    server = await startServer();
    await server.world.store.transaction(async (tx) => {
      await tx.insert('meetings', {
        id: 'meeting-next', title: 'Invented panel', startsAt: '2026-07-01T10:00:00Z', chairId: 'chair', status: 'planned',
        quorum: { coreAgencyIds: ['ag-council', 'ag-police'], minCoreShare: 0.5, chairRequired: true },
      });
    });
  });
  afterAll(() => server.close());

  /** Calls the route, expects the status, parses the answer with the operation's contract schema and returns it. */
  async function call<Op extends OperationId>(
    operationId: Op, method: string, path: string, as: Persona | undefined, json?: unknown, status = 200,
  ): Promise<z.output<(typeof responseSchemas)[Op]>> {
    const res = await server.call(method, path, { ...(as ? { as } : {}), ...(json !== undefined ? { json } : {}) });
    const body: unknown = await res.json();
    expect({ operationId, status: res.status, body: res.status === status ? 'ok' : body }).toEqual({ operationId, status, body: 'ok' });
    const parsed = responseSchemas[operationId].safeParse(body);
    expect({ operationId, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ operationId, issues: [] });
    checked.add(operationId);
    return parsed.data as z.output<(typeof responseSchemas)[Op]>;
  }

  it('parses the answer of every route with its contract schema', async () => {
    const referral = await call('submitReferral', 'POST', paths.referrals(), 'police', referralInput(), 201);
    const other = await call('submitReferral', 'POST', paths.referrals(), 'health', referralInput({ adult: { name: 'Sam Invented Person' } }), 201);

    const summary = await call('getCase', 'GET', paths.case(referral.id), 'fire');
    expect(summary.access).toBe('summary');
    const full = await call('getCaseByRef', 'GET', paths.caseByRef(referral.ref), 'police');
    expect(full.access).toBe('full');

    let c = await call('recordInvolvement', 'POST', paths.caseInvolvement(referral.id), 'fire', { known: true, note: 'Invented: one home safety visit.' });
    c = await call('requestInformation', 'POST', paths.caseInformationRequests(referral.id), 'coordinator', { question: 'Invented: who visits?', expectedVersion: c.version });
    c = await call('provideInformation', 'POST', paths.caseInformation(referral.id), 'police', { answer: 'Invented: a carer, weekly.', expectedVersion: c.version });
    c = await call('placeReferralOnAgenda', 'POST', paths.caseListing(referral.id), 'coordinator', { meetingId: 'meeting-next', expectedVersion: c.version });
    c = await call('recordScreeningDecision', 'POST', paths.caseScreening(referral.id), 'coordinator', {
      outcome: 'accept', rationale: 'Invented rationale.', leadAgencyId: 'ag-police', leadProfessionalId: 'police', riskLevel: 'high',
      nextReviewDate: '2026-07-15', expectedVersion: c.version,
    });
    await call('withdrawReferral', 'POST', paths.caseWithdrawal(other.id), 'coordinator', { reason: 'Invented: referred in error.' });

    await call('addChronologyEntry', 'POST', paths.caseChronology(referral.id), 'police', {
      occurredAt: '2026-06-14T10:00:00Z', type: 'incident', summary: 'Invented incident.', significance: 'medium',
    }, 201);
    const action = await call('createAction', 'POST', paths.caseActions(referral.id), 'coordinator', {
      description: 'Invented: joint visit.', successMeasure: 'Visit recorded.', ownerId: 'police', dueDate: '2026-06-20',
    }, 201);
    const assessment = await call('recordRiskAssessment', 'POST', paths.caseRiskAssessments(referral.id), 'police', {
      domains: [{ domain: 'home_environment', rating: 'red', evidence: 'Invented: exits blocked.' }],
      protectiveFactors: 'Invented: a caring neighbour.', overallLevel: 'high', adultView: 'Invented: wants to stay.',
    }, 201);
    expect(assessment.assessmentNumber).toBe(1);
    c = (await call('getCase', 'GET', paths.case(referral.id), 'police')).case as typeof c;
    c = await call('updateCasePlan', 'PATCH', paths.casePlan(referral.id), 'police', { contingencyPlan: 'Invented contingency.', expectedVersion: c.version });
    c = await call('proposeClosure', 'POST', paths.caseClosureProposal(referral.id), 'police', { rationale: 'Invented: settled with support.', expectedVersion: c.version });
    // Subject access answers a file too: the Word document, and the JSON export (which parses as the view).
    const sar = await server.call('POST', paths.caseSubjectAccess(referral.id), { as: 'coordinator', json: { reason: 'Invented: contract test', format: 'docx' } });
    expect({ status: sar.status, type: sar.headers.get('content-type'), disposition: sar.headers.get('content-disposition')?.startsWith('attachment;') }).toEqual({
      status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: true,
    });
    expect(Buffer.from(await sar.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const sarJson = await server.call('POST', paths.caseSubjectAccess(referral.id), { as: 'coordinator', json: { reason: 'Invented: contract test', format: 'json' } });
    expect(((await sarJson.json()) as { cases: { case: { id: string } }[] }).cases[0]!.case.id).toBe(referral.id);
    checked.add('exportSubjectAccess');

    let a = await call('addActionProgress', 'POST', paths.actionProgress(action.id), 'police', { note: 'Invented: booked.' });
    a = await call('changeActionDueDate', 'POST', paths.actionDueDate(action.id), 'police', { dueDate: '2026-06-25', reason: 'Invented reason.', expectedVersion: a.version });
    await call('listActions', 'GET', paths.actions(), 'police');
    await call('listActions', 'GET', paths.actions({ scope: 'agency' }), 'police');
    const overdue = await call('listActions', 'GET', paths.actions({ scope: 'overdue' }), 'coordinator');
    expect(Array.isArray(overdue)).toBe(true);
    await call('completeAction', 'POST', paths.actionCompletion(action.id), 'police', { evidence: 'Invented evidence.', expectedVersion: a.version });

    const home = await call('getHome', 'GET', paths.home(), 'fire');
    expect(home.nextMeeting?.id).toBe('meeting-next');
    await call('listRegister', 'GET', paths.register({ pageSize: 50 }), 'coordinator');
    await call('listScreeningQueue', 'GET', paths.screeningQueue(), 'coordinator');
    await call('listMeetings', 'GET', paths.meetings(), 'chair');
    await call('getCaseAudit', 'GET', paths.caseAudit(referral.id), 'coordinator');
    await call('getMe', 'GET', paths.me(), 'policeLead');
    await call('listAgencies', 'GET', paths.agencies(), 'police');
    await call('listMembers', 'GET', paths.members(), 'coordinator');
    await call('listPersonas', 'GET', paths.personas(), undefined);
    await call('listDataQualityIssues', 'GET', paths.dataQuality(), 'coordinator');
    await call('runOverdueScan', 'POST', paths.overdueScan(), 'coordinator');

    const draft = await call('saveReferralDraft', 'POST', paths.referralDrafts(), 'health', { adult: { name: 'Dana Invented Draft' } }, 201);
    const { adult: _adult, ...rest } = referralInput();
    const updated = await call('updateReferralDraft', 'PUT', paths.caseDraft(draft.id), 'health', { ...rest, adult: { name: 'Dana Invented Draft' }, expectedVersion: draft.version });
    await call('submitDraft', 'POST', paths.caseSubmission(draft.id), 'health', { expectedVersion: updated.version });

    c = (await call('getCase', 'GET', paths.case(referral.id), 'coordinator')).case as typeof c;
    await call('closeCase', 'POST', paths.caseClosure(referral.id), 'coordinator', { reason: 'risk_reduced', rationale: 'Invented: risk managed.', expectedVersion: c.version });
  });

  it('parses the answers of the panel meeting, from scheduling to issued minutes, and of the board reports', async () => {
    await createListedReferral(server.world, 'health');
    let m = await call('scheduleMeeting', 'POST', paths.meetings(), 'coordinator', {
      title: 'Invented contract panel', startsAt: '2026-08-05T09:30:00Z', lengthMinutes: 90, chairId: 'chair',
      quorum: { coreAgencyIds: ['ag-council', 'ag-police'], minCoreShare: 0.5, chairRequired: true },
    }, 201);
    m = await call('buildAgenda', 'POST', paths.meetingAgenda(m.id), 'coordinator', { expectedVersion: m.version });
    expect(m.agenda.length).toBeGreaterThan(0);
    m = await call('editAgenda', 'POST', paths.meetingAgendaEdits(m.id), 'coordinator', { expectedVersion: m.version, edit: { op: 'retime', order: 1, minutesAllotted: 20 } });
    m = await call('publishAgenda', 'POST', paths.meetingPublication(m.id), 'coordinator', { expectedVersion: m.version });
    m = await call('startMeeting', 'POST', paths.meetingStart(m.id), 'chair', { expectedVersion: m.version });
    const item = m.agenda.find((line) => line.kind === 'new_referral')!;
    m = await call('moveToItem', 'POST', paths.meetingCurrentItem(m.id), 'chair', { expectedVersion: m.version, agendaItemId: item.id });
    m = await call('recordAttendance', 'POST', paths.meetingAttendance(m.id), 'chair', { expectedVersion: m.version, memberId: 'police', status: 'present', confidentialityAgreed: true });
    m = await call('joinMeeting', 'POST', paths.meetingArrival(m.id), 'health', {});
    m = await call('recordDecision', 'POST', paths.meetingDecisions(m.id), 'chair', {
      expectedVersion: m.version, agendaItemId: item.id, outcome: 'defer', rationale: 'Invented: more from the GP first.',
      alternativesConsidered: 'Invented: accept now.', dissent: 'None',
      infoSharing: { what: 'Invented: the referral', withWhom: 'Panel members', why: 'Invented: to plan', basis: 'Invented: public task' },
    });
    await call('getMeeting', 'GET', paths.meeting(m.id), 'police');
    await call('getMeetingStage', 'GET', paths.meetingStage(m.id), 'fire');
    m = await call('endMeeting', 'POST', paths.meetingEnd(m.id), 'chair', { expectedVersion: m.version });
    m = await call('editMinutes', 'PUT', paths.meetingMinutes(m.id), 'coordinator', { expectedVersion: m.version, generalNotes: 'Invented: quorate throughout.' });
    m = await call('approveMinutes', 'POST', paths.meetingMinutesApproval(m.id), 'chair', { expectedVersion: m.version });
    await call('issueMinutes', 'POST', paths.meetingMinutesIssue(m.id), 'coordinator', { expectedVersion: m.version });
    // The minutes document is the one answer that is a file, not JSON: its type, its name and a Word (zip) body.
    const docx = await server.call('GET', paths.meetingMinutesDocument(m.id), { as: 'police' });
    expect({ status: docx.status, type: docx.headers.get('content-type'), disposition: docx.headers.get('content-disposition')?.startsWith('attachment;') }).toEqual({
      status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: true,
    });
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    checked.add('downloadMinutes');

    await call('getIndicators', 'GET', paths.reports({ period: '2026' }), 'viewer');
    await call('exportIndicators', 'POST', paths.reportExports(), 'chair', { period: '2026-05', format: 'csv', reason: 'Invented: quarterly return' });
    // An invented past log of one referral, previewed then imported (a CSV, as a coordinator uploads it).
    const pastLog = Buffer.from('Reference,Name,Referring agency,Received,Status\r\nOLD-9,Invented Person,Police,2025-03-14,Declined').toString('base64');
    await call('previewImport', 'POST', paths.importPreview(), 'coordinator', { fileName: 'past.csv', base64: pastLog });
    await call('importLog', 'POST', paths.imports(), 'coordinator', { fileName: 'past.csv', base64: pastLog }, 201);
  });

  it('parses the answers of learning reviews and the board plan', async () => {
    let review = await call('createLearningReview', 'POST', paths.learningReviews(), 'coordinator', { title: 'Invented contract review', kind: 'sar', startedOn: '2026-05-01' }, 201);
    review = await call('addRecommendation', 'POST', paths.learningReviewRecommendations(review.id), 'coordinator', { text: 'Invented recommendation.', expectedVersion: review.version });
    await call('createReviewAction', 'POST', paths.learningReviewActions(review.id), 'coordinator', {
      recommendationNumber: 1, description: 'Invented: train staff.', successMeasure: 'Invented: trained.', ownerId: 'police', dueDate: '2026-09-01',
    }, 201);
    await call('listLearningReviews', 'GET', paths.learningReviews(), 'viewer');
    await call('getLearningReview', 'GET', paths.learningReview(review.id), 'police');
    const objective = await call('addPlanObjective', 'POST', paths.planObjectives(), 'coordinator', {
      planYear: '2026-27', priorityCode: 'SAB1', priorityTitle: 'Invented priority', objective: 'Invented objective.', successMeasure: 'Invented measure.',
    }, 201);
    const action = await call('createPlanAction', 'POST', paths.planObjectiveActions(objective.id), 'coordinator', {
      description: 'Invented: audit meetings.', successMeasure: 'Invented: audit report.', ownerId: 'police', dueDate: '2026-09-30',
    }, 201);
    await call('setActionRag', 'POST', paths.actionRag(action.id), 'police', { rating: 'green', reason: 'Invented: on track.', expectedVersion: action.version });
    await call('getBoardPlan', 'GET', paths.boardPlan({ planYear: '2026-27' }), 'chair');
  });

  it('parses the answers of governance: members and agencies, access review, audit trail, break-glass, restriction, sharing', async () => {
    const dir = await call('getAdminDirectory', 'GET', paths.adminDirectory(), 'coordinator');
    expect(dir.members.length).toBeGreaterThan(0);
    const m = await call('addMember', 'POST', paths.adminMembers(), 'coordinator', {
      name: 'Invented Contract Member', email: 'invented.contract@example.test', aadObjectId: '21111111-2222-4333-8444-555555555555', agencyId: 'ag-fire', roles: ['partner'],
    }, 201);
    await call('changeMember', 'PATCH', paths.adminMember(m.id), 'coordinator', { agencyLead: true, expectedVersion: 1 });
    const a = await call('addAgency', 'POST', paths.adminAgencies(), 'coordinator', { name: 'Invented Contract Trust', shortName: 'ICT', kind: 'voluntary', core: false }, 201);
    await call('changeAgency', 'PATCH', paths.adminAgency(a.id), 'coordinator', { core: true });
    await call('getAccessReview', 'GET', paths.accessReview(), 'coordinator');
    await call('confirmAccessReview', 'POST', paths.accessReviewConfirmations(), 'policeLead', { agencyId: 'ag-police' });
    await call('searchAudit', 'GET', paths.auditSearch({ memberId: 'coordinator' }), 'coordinator');
    await call('exportAudit', 'POST', paths.auditExports(), 'coordinator', { reason: 'Invented: contract test' });
    const referral = await call('submitReferral', 'POST', paths.referrals(), 'police', referralInput({ adult: { name: 'Invented Glass Person' } }), 201);
    await call('restrictCase', 'POST', paths.caseRestriction(referral.id), 'coordinator', { restricted: true, namedMemberIds: [], reason: 'Invented: domestic abuse.' });
    await call('breakGlass', 'POST', paths.breakGlass(), 'fire', { ref: referral.ref, reason: 'Invented: fire crew attending the address tonight.' }, 201);
    await call('recordSharingDecision', 'POST', paths.caseSharingDecisions(referral.id), 'coordinator', {
      what: 'Invented: the risk summary.', withWhom: 'Invented GP practice', why: 'Invented: a joint home visit.', basis: 'Invented: UK GDPR 6(1)(e) and 9(2)(g)',
    });
    await call('listSharingDecisions', 'GET', paths.caseSharingDecisions(referral.id), 'coordinator');
  });

  it('parses the answers of retention: what is due, a proposal, and its approval by a second coordinator', async () => {
    const old = await call('submitReferral', 'POST', paths.referrals(), 'police', referralInput({ adult: { name: 'Invented Long Ago Person' } }), 201);
    // Closed long ago: its retention date has passed.
    await server.world.store.transaction(async (tx) => {
      const c = (await tx.get('cases', old.id))!;
      await tx.update('cases', { ...c, status: 'closed', closedAt: '2010-01-04T10:00:00.000Z', retentionDate: '2018-01-04' });
    });
    await call('listDisposals', 'GET', paths.disposals(), 'coordinator');
    const proposal = await call('proposeDisposal', 'POST', paths.disposals(), 'coordinator', { caseId: old.id, reason: 'Invented: retention ran out.' }, 201);
    // Two coordinators: the proposal is made another coordinator's so this one may approve it.
    await server.world.store.transaction(async (tx) => {
      const d = (await tx.get('disposals', proposal.id))!;
      await tx.update('disposals', { ...d, proposedById: 'another-coordinator' });
    });
    await call('approveDisposal', 'POST', paths.disposalApprovals(), 'coordinator', { disposalId: proposal.id });
  });

  it('checked every operation of the route table', () => {
    const operations = apiRoutes.map((r) => r.operationId).sort();
    expect([...checked].sort()).toEqual(operations);
  });
});
