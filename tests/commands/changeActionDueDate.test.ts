import { changeActionDueDate } from '../../src/commands/changeActionDueDate';
import { execute } from '../../src/kernel/command';
import { completeAction } from '../../src/commands/completeAction';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/domain/errors';
import { auditOf, createActionOn, createOpenCase, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const REASON = 'Invented: the adult is in hospital until mid-July.';

async function fireAction() {
  const open = await createOpenCase(world, { referrer: 'police' });
  return createActionOn(world, open.id, 'fire', { dueDate: '2026-07-01' });
}

describe('changeActionDueDate', () => {
  it('moves the due date, keeping the change and its reason in the action\'s history and the audit trail', async () => {
    const action = await fireAction();
    const moved = await execute(changeActionDueDate, world.ctx('fire'), { actionId: action.id, dueDate: '2026-07-20', reason: REASON });

    expect(await getRecord(world, 'actions', action.id)).toEqual(moved);
    expect(moved).toMatchObject({ dueDate: '2026-07-20', status: 'not_started', version: action.version + 1 });
    expect(moved.dueDateChanges).toEqual([{ at: FIXED_NOW.toISOString(), byMemberId: 'fire', from: '2026-07-01', to: '2026-07-20', reason: REASON }]);
    expect((await auditOf(world, action.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'fire',
      change: { dueDate: { from: '2026-07-01', to: '2026-07-20' } },
      reason: REASON,
    });
  });

  it('lets the chair bring a date forward', async () => {
    const action = await fireAction();
    const moved = await execute(changeActionDueDate, world.ctx('chair'), { actionId: action.id, dueDate: '2026-06-20', reason: 'Risk rose.' });
    expect(moved.dueDateChanges.map((c) => [c.from, c.to, c.byMemberId])).toEqual([['2026-07-01', '2026-06-20', 'chair']]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a missing reason', { reason: undefined }, ['reason']],
    ['a date in the past', { dueDate: '2026-06-01' }, ['dueDate']],
    ['the same date', { dueDate: '2026-07-01' }, ['dueDate']],
    ['a date that is not a date', { dueDate: '2026-13-01' }, ['dueDate']],
  ])('refuses %s, naming the field and changing nothing', async (_label, overrides, fields) => {
    const action = await fireAction();
    const err = await expectRefused(
      world,
      () => execute(changeActionDueDate, world.ctx('fire'), { actionId: action.id, dueDate: '2026-07-20', reason: REASON, ...overrides }),
      ValidationError,
    );
    expect(fieldsOf(err)).toEqual(fields);
  });

  it('answers a viewer, who cannot see the action, as for a missing one', async () => {
    const action = await fireAction();
    await expectHidden(world, () => execute(changeActionDueDate, world.ctx('viewer'), { actionId: action.id, dueDate: '2026-07-20', reason: REASON }), { type: 'action', id: action.id });
  });

  it.each(['police'] as const)('refuses %s and audits the refusal', async (persona) => {
    const action = await fireAction();
    await expectRefused(
      world,
      () => execute(changeActionDueDate, world.ctx(persona), { actionId: action.id, dueDate: '2026-07-20', reason: REASON }),
      ForbiddenError,
    );
  });

  it('refuses to move a finished action\'s date, naming its state', async () => {
    const action = await fireAction();
    await execute(completeAction, world.ctx('fire'), { actionId: action.id, outcome: 'not_done_circumstance' });
    const err = await expectRefused(
      world,
      () => execute(changeActionDueDate, world.ctx('fire'), { actionId: action.id, dueDate: '2026-07-20', reason: REASON }),
      ConflictError,
    );
    expect(err.message).toBe('This action is not done (circumstances changed), so its due date can no longer change.');
  });

  it('refuses a change made on a stale read', async () => {
    const action = await fireAction();
    await expectRefused(
      world,
      () => execute(changeActionDueDate, world.ctx('fire'), { actionId: action.id, dueDate: '2026-07-20', reason: REASON, expectedVersion: action.version + 3 }),
      ConflictError,
    );
  });
});
