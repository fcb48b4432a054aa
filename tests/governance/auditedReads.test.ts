import { type TestServer, startServer } from '../api/server';
import { createOpenCase } from '../support/cases';
import { MEMBERS } from '../support/world';

// Issue 13: register and list reads are audited (one 'view' event per request, with the count and no personal data);
// sign-in is audited once per session, not per request; the audit trail is searched by case, person, agency and period
// and exported as CSV with formula cells neutralised, the export itself audited.

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const audit = () => server.world.store.transaction((tx) => tx.find('audit'));

it('writes one view event per list read, with the count and nothing personal', async () => {
  const open = await createOpenCase(server.world, { referrer: 'police' });
  const lists: [string, string, string][] = [
    ['/api/cases', 'caseList', 'listRegister'],
    ['/api/actions', 'actionList', 'listMyActions'],
    ['/api/actions?scope=agency', 'actionList', 'listAgencyActions'],
    ['/api/screening-queue', 'screeningQueue', 'listScreeningQueue'],
    ['/api/members', 'memberList', 'listMembers'],
  ];
  for (const [path, recordType, query] of lists) {
    const before = new Set((await audit()).map((e) => e.id));
    const res = await server.call('GET', path, { as: 'coordinator' });
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    const body = (await res.json()) as unknown[] | { items: unknown[] };
    const events = (await audit()).filter((e) => !before.has(e.id) && e.action === 'view');
    expect(events).toEqual([expect.objectContaining({ actorId: 'coordinator', recordType, recordId: query, change: { count: Array.isArray(body) ? body.length : body.items.length } })]);
    expect(JSON.stringify(events)).not.toContain(open.adult.name);
  }
});

it('audits sign-in once per session (the tab asking who it is), not per request', async () => {
  const signIns = async () => (await audit()).filter((e) => e.action === 'sign_in' && e.actorId === MEMBERS.health.id).length;
  expect(await signIns()).toBe(0);
  for (let i = 0; i < 3; i++) expect((await server.call('GET', '/api/me', { as: 'health' })).status).toBe(200);
  await server.call('GET', '/api/home', { as: 'health' });
  expect(await signIns()).toBe(1);
});

it('searches the trail by case, person, agency and period, and exports it as CSV with formula cells neutralised, audited', async () => {
  const c = await createOpenCase(server.world, { referrer: 'police' });
  await server.call('GET', `/api/cases/${c.id}`, { as: 'police' });
  // A reason starting with '=' lands in the trail: the export must not hand it to a spreadsheet as a formula.
  const r = await server.call('POST', `/api/cases/${c.id}/restriction`, { as: 'coordinator', json: { restricted: true, reason: '=HYPERLINK("http://x.example")' } });
  expect(r.status).toBe(200);

  const byCase = await (await server.call('GET', `/api/audit?ref=${c.ref}`, { as: 'coordinator' })).json() as { events: { recordId: string; actorId: string }[] };
  expect(byCase.events.length).toBeGreaterThan(1);
  expect(byCase.events.every((e) => e.recordId !== 'x')).toBe(true);
  expect(byCase.events.map((e) => e.actorId)).toEqual(expect.arrayContaining(['police', 'coordinator']));

  const byPerson = await (await server.call('GET', '/api/audit?memberId=police&from=2026-06-15&to=2026-06-15', { as: 'coordinator' })).json() as { events: { actorId: string }[] };
  expect(byPerson.events.length).toBeGreaterThan(0);
  expect(byPerson.events.every((e) => e.actorId === 'police')).toBe(true);
  const byAgency = await (await server.call('GET', '/api/audit?agencyId=ag-police', { as: 'coordinator' })).json() as { events: { actorAgencyId: string }[] };
  expect(byAgency.events.every((e) => e.actorAgencyId === 'ag-police')).toBe(true);
  const earlier = await (await server.call('GET', '/api/audit?to=2026-06-01', { as: 'coordinator' })).json() as { events: unknown[] };
  expect(earlier.events).toEqual([]);
  expect((await server.call('GET', '/api/audit?from=2026-06-20&to=2026-06-01', { as: 'coordinator' })).status).toBe(400);
  expect((await server.call('GET', '/api/audit', { as: 'police' })).status).toBe(403);

  const res = await server.call('POST', '/api/audit/exports', { as: 'coordinator', json: { ref: c.ref, reason: 'Invented: DPO request' } });
  expect(res.status).toBe(200);
  const file = await res.json() as { base64: string; rows: number; fileName: string };
  const csv = Buffer.from(file.base64, 'base64').toString('utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFseq,at,actorId,actorName,actorAgencyId,action,recordType,recordId,change,reason,correlationId');
  expect(file.rows).toBe(byCase.events.length);
  // csv-stringify doubles the quotes inside a quoted cell; the cell starts with an apostrophe, never with '='.
  expect(csv).toContain(`"'=HYPERLINK(""http://x.example"")"`);
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  const exported = (await audit()).filter((e) => e.action === 'export' && e.recordType === 'auditTrail');
  expect(exported).toEqual([expect.objectContaining({ actorId: 'coordinator', reason: 'Invented: DPO request', change: expect.objectContaining({ ref: c.ref, rows: file.rows }) })]);
});

it("lists a case's information-sharing decisions and the access review an agency lead confirms", async () => {
  const c = await createOpenCase(server.world, { referrer: 'police' });
  const sharing = await server.call('GET', `/api/cases/${c.id}/sharing-decisions`, { as: 'coordinator' });
  expect(sharing.status).toBe(200);
  expect(((await sharing.json()) as { ref: string }).ref).toBe(c.ref);
  expect((await server.call('GET', `/api/cases/${c.id}/sharing-decisions`, { as: 'fire' })).status).toBe(404);

  const review = await (await server.call('GET', '/api/admin/access-review?agencyId=ag-police', { as: 'policeLead' })).json() as {
    agencies: { members: { id: string; totalCases: number; visible: Record<string, number> }[]; canConfirm: boolean }[];
  };
  const police = review.agencies[0]!;
  expect(police.canConfirm).toBe(true);
  const alex = police.members.find((m) => m.id === 'police')!;
  expect(alex.visible['referrerAgency']).toBeGreaterThan(0);
  expect(police.members.find((m) => m.id === 'inactive')!.totalCases).toBe(0);
  expect((await server.call('GET', '/api/admin/access-review?agencyId=ag-fire', { as: 'policeLead' })).status).toBe(403);
  expect((await server.call('POST', '/api/admin/access-review/confirmations', { as: 'police', json: { agencyId: 'ag-police' } })).status).toBe(403);
  const confirmed = await server.call('POST', '/api/admin/access-review/confirmations', { as: 'policeLead', json: { agencyId: 'ag-police' } });
  expect(confirmed.status).toBe(200);
  expect(await confirmed.json()).toMatchObject({ accessReviewedById: 'policelead' });
});
