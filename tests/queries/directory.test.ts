import { ForbiddenError } from '../../src/domain/errors';
import { runQuery } from '../../src/queries';
import { listAgencies } from '../../src/queries/listAgencies';
import { listMembers } from '../../src/queries/listMembers';
import { createWorld, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

describe('listAgencies and listMembers', () => {
  it('lists agencies by name to any active member', async () => {
    const agencies = await runQuery(listAgencies, world.ctx('viewer'), {});
    expect(agencies.map((a) => a.shortName)).toEqual(['ASC', 'Fire', 'Health', 'Police']);
    expect(agencies[0]).toEqual({ id: 'ag-council', name: 'Test Council Adult Social Care', shortName: 'ASC', kind: 'council', active: true });
    await expect(runQuery(listAgencies, world.ctx('inactive'), {})).rejects.toThrow(ForbiddenError);
  });

  it('lists members with roles and agency, giving email addresses to coordinators only', async () => {
    const forPartner = await runQuery(listMembers, world.ctx('police'), {});
    expect(forPartner).toHaveLength(8);
    expect(forPartner.find((m) => m.id === 'policelead')).toEqual({
      id: 'policelead', name: 'Test policelead', agencyId: 'ag-police', roles: ['partner'], agencyLead: true, active: true,
    });
    expect(JSON.stringify(forPartner)).not.toContain('@');
    const forCoordinator = await runQuery(listMembers, world.ctx('coordinator'), {});
    expect(forCoordinator.find((m) => m.id === 'inactive')).toMatchObject({ active: false, email: 'inactive@example.test' });
    expect(forCoordinator.every((m) => typeof m.email === 'string')).toBe(true);
  });
});

describe('getMe', () => {
  it('answers who is signed in, their agency and what the app lets them do', async () => {
    const { getMe } = await import('../../src/queries/getMe');
    const me = await runQuery(getMe, world.ctx('policeLead'), {});
    expect(me.member).toEqual({ id: 'policelead', name: 'Test policelead', email: 'policelead@example.test', roles: ['partner'], agencyLead: true });
    expect(me.agency).toMatchObject({ id: 'ag-police', shortName: 'Police' });
    expect(me.can).toMatchObject({ refer: true, screen: false, readAgencyActions: false, runOverdueScan: false });
    expect((await runQuery(getMe, world.ctx('coordinator'), {})).can).toMatchObject({ screen: true, coordinate: true, runOverdueScan: true });
  });
});
