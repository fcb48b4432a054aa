import { can } from '../../src/policies';
import type { Actor } from '../../src/policies/actor';
import { type DemoServer, PERSONAS, startDemoServer } from '../support/demoServer';
import { GOVERNANCE_ROUTES } from './coverage';

// Governance routes through the real server, every demo persona against every route: the policy named in the matrix
// decides (coordinators keep members and agencies and read the audit trail; each agency lead reads and confirms their
// own agency's access review). Everyone else gets a 403 problem, and a refused write changes nothing.

jest.setTimeout(240_000);

let srv: DemoServer;
const actors = new Map<string, Actor>();
let caseId: string;
beforeAll(async () => {
  srv = await startDemoServer();
  caseId = (await srv.cases()).find((c) => c.status === 'open' && !c.restricted)!.id;
  for (const p of PERSONAS) actors.set(p.key, await srv.actorOf(p));
});
afterAll(async () => {
  await srv?.close();
});

const mayUse = (actor: Actor, allowed: (typeof GOVERNANCE_ROUTES)[string]['allowed']) =>
  allowed === 'readAccessReview' || allowed === 'confirmAccessReview'
    ? can(actor, allowed, 'agency', { agencyId: actor.member.agencyId })
    : can(actor, allowed, 'partnership', null);

describe('governance routes', () => {
  it('answer whom the policy allows, and refuse everyone else with 403, changing nothing', async () => {
    const failures: string[] = [];
    let allowedCells = 0;
    let refusedCells = 0;
    for (const [op, r] of Object.entries(GOVERNANCE_ROUTES)) {
      for (const p of PERSONAS) {
        const allowed = mayUse(actors.get(p.key)!, r.allowed);
        const before = r.method === 'GET' ? undefined : await srv.counts();
        const versions = r.method === 'GET' ? undefined : await srv.store.transaction(async (tx) => JSON.stringify([await tx.find('members'), await tx.find('agencies')]));
        const res = await srv.call(r.method, r.path({ ...p, caseId }), { as: p, ...(r.body ? { json: r.body(p) } : {}) });
        const raw = await res.text();
        const what = `${p.key} ${r.method} ${op}`;
        if (allowed) {
          allowedCells++;
          if (res.status >= 300) failures.push(`${what}: allowed, yet ${res.status} ${raw.slice(0, 200)}`);
          continue;
        }
        refusedCells++;
        if (res.status !== 403 || !res.headers.get('content-type')?.startsWith('application/problem+json')) failures.push(`${what}: refused, yet ${res.status} ${raw.slice(0, 200)}`);
        if (before) {
          const after = await srv.counts();
          const changed = Object.keys(after).filter((k) => k !== 'audit' && k !== 'counters' && after[k as keyof typeof after] !== before[k as keyof typeof before]);
          const nowVersions = await srv.store.transaction(async (tx) => JSON.stringify([await tx.find('members'), await tx.find('agencies')]));
          if (changed.length || nowVersions !== versions) failures.push(`${what}: refused, yet changed ${changed.join(', ') || 'members or agencies'}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(allowedCells).toBeGreaterThan(0);
    expect(refusedCells).toBeGreaterThan(0);
  });
});
