import { execute } from '../../src/kernel/command';
import { deescalateCase } from '../../src/commands/deescalateCase';
import { escalateCase } from '../../src/commands/escalateCase';
import { ConflictError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import type { CaseRecord } from '../../src/domain/records';
import { auditOf, createOpenCase, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

async function escalatedCase(): Promise<CaseRecord> {
  const open = await createOpenCase(world, { referrer: 'police' });
  return execute(escalateCase, world.ctx('coordinator'), { caseId: open.id, rationale: 'Risk rose.' });
}

describe('deescalateCase', () => {
  it('returns an escalated case to open, with the rationale in the audit trail', async () => {
    const escalated = await escalatedCase();
    const open = await execute(deescalateCase, world.ctx('chair'), { caseId: escalated.id, rationale: 'Invented: new tenancy support in place.' });
    expect(await getRecord(world, 'cases', escalated.id)).toEqual(open);
    expect(open).toMatchObject({ status: 'open', version: escalated.version + 1 });
    expect((await auditOf(world, escalated.id)).at(-1)).toMatchObject({
      actorId: 'chair',
      change: { status: { from: 'escalated', to: 'open' } },
      reason: 'Invented: new tenancy support in place.',
    });
  });

  it('refuses a blank rationale, naming the field and changing nothing', async () => {
    const escalated = await escalatedCase();
    const err = await expectRefused(world, () => execute(deescalateCase, world.ctx('coordinator'), { caseId: escalated.id, rationale: '' }), ValidationError);
    expect(fieldsOf(err)).toEqual(['rationale']);
  });

  it('answers a partner who cannot see the case exactly as for a missing one', async () => {
    const escalated = await escalatedCase();
    await expectHidden(world, () => execute(deescalateCase, world.ctx('fire'), { caseId: escalated.id, rationale: 'x' }), { type: 'case', id: escalated.id });
  });

  it('refuses to de-escalate an open case, naming the state and the allowed next steps', async () => {
    const open = await createOpenCase(world);
    const err = await expectRefused(world, () => execute(deescalateCase, world.ctx('coordinator'), { caseId: open.id, rationale: 'x' }), IllegalTransitionError);
    expect(err.message).toBe('A referral or case that is open cannot become open. Allowed next: escalated, closed.');
  });

  it('refuses a de-escalation made on a stale read', async () => {
    const escalated = await escalatedCase();
    await expectRefused(
      world,
      () => execute(deescalateCase, world.ctx('coordinator'), { caseId: escalated.id, rationale: 'x', expectedVersion: escalated.version - 1 }),
      ConflictError,
    );
  });
});
