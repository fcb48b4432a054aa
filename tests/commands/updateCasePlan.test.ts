import { closeCase } from '../../src/commands/closeCase';
import { execute } from '../../src/kernel/command';
import { updateCasePlan } from '../../src/commands/updateCasePlan';
import { ConflictError, ValidationError } from '../../src/domain/errors';
import { auditOf, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const CONTINGENCY = 'Invented: if the door is not answered twice, call the duty team and the fire service.';

describe('updateCasePlan', () => {
  it('changes the parts given and audits dates, ids and flags from → to, but narrative only by name', async () => {
    const open = await createOpenCase(world, { referrer: 'police', nextReviewDate: '2026-07-15' });
    const updated = await execute(updateCasePlan, world.ctx('police'), {
      caseId: open.id,
      expectedVersion: open.version,
      contingencyPlan: CONTINGENCY,
      escalationPlan: 'Invented: escalate to the chair within a day.',
      nextReviewDate: '2026-08-01',
      leadProfessionalId: 'policelead',
      leadCoordinatorId: 'health',
      advocacyNeeded: true,
    });
    expect(updated).toMatchObject({
      version: open.version + 1,
      contingencyPlan: CONTINGENCY,
      nextReviewDate: '2026-08-01',
      leadProfessionalId: 'policelead',
      leadCoordinatorId: 'health',
      advocacyNeeded: true,
      updatedAt: FIXED_NOW.toISOString(),
    });
    // Naming the lead coordinator (another agency) lets them read the case.
    expect(updated.namedMemberIds).toContain('health');
    expect(await getRecord(world, 'cases', open.id)).toEqual(updated);

    const event = (await auditOf(world, open.id)).at(-1)!;
    expect(event).toMatchObject({ action: 'update', actorId: 'police' });
    expect(event.change).toEqual({
      nextReviewDate: { from: '2026-07-15', to: '2026-08-01' },
      leadProfessionalId: { from: 'police', to: 'policelead' },
      leadCoordinatorId: { from: null, to: 'health' },
      advocacyNeeded: { from: false, to: true },
      narrativeChanged: ['contingencyPlan', 'escalationPlan'],
    });
    expect(JSON.stringify(event)).not.toMatch(/duty team|chair within/);
  });

  it('writes nothing when every part given is as stored', async () => {
    const open = await createOpenCase(world, { nextReviewDate: '2026-07-15' });
    const auditBefore = (await auditOf(world, open.id)).length;
    const same = await execute(updateCasePlan, world.ctx('coordinator'), { caseId: open.id, expectedVersion: open.version, nextReviewDate: '2026-07-15' });
    expect(same.version).toBe(open.version);
    expect(await auditOf(world, open.id)).toHaveLength(auditBefore);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no part of the plan', {}, ['']],
    ['no expected version', { expectedVersion: undefined, advocacyNeeded: true }, ['expectedVersion']],
    ['a blank contingency plan', { contingencyPlan: '   ' }, ['contingencyPlan']],
    ['a review date in the past', { nextReviewDate: '2026-06-14' }, ['nextReviewDate']],
    ['a review date that is not a date', { nextReviewDate: 'next week' }, ['nextReviewDate']],
    ['a lead professional outside the lead agency', { leadProfessionalId: 'fire' }, ['leadProfessionalId']],
    ['an inactive lead coordinator', { leadCoordinatorId: 'inactive' }, ['leadCoordinatorId']],
    ['a risk level (set by a risk assessment)', { riskLevel: 'low', advocacyNeeded: true }, ['riskLevel']],
  ])('refuses %s, naming the field and changing nothing', async (_label, overrides, fields) => {
    const open = await createOpenCase(world);
    const err = await expectRefused(
      world,
      () => execute(updateCasePlan, world.ctx('police'), { caseId: open.id, expectedVersion: open.version, ...overrides }),
      ValidationError,
    );
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['fire', 'health', 'viewer'] as const)('answers %s, who cannot see the case, as for a missing one and audits the refusal', async (persona) => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await expectHidden(
      world,
      () => execute(updateCasePlan, world.ctx(persona), { caseId: open.id, expectedVersion: open.version, contingencyPlan: CONTINGENCY }),
      { type: 'case', id: open.id },
    );
  });

  it('refuses a plan change on a referral and on a closed case', async () => {
    const referral = await createSubmittedReferral(world);
    await expectRefused(
      world,
      () => execute(updateCasePlan, world.ctx('coordinator'), { caseId: referral.id, expectedVersion: referral.version, contingencyPlan: CONTINGENCY }),
      ConflictError,
    );
    const open = await createOpenCase(world);
    const closed = await execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'moved_area', rationale: 'Invented: moved away.' });
    const err = await expectRefused(
      world,
      () => execute(updateCasePlan, world.ctx('coordinator'), { caseId: open.id, expectedVersion: closed.version, contingencyPlan: CONTINGENCY }),
      ConflictError,
    );
    expect(err.message).toMatch(/is closed/);
  });

  it('refuses a change made from a stale read', async () => {
    const open = await createOpenCase(world);
    await execute(updateCasePlan, world.ctx('coordinator'), { caseId: open.id, expectedVersion: open.version, advocacyNeeded: true });
    await expectRefused(
      world,
      () => execute(updateCasePlan, world.ctx('police'), { caseId: open.id, expectedVersion: open.version, contingencyPlan: CONTINGENCY }),
      ConflictError,
    );
  });
});
