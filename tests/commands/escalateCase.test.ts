import { execute } from '../../src/kernel/command';
import { escalateCase } from '../../src/commands/escalateCase';
import { ConflictError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { auditOf, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const RATIONALE = 'Invented: second fire at the property this month.';

describe('escalateCase', () => {
  it('lets the lead agency escalate an open case, with the rationale in the audit trail', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const escalated = await execute(escalateCase, world.ctx('police'), { caseId: open.id, rationale: RATIONALE });
    expect(await getRecord(world, 'cases', open.id)).toEqual(escalated);
    expect(escalated).toMatchObject({ status: 'escalated', version: open.version + 1 });
    expect((await auditOf(world, open.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'police',
      change: { status: { from: 'open', to: 'escalated' } },
      reason: RATIONALE,
    });
  });

  it('refuses a missing rationale, naming the field and changing nothing', async () => {
    const open = await createOpenCase(world);
    const err = await expectRefused(world, () => execute(escalateCase, world.ctx('coordinator'), { caseId: open.id }), ValidationError);
    expect(fieldsOf(err)).toEqual(['rationale']);
  });

  it.each(['health', 'viewer'] as const)('answers %s, who cannot see the case, as for a missing one', async (persona) => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await expectHidden(world, () => execute(escalateCase, world.ctx(persona), { caseId: open.id, rationale: RATIONALE }), { type: 'case', id: open.id });
  });

  it('refuses to escalate a referral or an escalated case, naming the state and the allowed next steps', async () => {
    const referral = await createSubmittedReferral(world);
    const notYet = await expectRefused(world, () => execute(escalateCase, world.ctx('coordinator'), { caseId: referral.id, rationale: RATIONALE }), IllegalTransitionError);
    expect(notYet.message).toContain('that is submitted cannot become escalated. Allowed next: info requested, listed, open');
    const open = await createOpenCase(world);
    await execute(escalateCase, world.ctx('coordinator'), { caseId: open.id, rationale: RATIONALE });
    const again = await expectRefused(world, () => execute(escalateCase, world.ctx('coordinator'), { caseId: open.id, rationale: RATIONALE }), IllegalTransitionError);
    expect(again.message).toBe('A referral or case that is escalated cannot become escalated. Allowed next: open, closed.');
  });

  it('refuses an escalation made on a stale read', async () => {
    const open = await createOpenCase(world);
    await expectRefused(
      world,
      () => execute(escalateCase, world.ctx('coordinator'), { caseId: open.id, rationale: RATIONALE, expectedVersion: open.version + 1 }),
      ConflictError,
    );
  });
});
