import { execute, commands } from '../../src/commands';
import { MEMBERS, type Persona } from '../support/world';
import { type TestServer, startServer } from '../api/server';
import { BOARD_WORK_ROUTES } from './coverage';

// Learning reviews and the board plan, persona by persona through the real server: every active member reads them;
// only coordinators write; a refused write is 403 and changes nothing; a missing review or objective is 404 for all.

jest.setTimeout(120_000);

let server: TestServer;
let ids: { reviewId: string; objectiveId: string };
const PERSONAS = Object.keys(MEMBERS).filter((p) => p !== 'inactive') as Persona[];
/** Every kind's count but the audit trail's (a refusal is itself audited). */
const records = async () => ({ ...(await server.counts()), audit: 0 });
const MISSING = { reviewId: 'review-does-not-exist', objectiveId: 'objective-does-not-exist' };

beforeAll(async () => {
  server = await startServer();
  const ctx = server.world.ctx('coordinator');
  const review = await execute(commands.createLearningReview, ctx, { title: 'Invented matrix review', kind: 'sar', startedOn: '2026-05-01' });
  await execute(commands.addRecommendation, ctx, { reviewId: review.id, text: 'Invented recommendation.' });
  const objective = await execute(commands.addPlanObjective, ctx, { priorityCode: 'SAB1', priorityTitle: 'Invented', objective: 'Invented.', successMeasure: 'Invented.' });
  ids = { reviewId: review.id, objectiveId: objective.id };
});
afterAll(() => server.close());

describe('learning reviews and the board plan', () => {
  it('are read by every member and written by coordinators only; refusals change nothing', async () => {
    const failures: string[] = [];
    for (const [op, r] of Object.entries(BOARD_WORK_ROUTES)) {
      for (const p of PERSONAS) {
        const writer = MEMBERS[p].roles.includes('coordinator');
        const before = await records();
        const res = await server.call(r.method, r.path(ids), { as: p, ...(r.body ? { json: r.body } : {}) });
        const expected = r.method === 'GET' || writer ? [200, 201] : [403];
        if (!expected.includes(res.status)) failures.push(`${p} ${op}: ${res.status} ${await res.text()}`);
        if (res.status === 403 && JSON.stringify(await records()) !== JSON.stringify(before)) failures.push(`${p} ${op}: refused but changed something`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answer a missing review or objective with 404 for everyone allowed past the policy', async () => {
    const failures: string[] = [];
    for (const [op, r] of Object.entries(BOARD_WORK_ROUTES)) {
      if (r.path(MISSING) === r.path(ids)) continue; // creates: they name no record
      for (const p of PERSONAS.filter((x) => r.method === 'GET' || MEMBERS[x].roles.includes('coordinator'))) {
        const res = await server.call(r.method, r.path(MISSING), { as: p, ...(r.body ? { json: r.body } : {}) });
        if (res.status !== 404) failures.push(`${p} ${op} on a missing record: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuse an inactive member everything', async () => {
    for (const r of Object.values(BOARD_WORK_ROUTES)) {
      const res = await server.call(r.method, r.path(ids), { as: 'inactive', ...(r.body ? { json: r.body } : {}) });
      expect(res.status).toBeGreaterThanOrEqual(401);
      expect(res.status).toBeLessThan(404);
    }
  });
});
