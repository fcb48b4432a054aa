import { referralInput } from '../support/world';
import { healthReferral, policeCase } from './fixtures';
import { type TestServer, problemOf, startServer } from './server';

type Json = Record<string, unknown>;

/** The routes the full tab added: drafts, risk assessments, the plan, home and the screening queue, over real HTTP. */
describe('the full tab\'s routes over HTTP', () => {
  let server: TestServer;
  let police: Awaited<ReturnType<typeof policeCase>>;
  let health: Awaited<ReturnType<typeof healthReferral>>;
  beforeEach(async () => {
    server = await startServer();
    police = await policeCase(server.world);
    health = await healthReferral(server.world);
  });
  afterEach(() => server.close());

  /**
   * A refused request writes nothing but, for a 403 or a record hidden from the caller (404, as if missing), its
   * 'denied' audit event.
   */
  async function expectRefusal(res: Promise<Response>, status: number, field?: string, audited = status === 403) {
    const before = await server.counts();
    const answer = await res;
    expect(answer.status).toBe(status);
    const problem = await problemOf(answer);
    if (field !== undefined) expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await server.counts()).toEqual(audited ? { ...before, audit: before.audit + 1 } : before);
    return problem;
  }

  it('saves a draft (201), edits it (PUT), refuses an incomplete submission (400), then submits it into the screening queue', async () => {
    const saved = await server.call('POST', '/api/referrals/drafts', { as: 'fire', json: { adult: { name: 'Drew Invented' }, reasons: 'Invented: smoke alarms removed.' } });
    expect(saved.status).toBe(201);
    const draft = (await saved.json()) as Json;
    expect(draft).toMatchObject({ status: 'draft', ref: 'CASPA-2026-0003', initials: 'D.I.', referrerAgencyId: 'ag-fire', version: 1 });
    const draftUrl = `/api/cases/${draft.id as string}`;

    await expectRefusal(server.call('POST', `${draftUrl}/submission`, { as: 'fire', json: {} }), 400, 'consent');

    const { adult: _adult, reasons: _reasons, ...rest } = referralInput();
    const edited = await server.call('PUT', `${draftUrl}/draft`, { as: 'fire', json: { ...rest, expectedVersion: 1 } });
    expect(edited.status).toBe(200);
    expect((await edited.json()) as Json).toMatchObject({ version: 2, status: 'draft', reasons: 'Invented: smoke alarms removed.', consent: 'given' });

    // Not in the queue while a draft.
    const queueBefore = (await (await server.call('GET', '/api/screening-queue', { as: 'coordinator' })).json()) as Json[];
    expect(queueBefore.map((i) => i.id)).not.toContain(draft.id);

    const submitted = await server.call('POST', `${draftUrl}/submission`, { as: 'fire', json: { expectedVersion: 2 } });
    expect(submitted.status).toBe(200);
    expect((await submitted.json()) as Json).toMatchObject({ status: 'submitted', receivedAt: '2026-06-15T09:00:00.000Z', version: 3 });
    const queue = (await (await server.call('GET', '/api/screening-queue', { as: 'coordinator' })).json()) as Json[];
    expect(queue.map((i) => i.id)).toEqual([health.caseId, draft.id]);
  });

  it('refuses a draft without the adult\'s name (400) and a stale draft edit (409)', async () => {
    await expectRefusal(server.call('POST', '/api/referrals/drafts', { as: 'fire', json: { reasons: 'Invented.' } }), 400, 'adult');
    const draft = (await (await server.call('POST', '/api/referrals/drafts', { as: 'fire', json: { adult: { name: 'Drew Invented' } } })).json()) as Json;
    const url = `/api/cases/${draft.id as string}/draft`;
    expect((await server.call('PUT', url, { as: 'fire', json: { capacity: 'presumed', expectedVersion: 1 } })).status).toBe(200);
    const problem = await expectRefusal(server.call('PUT', url, { as: 'fire', json: { capacity: 'presumed', expectedVersion: 1 } }), 409);
    expect(problem.title).toBe('Changed by someone else');
    // Someone else's draft is refused whatever they send.
    // Another agency's draft is hidden from the police: it answers as a missing record would.
    await expectRefusal(server.call('PUT', url, { as: 'police', json: { capacity: 'presumed', expectedVersion: 2 } }), 404, undefined, true);
  });

  it('records a risk assessment (201), shows what changed in the case view, and answers a partner of another agency as for a missing case (404)', async () => {
    const url = `/api/cases/${police.caseId}/risk-assessments`;
    const body = (overallLevel: string, rating: string) => ({
      domains: [{ domain: 'home_environment', rating, evidence: 'Invented evidence.' }],
      protectiveFactors: 'Invented: a caring neighbour.',
      overallLevel,
      adultView: 'Invented: feels safe at home.',
    });
    const first = await server.call('POST', url, { as: 'police', json: { ...body('very_high', 'red'), expectedVersion: police.caseVersion } });
    expect(first.status).toBe(201);
    expect((await first.json()) as Json).toMatchObject({ assessmentNumber: 1, overallLevel: 'very_high', caseId: police.caseId });
    expect((await server.call('POST', url, { as: 'police', json: body('medium', 'amber') })).status).toBe(201);

    const view = (await (await server.call('GET', `/api/cases/${police.caseId}`, { as: 'police' })).json()) as {
      case: Json; riskAssessmentChanges: Json[];
    };
    expect(view.case.riskLevel).toBe('medium');
    expect(view.riskAssessmentChanges).toEqual([
      expect.objectContaining({ assessmentNumber: 2, domains: [{ domain: 'home_environment', from: 'red', to: 'amber' }], overallLevelChanged: true }),
    ]);

    await expectRefusal(server.call('POST', url, { as: 'fire', json: body('low', 'green') }), 404, undefined, true);
    await expectRefusal(server.call('POST', url, { as: 'police', json: { ...body('low', 'green'), overallLevel: 'none' } }), 400, 'overallLevel');
  });

  it('changes the plan with PATCH and refuses an empty change (400) and a stale one (409)', async () => {
    const url = `/api/cases/${police.caseId}/plan`;
    const ok = await server.call('PATCH', url, {
      as: 'police', json: { contingencyPlan: 'Invented: call the duty team.', nextReviewDate: '2026-08-01', expectedVersion: police.caseVersion },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()) as Json).toMatchObject({ contingencyPlan: 'Invented: call the duty team.', nextReviewDate: '2026-08-01', version: police.caseVersion + 1 });
    await expectRefusal(server.call('PATCH', url, { as: 'police', json: { expectedVersion: police.caseVersion + 1 } }), 400, '');
    await expectRefusal(server.call('PATCH', url, { as: 'police', json: { advocacyNeeded: true, expectedVersion: police.caseVersion } }), 409);
    // A PATCH body must be JSON like any other.
    const form = await server.call('PATCH', url, { as: 'police', body: 'advocacyNeeded=true', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
  });

  it('gives the home page to a signed-in member and 401 to anyone else', async () => {
    const res = await server.call('GET', '/api/home', { as: 'fire' });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { myActions: Json[]; awaitingMyAgency: Json[]; nextMeeting: unknown };
    expect(view.myActions).toEqual([]);
    expect(view.awaitingMyAgency).toEqual([{ id: health.caseId, ref: health.ref, initials: 'S.I.P.', riskCategories: ['self_neglect', 'fire_risk'], referrerAgencyId: 'ag-health', receivedAt: '2026-06-15T09:00:00.000Z', can: { recordInvolvement: true } }]);
    expect(view.nextMeeting).toBeNull();
    const mine = (await (await server.call('GET', '/api/home', { as: 'police' })).json()) as { myActions: Json[] };
    expect(mine.myActions.map((a) => a.id)).toEqual([police.actionId]);

    const anonymous = await server.call('GET', '/api/home');
    expect(anonymous.status).toBe(401);
    await problemOf(anonymous);
  });

  it('gives the screening queue to coordinators and refuses partners with 403', async () => {
    const res = await server.call('GET', '/api/screening-queue', { as: 'chair' });
    expect(res.status).toBe(200);
    expect((await res.json()) as Json[]).toEqual([
      expect.objectContaining({ id: health.caseId, ref: health.ref, status: 'submitted', daysWaiting: 0, answeredAgencies: 0 }),
    ]);
    await expectRefusal(server.call('GET', '/api/screening-queue', { as: 'police' }), 403);
  });
});
