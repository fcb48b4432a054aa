import { execute } from '../../src/kernel/command';
import { closeCase } from '../../src/commands/closeCase';
import { createAction } from '../../src/commands/createAction';
import { ConflictError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const actionInput = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  description: 'Invented: fit smoke alarms and remove hoard from exits.',
  successMeasure: 'Alarms fitted, exits clear on revisit.',
  ownerId: 'fire',
  dueDate: '2026-07-15',
  ...extra,
});

// Creating an action changes no existing record, so there is no version to be stale against.
describe('createAction', () => {
  it('adds a not-started action owned by a named member of their agency, audits it and tells the owner', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const action = await execute(createAction, world.ctx('coordinator'), actionInput(open.id));

    expect(await getRecord(world, 'actions', action.id)).toEqual(action);
    expect(action).toMatchObject({
      parentKind: 'case',
      parentId: open.id,
      ownerId: 'fire',
      agencyId: 'ag-fire',
      dueDate: '2026-07-15',
      status: 'not_started',
      createdAt: FIXED_NOW.toISOString(),
      createdById: 'coordinator',
      progress: [],
      dueDateChanges: [],
      version: 1,
    });
    expect(await auditOf(world, action.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        recordType: 'action',
        actorId: 'coordinator',
        change: { parentKind: 'case', parentId: open.id, ownerId: 'fire', agencyId: 'ag-fire', dueDate: '2026-07-15', status: 'not_started' },
      }),
    ]);
    const card = (await allRecords(world, 'outbox')).find((o) => o.kind === 'actionAssigned');
    expect(card?.payload).toEqual({ actionId: action.id, caseId: open.id, ref: open.ref, ownerId: 'fire' });
    expect(JSON.stringify(card)).not.toMatch(/smoke|Alex/);
  });

  it('lets the lead agency\'s partner add an action, and an action due today', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const action = await execute(createAction, world.ctx('police'), actionInput(open.id, { ownerId: 'policelead', agencyId: 'ag-police', dueDate: '2026-06-15' }));
    expect(action).toMatchObject({ ownerId: 'policelead', agencyId: 'ag-police', createdById: 'police' });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an inactive owner', { ownerId: 'inactive' }, ['ownerId']],
    ['an owner who does not exist', { ownerId: 'nobody' }, ['ownerId']],
    ['an agency that is not the owner\'s', { agencyId: 'ag-police' }, ['agencyId']],
    ['an agency that does not exist', { agencyId: 'ag-nowhere' }, ['agencyId']],
    ['a due date in the past', { dueDate: '2026-06-14' }, ['dueDate']],
    ['a due date that is not a date', { dueDate: '15/07/2026' }, ['dueDate']],
    ['no success measure', { successMeasure: undefined }, ['successMeasure']],
    ['a status set by the caller', { status: 'completed' }, ['status']],
  ])('refuses %s, naming the field and changing nothing', async (_label, overrides, fields) => {
    const open = await createOpenCase(world);
    const err = await expectRefused(world, () => execute(createAction, world.ctx('coordinator'), { ...actionInput(open.id), ...overrides }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['health', 'viewer'] as const)('answers %s, who cannot see the case, as for a missing one and audits the refusal', async (persona) => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await expectHidden(world, () => execute(createAction, world.ctx(persona), actionInput(open.id)), { type: 'case', id: open.id });
  });

  it('refuses an action on a referral not yet accepted, naming its state', async () => {
    const referral = await createSubmittedReferral(world);
    const err = await expectRefused(world, () => execute(createAction, world.ctx('coordinator'), actionInput(referral.id)), ConflictError);
    expect(err.message).toBe(`Actions can be added only when the case is open or escalated; ${referral.ref} is submitted.`);
  });

  it('refuses an action on a closed case', async () => {
    const open = await createOpenCase(world);
    await execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'risk_reduced', rationale: 'Invented.' });
    const err = await expectRefused(world, () => execute(createAction, world.ctx('coordinator'), actionInput(open.id)), ConflictError);
    expect(err.message).toContain('is closed.');
  });
});
