import { apiRoutes } from '../../src/server/routes';
import { buildOpenApi } from '../../src/server/openapi';
import { policeCase } from './fixtures';
import { type TestServer, problemOf, startServer } from './server';

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[] };

/** Bad input on every route that takes a body (POST, PUT, PATCH): a clear 4xx problem naming what is wrong, never a 500, and nothing written. */
describe('bad input on every route that takes a body', () => {
  let server: TestServer;
  let ids: { caseId: string; actionId: string };
  const doc = buildOpenApi(apiRoutes) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>> };
  const postRoutes = apiRoutes.filter((r) => r.method !== 'get');

  beforeAll(async () => {
    server = await startServer();
    ids = await policeCase(server.world);
  });
  afterAll(() => server.close());

  const urlOf = (path: string, params: Record<string, string> = {}) =>
    path.replace(/:(\w+)/g, (_m, name: string) => (params[name] === 'actionId' ? ids.actionId : ids.caseId));
  const bodySchemaOf = (path: string, method: string) =>
    doc.paths[path.replace(/:(\w+)/g, '{$1}')]![method]!.requestBody!.content['application/json']!.schema;
  /** A value of the wrong JSON type for the property. */
  const wrongValue = (prop: Schema) => (prop.type === 'string' ? 12345 : 'not the right type');

  it('covers every route of the API that takes a body', () => {
    expect(postRoutes.map((r) => r.operationId).sort()).toEqual(
      ['addActionProgress', 'addChronologyEntry', 'changeActionDueDate', 'closeCase', 'completeAction', 'createAction', 'placeReferralOnAgenda',
        'provideInformation', 'recordInvolvement', 'recordScreeningDecision', 'requestInformation', 'submitReferral', 'withdrawReferral',
        'saveReferralDraft', 'updateReferralDraft', 'submitDraft', 'recordRiskAssessment', 'updateCasePlan', 'proposeClosure', 'runOverdueScan',
        'scheduleMeeting', 'buildAgenda', 'editAgenda', 'publishAgenda', 'startMeeting', 'moveToItem', 'recordDecision', 'recordAttendance', 'joinMeeting',
        'addMember', 'changeMember', 'addAgency', 'changeAgency', 'confirmAccessReview', 'exportAudit', 'breakGlass', 'restrictCase', 'recordSharingDecision', 'proposeDisposal', 'approveDisposal',
        'createLearningReview', 'addRecommendation', 'createReviewAction', 'addPlanObjective', 'createPlanAction', 'setActionRag',
        'endMeeting', 'editMinutes', 'approveMinutes', 'issueMinutes', 'exportIndicators', 'previewImport', 'importLog', 'exportSubjectAccess'].sort(),
    );
  });

  for (const route of postRoutes) {
    describe(`${route.method.toUpperCase()} ${route.path}`, () => {
      let before: Record<string, number>;
      beforeEach(async () => (before = await server.counts()));
      afterEach(async () => expect(await server.counts()).toEqual(before));

      it('refuses malformed JSON with 400', async () => {
        const res = await server.call(route.method.toUpperCase(), urlOf(route.path, route.params), {
          as: 'coordinator', body: '{"note": "unfinished', headers: { 'content-type': 'application/json' },
        });
        expect(res.status).toBe(400);
        expect((await problemOf(res)).detail).toMatch(/not valid JSON/);
      });

      it('refuses JSON that is not an object (array, null, a bare string) with 400', async () => {
        for (const body of ['[]', 'null', '"text"', '42']) {
          const res = await server.call(route.method.toUpperCase(), urlOf(route.path, route.params), {
            as: 'coordinator', body, headers: { 'content-type': 'application/json' },
          });
          expect(res.status).toBe(400);
          await problemOf(res);
        }
      });

      it('refuses a body that is not JSON with 415', async () => {
        for (const [type, body] of [['text/plain', 'note=hello'], ['application/x-www-form-urlencoded', 'note=hello']]) {
          const res = await server.call(route.method.toUpperCase(), urlOf(route.path, route.params), { as: 'coordinator', body, headers: { 'content-type': type! } });
          expect(res.status).toBe(415);
          expect((await problemOf(res)).detail).toMatch(/application\/json/);
        }
      });

      /** A route whose body has no fields (POST /api/scans/overdue): an empty body is its normal call. */
      const takesNoFields = () => Object.keys(bodySchemaOf(route.path, route.method).properties ?? {}).length === 0;

      it('answers an empty body with 400 naming the required fields', async () => {
        if (takesNoFields()) return; // its empty-body call is tested with its own behaviour (tests/notify/scanRoute.test.ts)
        const required = (bodySchemaOf(route.path, route.method).required ?? []).filter((f) => !Object.values(route.params ?? {}).includes(f));
        for (const headers of [{}, { 'content-type': 'application/json' }] as Record<string, string>[]) {
          if (required.length === 0) {
            // Nothing is required (completing without evidence): an empty body is valid input, so aim it at a record
            // that does not exist and expect the 404 that only comes after the input was accepted.
            const res = await server.call(route.method.toUpperCase(), route.path.replace(/:(\w+)/g, 'no-such-record'), { as: 'coordinator', body: '', headers });
            expect(res.status).toBe(404);
            await problemOf(res);
            continue;
          }
          const res = await server.call(route.method.toUpperCase(), urlOf(route.path, route.params), { as: 'coordinator', body: '', headers });
          expect(res.status).toBe(400);
          const problem = await problemOf(res);
          expect(problem.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(required));
          for (const e of problem.errors ?? []) expect(e.message).toBeTruthy();
        }
      });

      it('answers a wrong field type with 400 naming that field', async () => {
        if (takesNoFields()) {
          // No field to get wrong: any field at all is refused.
          const res = await server.call(route.method.toUpperCase(), urlOf(route.path, route.params), { as: 'coordinator', json: { note: 'x' } });
          expect(res.status).toBe(400);
          expect((await problemOf(res)).errors?.map((e) => e.field)).toEqual(['note']);
          return;
        }
        const schema = bodySchemaOf(route.path, route.method);
        const fields = Object.entries(schema.properties ?? {});
        expect(fields.length).toBeGreaterThan(0);
        for (const [field, prop] of fields) {
          const res = await server.call(route.method.toUpperCase(), urlOf(route.path, route.params), { as: 'coordinator', json: { [field]: wrongValue(prop) } });
          expect(res.status).toBe(400);
          const problem = await problemOf(res);
          expect(problem.errors?.map((e) => e.field)).toContain(field);
        }
      });
    });
  }

  it('refuses an unknown field instead of silently dropping it', async () => {
    const before = await server.counts();
    const res = await server.call('POST', `/api/cases/${ids.caseId}/chronology`, { as: 'coordinator', json: { status: 'closed' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify((await problemOf(res)).errors)).toContain('status');
    expect(await server.counts()).toEqual(before);
  });

  it('lets the path, not the body, say which case is meant', async () => {
    // A body naming another case is overridden by the path: the unknown case in the path is what is reported.
    const res = await server.call('POST', '/api/cases/no-such-case/withdrawal', {
      as: 'coordinator', json: { caseId: ids.caseId, reason: 'Invented reason.' },
    });
    expect(res.status).toBe(404);
    await problemOf(res);
  });

  it('refuses a body over 100 kB with a 413 problem', async () => {
    const before = await server.counts();
    const res = await server.call('POST', '/api/referrals', { as: 'police', json: { reasons: 'x'.repeat(110 * 1024) } });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).detail).toMatch(/100 kB/);
    expect(await server.counts()).toEqual(before);
  });

  it('answers bad query-string filters with 400 naming the parameter', async () => {
    for (const [route, field] of [
      ['/api/cases?status=nonsense', 'status'],
      ['/api/cases?page=zero', 'page'],
      ['/api/cases?reviewDue=perhaps', 'reviewDue'],
      ['/api/actions?scope=everything', 'scope'],
      ['/api/actions?scope=mine&includeFinished=perhaps', 'includeFinished'],
    ] as const) {
      const res = await server.call('GET', route, { as: 'coordinator' });
      expect(res.status).toBe(400);
      expect((await problemOf(res)).errors?.map((e) => e.field)).toContain(field);
    }
  });
});
