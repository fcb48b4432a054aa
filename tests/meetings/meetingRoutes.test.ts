import { meetingViewSchema, paths, stageViewSchema } from '../../src/contract';
import { createListedReferral } from '../support/cases';
import { problemOf, startServer, type TestServer } from '../api/server';

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());

describe('meeting routes', () => {
  it('a coordinator schedules, builds and publishes; the chair starts and moves; every answer is the meeting view; the stage parses', async () => {
    await createListedReferral(server.world, 'police');
    await createListedReferral(server.world, 'health');
    const created = await server.call('POST', paths.meetings(), { as: 'coordinator', json: {
      title: 'Invented August panel', startsAt: '2026-08-05T09:30:00Z', lengthMinutes: 90, chairId: 'chair',
      quorum: { coreAgencyIds: ['ag-council', 'ag-police'], minCoreShare: 0.5, chairRequired: true },
    } });
    expect(created.status).toBe(201);
    let view = meetingViewSchema.parse(await created.json());
    view = meetingViewSchema.parse(await (await server.call('POST', paths.meetingAgenda(view.id), { as: 'coordinator', json: { expectedVersion: view.version } })).json());
    expect(view.agenda).toHaveLength(2);
    view = meetingViewSchema.parse(await (await server.call('POST', paths.meetingPublication(view.id), { as: 'coordinator', json: {} })).json());
    expect(view.status).toBe('agenda_published');

    // A partner cannot start it, whatever the body says about who they are.
    const refused = await server.call('POST', paths.meetingStart(view.id), { as: 'police', json: { expectedVersion: view.version } });
    expect(refused.status).toBe(403);
    view = meetingViewSchema.parse(await (await server.call('POST', paths.meetingStart(view.id), { as: 'chair', json: { expectedVersion: view.version } })).json());
    expect(view.current?.order).toBe(1);
    const moved = await server.call('POST', paths.meetingCurrentItem(view.id), { as: 'chair', json: { expectedVersion: view.version, agendaItemId: view.agenda[1]!.id } });
    view = meetingViewSchema.parse(await moved.json());
    expect(view.current?.order).toBe(2);

    const stale = await server.call('POST', paths.meetingCurrentItem(view.id), { as: 'chair', json: { expectedVersion: view.version - 1, agendaItemId: view.agenda[0]!.id } });
    expect(stale.status).toBe(409);
    const missing = await server.call('POST', paths.meetingDecisions(view.id), { as: 'chair', json: { agendaItemId: view.agenda[1]!.id, outcome: 'decline' } });
    expect(missing.status).toBe(400);
    expect((await problemOf(missing)).errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['rationale', 'dissent']));

    const stage = stageViewSchema.parse(await (await server.call('GET', paths.meetingStage(view.id), { as: 'fire' })).json());
    expect(stage.current?.order).toBe(2);
    expect(JSON.stringify(stage)).not.toContain('Alex Imaginary Example');
  });
});
