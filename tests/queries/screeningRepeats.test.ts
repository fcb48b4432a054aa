import { runQuery } from '../../src/queries';
import { listScreeningQueue } from '../../src/queries/listScreeningQueue';
import { insert, makeCase, makeOpenCase } from '../support/records';
import { createWorld, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const queue = async (persona: Persona) => Object.fromEntries((await runQuery(listScreeningQueue, world.ctx(persona), {})).map((i) => [i.id, i]));
const ann = { name: 'Ann Invented', dateOfBirth: '1950-01-01' };

// FIXED_NOW is 2026-06-15T09:00Z; every adult is invented.
describe('the screening queue flags repeat referrals', () => {
  beforeEach(async () => {
    await insert(world.store, 'cases',
      // Earlier referrals.
      makeOpenCase({ id: 'e-nhs', receivedAt: '2026-01-10T10:00:00.000Z', adult: { name: 'Ann Invented-Smith', nhsNumber: '9434765919' } }),
      makeCase({ id: 'e-name', status: 'declined', receivedAt: '2025-11-02T10:00:00.000Z', adult: { name: 'bo  INVENTED', dateOfBirth: '1940-02-02' } }),
      makeCase({ id: 'e-old', status: 'declined', receivedAt: '2025-05-01T10:00:00.000Z', adult: { name: 'Cy Invented', nhsNumber: '9990000018' } }),
      makeOpenCase({ id: 'e-restricted', receivedAt: '2026-02-01T10:00:00.000Z', restricted: true, leadAgencyId: 'ag-police', adult: { name: 'Di Invented', dateOfBirth: '1955-05-05' } }),
      makeCase({ id: 'e-namesake', status: 'declined', receivedAt: '2026-03-01T10:00:00.000Z', adult: { name: 'Ed Invented', dateOfBirth: '1970-07-07' } }),
      // Awaiting screening now.
      makeCase({ id: 'q-nhs', receivedAt: '2026-06-01T10:00:00.000Z', adult: { ...ann, nhsNumber: '943 476 5919' } }),
      makeCase({ id: 'q-name', receivedAt: '2026-06-02T10:00:00.000Z', adult: { name: 'Bo Invented', dateOfBirth: '1940-02-02' } }),
      makeCase({ id: 'q-old', receivedAt: '2026-06-03T10:00:00.000Z', adult: { name: 'Cy Invented', nhsNumber: '9990000018' } }),
      makeCase({ id: 'q-hidden', receivedAt: '2026-06-04T10:00:00.000Z', adult: { name: 'Di Invented', dateOfBirth: '1955-05-05' } }),
      makeCase({ id: 'q-namesake', receivedAt: '2026-06-05T10:00:00.000Z', adult: { name: 'Ed Invented', dateOfBirth: '1971-01-01' } }),
    );
  });

  it('links the earlier case by NHS number and by name and date of birth, not after 12 months nor for a namesake', async () => {
    const items = await queue('coordinator');
    const ref = async (id: string) => (await world.store.transaction((tx) => tx.get('cases', id)))!.ref;
    expect(items['q-nhs']!.repeatOf).toEqual({ caseId: 'e-nhs', ref: await ref('e-nhs') });
    expect(items['q-name']!.repeatOf).toEqual({ caseId: 'e-name', ref: await ref('e-name') });
    expect(items['q-old']).not.toHaveProperty('repeatOf');
    expect(items['q-namesake']).not.toHaveProperty('repeatOf');
    // The coordinator may open the restricted case, so sees its link.
    expect(items['q-hidden']!.repeatOf).toEqual({ caseId: 'e-restricted', ref: await ref('e-restricted') });
  });

  it('tells a chair who may not read the earlier (restricted) case only that the adult was referred before', async () => {
    const items = await queue('chair');
    expect(items['q-hidden']!.repeatOf).toEqual({});
    expect(JSON.stringify(items['q-hidden'])).not.toContain('e-restricted');
    expect(items['q-nhs']!.repeatOf).toMatchObject({ caseId: 'e-nhs' });
  });
});
