import { CASE_NOT_FOUND } from '../../src/kernel/caseAccess';
import { referralInput } from '../support/world';
import { healthReferral, policeCase } from './fixtures';
import { type TestServer, problemOf, startServer } from './server';

type Json = Record<string, unknown>;

describe('cases over HTTP', () => {
  let server: TestServer;
  let police: Awaited<ReturnType<typeof policeCase>>;
  let health: Awaited<ReturnType<typeof healthReferral>>;
  beforeEach(async () => {
    server = await startServer();
    police = await policeCase(server.world);
    health = await healthReferral(server.world);
  });
  afterEach(() => server.close());

  it('creates a referral with 201 and returns it with its reference', async () => {
    const res = await server.call('POST', '/api/referrals', { as: 'fire', json: referralInput() });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const created = (await res.json()) as Json;
    expect(created).toMatchObject({ ref: 'CASPA-2026-0003', status: 'submitted', referrerAgencyId: 'ag-fire', initials: 'A.I.E.' });
    const fetched = await server.call('GET', `/api/cases/by-ref/caspa-2026-3`, { as: 'fire' });
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { case: Json }).case.id).toBe(created.id);
  });

  it('refuses a viewer submitting a referral with 403, auditing the refusal and writing nothing else', async () => {
    const before = await server.counts();
    const res = await server.call('POST', '/api/referrals', { as: 'viewer', json: referralInput() });
    expect(res.status).toBe(403);
    expect((await problemOf(res)).title).toBe('Not permitted');
    expect(await server.counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('gives the same 404 for a missing case and for one the caller may not see', async () => {
    const missing = await server.call('GET', '/api/cases/no-such-case', { as: 'fire' });
    const hidden = await server.call('GET', `/api/cases/${police.caseId}`, { as: 'fire' });
    const hiddenByRef = await server.call('GET', `/api/cases/by-ref/${police.ref}`, { as: 'fire' });
    for (const res of [missing, hidden, hiddenByRef]) {
      expect(res.status).toBe(404);
      expect((await problemOf(res)).detail).toBe(CASE_NOT_FOUND);
    }
    // The lead agency sees it in full.
    const lead = await server.call('GET', `/api/cases/${police.caseId}`, { as: 'police' });
    expect(lead.status).toBe(200);
    expect(((await lead.json()) as Json).access).toBe('full');
  });

  it('shows an uninvolved partner only the summary of a new referral', async () => {
    const res = await server.call('GET', `/api/cases/${health.caseId}`, { as: 'fire' });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { access: string; case: Json };
    expect(view.access).toBe('summary');
    expect(view.case).not.toHaveProperty('adult');
    expect(JSON.stringify(view)).not.toContain('Sam Invented Person');
  });

  it('shows the register in full to a coordinator and only what the fire partner may see', async () => {
    const asCoordinator = (await (await server.call('GET', '/api/cases', { as: 'coordinator' })).json()) as { items: Json[]; total: number };
    expect(asCoordinator.total).toBe(2);
    expect(asCoordinator.items.map((i) => [i.ref, i.access]).sort()).toEqual([[police.ref, 'full'], [health.ref, 'full']].sort());

    const asFire = (await (await server.call('GET', '/api/cases', { as: 'fire' })).json()) as { items: Json[]; total: number };
    expect(asFire.total).toBe(1);
    expect(asFire.items).toEqual([expect.objectContaining({ ref: health.ref, access: 'summary' })]);
    expect(asFire.items[0]).not.toHaveProperty('riskLevel');

    const filtered = (await (await server.call('GET', '/api/cases?status=open&riskLevel=high', { as: 'coordinator' })).json()) as { items: Json[] };
    expect(filtered.items.map((i) => i.ref)).toEqual([police.ref]);
  });

  it('records an involvement with 200 and answers a stale expectedVersion with 409, changing nothing', async () => {
    const ok = await server.call('POST', `/api/cases/${health.caseId}/involvement`, {
      as: 'fire', json: { known: true, note: 'Invented note: fire visit last year.', expectedVersion: health.version },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Json).version).toBe(health.version + 1);

    const before = await server.counts();
    const stale = await server.call('POST', `/api/cases/${health.caseId}/involvement`, {
      as: 'police', json: { known: false, expectedVersion: health.version },
    });
    expect(stale.status).toBe(409);
    expect((await problemOf(stale)).title).toBe('Changed by someone else');
    expect(await server.counts()).toEqual(before);
  });

  it('answers an illegal transition with 409 naming the current state and the allowed steps', async () => {
    const before = await server.counts();
    const res = await server.call('POST', `/api/cases/${police.caseId}/withdrawal`, { as: 'coordinator', json: { reason: 'Invented reason.' } });
    expect(res.status).toBe(409);
    const problem = await problemOf(res);
    expect(problem.title).toBe('Not allowed in the current state');
    expect(problem.detail).toMatch(/is open cannot become withdrawn.*escalated, closed/);
    expect(await server.counts()).toEqual(before);
  });

  it('creates chronology entries and actions with 201', async () => {
    const entry = await server.call('POST', `/api/cases/${police.caseId}/chronology`, {
      as: 'police',
      json: { occurredAt: '2026-06-14T10:00:00Z', type: 'police_call_out', summary: 'Invented call-out.', significance: 'medium' },
    });
    expect(entry.status).toBe(201);
    const action = await server.call('POST', `/api/cases/${police.caseId}/actions`, {
      as: 'police',
      json: { description: 'Invented: fit smoke alarms.', successMeasure: 'Alarms fitted.', ownerId: 'fire', dueDate: '2026-07-10' },
    });
    expect(action.status).toBe(201);
    expect(((await action.json()) as Json).agencyId).toBe('ag-fire');
  });

  it('closes a case at the version read, and keeps its audit trail for coordinators only', async () => {
    const read = (await (await server.call('GET', `/api/cases/${police.caseId}`, { as: 'coordinator' })).json()) as { case: { version: number } };
    const body = { reason: 'risk_reduced', rationale: 'Invented: risk now managed.' };
    const stale = await server.call('POST', `/api/cases/${police.caseId}/closure`, {
      as: 'coordinator', json: { ...body, expectedVersion: read.case.version - 1 },
    });
    expect(stale.status).toBe(409);
    const ok = await server.call('POST', `/api/cases/${police.caseId}/closure`, {
      as: 'coordinator', json: { ...body, expectedVersion: read.case.version },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Json).status).toBe('closed');

    const audit = await server.call('GET', `/api/cases/${police.caseId}/audit`, { as: 'coordinator' });
    expect(audit.status).toBe(200);
    const denied = await server.call('GET', `/api/cases/${police.caseId}/audit`, { as: 'police' });
    expect(denied.status).toBe(403);
    await problemOf(denied);
  });
});

describe('actions, meetings and the directory over HTTP', () => {
  let server: TestServer;
  let police: Awaited<ReturnType<typeof policeCase>>;
  beforeAll(async () => {
    server = await startServer();
    police = await policeCase(server.world);
  });
  afterAll(() => server.close());

  it('lists my actions by default, my agency\'s, and the overdue ones', async () => {
    const mine = (await (await server.call('GET', '/api/actions', { as: 'police' })).json()) as Json[];
    expect(mine.map((a) => a.id)).toEqual([police.actionId]);
    const agency = (await (await server.call('GET', '/api/actions?scope=agency', { as: 'policeLead' })).json()) as Json[];
    expect(agency.map((a) => a.id)).toEqual([police.actionId]);
    const fireMine = (await (await server.call('GET', '/api/actions?scope=mine', { as: 'fire' })).json()) as Json[];
    expect(fireMine).toEqual([]);
    // The action is due 2026-07-01 and the clock says 2026-06-15: nothing is overdue.
    const overdue = (await (await server.call('GET', '/api/actions?scope=overdue', { as: 'coordinator' })).json()) as Json[];
    expect(overdue).toEqual([]);
    const otherAgency = await server.call('GET', '/api/actions?scope=agency&agencyId=ag-fire', { as: 'police' });
    expect(otherAgency.status).toBe(403);
  });

  it('records progress and answers a stale version on an action with 409', async () => {
    const ok = await server.call('POST', `/api/actions/${police.actionId}/progress`, {
      as: 'police', json: { note: 'Invented: visit booked.', expectedVersion: police.actionVersion },
    });
    expect(ok.status).toBe(200);
    const stale = await server.call('POST', `/api/actions/${police.actionId}/due-date`, {
      as: 'police', json: { dueDate: '2026-07-20', reason: 'Invented reason.', expectedVersion: police.actionVersion },
    });
    expect(stale.status).toBe(409);
    await problemOf(stale);
    const missing = await server.call('POST', '/api/actions/no-such-action/completion', { as: 'police', json: {} });
    expect(missing.status).toBe(404);
    await problemOf(missing);
  });

  it('lists meetings, agencies and members to a signed-in member', async () => {
    for (const route of ['/api/meetings', '/api/agencies', '/api/members']) {
      const res = await server.call('GET', route, { as: 'fire' });
      expect(res.status).toBe(200);
      expect(Array.isArray(await res.json())).toBe(true);
    }
    const agencies = (await (await server.call('GET', '/api/agencies', { as: 'fire' })).json()) as Json[];
    expect(agencies.map((a) => a.shortName).sort()).toEqual(['ASC', 'Fire', 'Health', 'Police']);
  });
});
