import { execute } from '../../src/kernel/command';
import { completeAction } from '../../src/commands/completeAction';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createActionOn, createOpenCase, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

async function healthAction(opts: { started?: boolean } = {}) {
  const open = await createOpenCase(world, { referrer: 'police' });
  return { open, action: await createActionOn(world, open.id, 'health', opts) };
}

describe('completeAction', () => {
  it('completes the owner\'s action with evidence, audits it and queues the completion card', async () => {
    const { open, action } = await healthAction({ started: true });
    const done = await execute(completeAction, world.ctx('health'), { actionId: action.id, evidence: 'Invented: GP letter of 12 June.' });

    expect(await getRecord(world, 'actions', action.id)).toEqual(done);
    expect(done).toMatchObject({
      status: 'completed',
      completedAt: FIXED_NOW.toISOString(),
      completedById: 'health',
      evidence: 'Invented: GP letter of 12 June.',
      version: action.version + 1,
    });
    expect((await auditOf(world, action.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'health',
      change: { status: { from: 'in_progress', to: 'completed' }, evidenceAdded: true },
    });
    const cards = (await allRecords(world, 'outbox')).filter((o) => o.kind === 'actionCompleted');
    expect(cards.map((c) => c.payload)).toEqual([{ actionId: action.id, caseId: open.id, ref: open.ref, outcome: 'completed', completedById: 'health' }]);
    expect(JSON.stringify(cards)).not.toContain('GP letter');
  });

  it('records an action not done by the agency, from not started, by a coordinator', async () => {
    const { action } = await healthAction();
    const ended = await execute(completeAction, world.ctx('coordinator'), { actionId: action.id, outcome: 'not_done_agency' });
    expect(ended).toMatchObject({ status: 'not_done_agency', completedById: 'coordinator' });
    expect(ended.evidence).toBeUndefined();
  });

  it('tells the second of two simultaneous presses who completed it and when, in UK time', async () => {
    const { action } = await healthAction();
    const presses = await Promise.allSettled([
      execute(completeAction, world.ctx('health'), { actionId: action.id, expectedVersion: action.version }),
      execute(completeAction, world.ctx('coordinator'), { actionId: action.id, expectedVersion: action.version }),
    ]);
    expect(presses.map((p) => p.status)).toEqual(['fulfilled', 'rejected']);
    const second = (presses[1] as PromiseRejectedResult).reason as Error;
    expect(second).toBeInstanceOf(ConflictError);
    // 09:00 UTC in June is 10:00 in London (BST).
    expect(second.message).toBe('This action was already completed by Test health on 15 June 2026 at 10:00.');
    expect((await allRecords(world, 'outbox')).filter((o) => o.kind === 'actionCompleted')).toHaveLength(1);
    expect((await getRecord(world, 'actions', action.id))!.completedById).toBe('health');
  });

  it('tells a later press the same, without a version', async () => {
    const { action } = await healthAction();
    await execute(completeAction, world.ctx('health'), { actionId: action.id });
    const err = await expectRefused(world, () => execute(completeAction, world.ctx('health'), { actionId: action.id }), ConflictError);
    expect(err.message).toContain('already completed by Test health on 15 June 2026 at 10:00');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an outcome that does not end an action', { outcome: 'in_progress' }, ['outcome']],
    ['overlong evidence', { evidence: 'e'.repeat(4001) }, ['evidence']],
    ['a version that is not a number', { expectedVersion: 'latest' }, ['expectedVersion']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const { action } = await healthAction();
    const err = await expectRefused(world, () => execute(completeAction, world.ctx('health'), { actionId: action.id, ...body }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['fire', 'viewer'] as const)('answers %s, who cannot see the action, as for a missing one', async (persona) => {
    const { action } = await healthAction();
    await expectHidden(world, () => execute(completeAction, world.ctx(persona), { actionId: action.id }), { type: 'action', id: action.id });
  });

  it.each(['police'] as const)('refuses %s (not the owner, their lead, a coordinator or the chair)', async (persona) => {
    const { action } = await healthAction();
    await expectRefused(world, () => execute(completeAction, world.ctx(persona), { actionId: action.id }), ForbiddenError);
  });

  it('refuses to complete a cancelled action, naming the state', async () => {
    const { action } = await healthAction();
    await execute(completeAction, world.ctx('coordinator'), { actionId: action.id, outcome: 'cancelled' });
    const err = await expectRefused(world, () => execute(completeAction, world.ctx('health'), { actionId: action.id }), IllegalTransitionError);
    expect(err.message).toBe('An action that is cancelled cannot become completed. It allows no further change.');
  });

  it('refuses a completion made on a stale read', async () => {
    const { action } = await healthAction({ started: true });
    const err = await expectRefused(world, () => execute(completeAction, world.ctx('health'), { actionId: action.id, expectedVersion: 1 }), ConflictError);
    expect(err.message).toMatch(/you had version 1, it is now 2/);
  });
});
