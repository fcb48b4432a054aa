import fc from 'fast-check';
import { DEMO_PERSONAS } from '../../src/demo/personas';
import { CASE_STATUSES, ROLES } from '../../src/domain/enums';
import type { CaseRecord } from '../../src/domain/records';
import { canReadCase, canReadCaseSummary } from '../../src/policies';
import type { Actor } from '../../src/policies/actor';
import { caseAudience, memberAudience } from '../../src/store/caseAudience';
import { makeCase } from '../support/records';
import { demoWorld } from './demoWorld';

// The audience keys (src/store/caseAudience.ts) must answer "may this person see this case, at least in summary"
// exactly as the policy does: for every demo person and case, and for invented people and cases.

const sees = (actor: Actor, c: CaseRecord): boolean => {
  const keys = memberAudience({ id: actor.member.id, agencyId: actor.member.agencyId, roles: actor.member.roles, active: actor.member.active });
  if (keys === null) return true;
  const audience = caseAudience(c);
  return keys.some((k) => audience.includes(k));
};

describe('case audience', () => {
  it('agrees with the policy for every demo person and every demo case', async () => {
    const world = await demoWorld();
    try {
      const cases = await world.store.transaction((tx) => tx.find('cases'));
      expect(cases.length).toBeGreaterThan(20);
      for (const p of DEMO_PERSONAS) {
        const { actor } = await world.ctxFor(p.key);
        for (const c of cases) expect({ who: p.key, ref: c.ref, sees: sees(actor, c) }).toEqual({ who: p.key, ref: c.ref, sees: canReadCaseSummary(actor, c) });
      }
    } finally {
      await world.close();
    }
  });

  it('agrees with the policy for invented people and cases', () => {
    const agency = fc.constantFrom('ag-a', 'ag-b', 'ag-c');
    const memberId = fc.constantFrom('m1', 'm2', 'm3');
    fc.assert(
      fc.property(
        fc.record({ id: memberId, agencyId: agency, roles: fc.subarray([...ROLES]), active: fc.boolean() }),
        fc.record({
          status: fc.constantFrom(...CASE_STATUSES),
          restricted: fc.boolean(),
          referrerMemberId: memberId,
          referrerAgencyId: agency,
          leadAgencyId: fc.option(agency, { nil: undefined }),
          namedMemberIds: fc.subarray(['m1', 'm2', 'm3']),
          involvements: fc.array(fc.record({ agencyId: agency, known: fc.boolean() }), { maxLength: 3 }),
        }),
        (m, shape) => {
          const { leadAgencyId, involvements, ...rest } = shape;
          const c = makeCase({
            ...rest,
            ...(leadAgencyId ? { leadAgencyId } : {}),
            involvements: involvements.map((i) => ({ ...i, byMemberId: 'm1', at: '2026-05-01T10:00:00.000Z' })),
          });
          const actor = { member: { id: m.id, agencyId: m.agencyId, roles: m.roles, active: m.active }, agency: { id: m.agencyId } } as unknown as Actor;
          expect(sees(actor, c)).toBe(canReadCaseSummary(actor, c));
          // The full read is the summary read minus the screenable key (used by the register to split full from summary).
          expect(canReadCase(actor, c) || !sees(actor, c) || caseAudience(c).includes('pc:screenable')).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
