import { addActionProgress } from '../../src/commands/addActionProgress';
import { execute } from '../../src/kernel/command';
import { completeAction } from '../../src/commands/completeAction';
import { ConflictError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { auditOf, createActionOn, createOpenCase, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

async function policeAction() {
  const open = await createOpenCase(world, { referrer: 'police' });
  return createActionOn(world, open.id, 'police');
}

describe('addActionProgress', () => {
  it('adds the owner\'s note, starting the action, and audits the change', async () => {
    const action = await policeAction();
    const updated = await execute(addActionProgress, world.ctx('police'), { actionId: action.id, note: 'Invented: visit booked for Friday.' });

    expect(await getRecord(world, 'actions', action.id)).toEqual(updated);
    expect(updated).toMatchObject({ status: 'in_progress', version: action.version + 1 });
    expect(updated.progress).toEqual([{ at: FIXED_NOW.toISOString(), byMemberId: 'police', note: 'Invented: visit booked for Friday.' }]);
    expect((await auditOf(world, action.id)).at(-1)).toMatchObject({
      action: 'update',
      recordType: 'action',
      actorId: 'police',
      change: { progressAdded: { at: FIXED_NOW.toISOString() }, status: { from: 'not_started', to: 'in_progress' } },
    });
  });

  it('adds later notes to an action in progress; the owner\'s agency lead may add them too', async () => {
    const action = await policeAction();
    await execute(addActionProgress, world.ctx('police'), { actionId: action.id, note: 'First.', status: 'in_progress' });
    const second = await execute(addActionProgress, world.ctx('policeLead'), { actionId: action.id, note: 'Second.' });
    expect(second.status).toBe('in_progress');
    expect(second.progress.map((p) => [p.byMemberId, p.note])).toEqual([['police', 'First.'], ['policelead', 'Second.']]);
    expect((await auditOf(world, action.id)).at(-1)!.change).toEqual({ progressAdded: { at: FIXED_NOW.toISOString() } });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a blank note', { note: '  ' }, ['note']],
    ['a status other than in progress', { note: 'Done.', status: 'completed' }, ['status']],
    ['a missing action id', { actionId: undefined, note: 'x' }, ['actionId']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const action = await policeAction();
    const err = await expectRefused(world, () => execute(addActionProgress, world.ctx('police'), { actionId: action.id, ...body }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['health', 'viewer', 'fire'] as const)('answers %s, who cannot see the action, as for a missing one and audits the refusal', async (persona) => {
    const action = await policeAction();
    await expectHidden(world, () => execute(addActionProgress, world.ctx(persona), { actionId: action.id, note: 'x' }), { type: 'action', id: action.id });
  });

  it('refuses progress on a finished action, naming the state', async () => {
    const action = await policeAction();
    await execute(completeAction, world.ctx('police'), { actionId: action.id });
    const err = await expectRefused(world, () => execute(addActionProgress, world.ctx('police'), { actionId: action.id, note: 'More.' }), IllegalTransitionError);
    expect(err.message).toBe('An action that is completed cannot become in progress. It allows no further change.');
  });

  it('refuses a note made on a stale read', async () => {
    const action = await policeAction();
    await execute(addActionProgress, world.ctx('police'), { actionId: action.id, note: 'First.' });
    await expectRefused(
      world,
      () => execute(addActionProgress, world.ctx('police'), { actionId: action.id, note: 'Second.', expectedVersion: action.version }),
      ConflictError,
    );
  });
});
