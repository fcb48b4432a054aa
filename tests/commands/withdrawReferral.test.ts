import { execute } from '../../src/kernel/command';
import { withdrawReferral } from '../../src/commands/withdrawReferral';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { auditOf, createListedReferral, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const REASON = 'Invented: the adult has moved out of the area.';

describe('withdrawReferral', () => {
  it('lets the referrer withdraw, recording the reason in the audit trail', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    const withdrawn = await execute(withdrawReferral, world.ctx('police'), { caseId: referral.id, reason: REASON });
    expect(await getRecord(world, 'cases', referral.id)).toEqual(withdrawn);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: referral.version + 1 });
    expect((await auditOf(world, referral.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'police',
      change: { status: { from: 'submitted', to: 'withdrawn' } },
      reason: REASON,
    });
    // The posted new-referral card is refreshed in place to show the referral is withdrawn.
    const outbox = await world.store.transaction((tx) => tx.find('outbox'));
    expect(outbox.filter((o) => o.kind === 'updateReferralCard').map((o) => o.payload)).toEqual([{ caseId: referral.id, ref: referral.ref }]);
  });

  it('lets a coordinator withdraw a listed referral', async () => {
    const referral = await createListedReferral(world, 'health');
    expect((await execute(withdrawReferral, world.ctx('coordinator'), { caseId: referral.id, reason: REASON })).status).toBe('withdrawn');
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a missing reason', {}, ['reason']],
    ['a blank reason', { reason: '\n ' }, ['reason']],
    ['a reason that is not text', { reason: 42 }, ['reason']],
  ])('refuses %s, naming the field and changing nothing', async (_label, body, fields) => {
    const referral = await createSubmittedReferral(world, 'police');
    const err = await expectRefused(world, () => execute(withdrawReferral, world.ctx('police'), { caseId: referral.id, ...body }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['health', 'policeLead', 'chair'] as const)('refuses %s (not the referrer) and audits the refusal', async (persona) => {
    const referral = await createSubmittedReferral(world, 'police');
    await expectRefused(world, () => execute(withdrawReferral, world.ctx(persona), { caseId: referral.id, reason: REASON }), ForbiddenError);
  });

  it('refuses to withdraw an accepted case, naming the state and the allowed next steps', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const err = await expectRefused(world, () => execute(withdrawReferral, world.ctx('police'), { caseId: open.id, reason: REASON }), IllegalTransitionError);
    expect(err.message).toBe('A referral or case that is open cannot become withdrawn. Allowed next: escalated, closed.');
  });

  it('refuses a withdrawal made on a stale read', async () => {
    const referral = await createSubmittedReferral(world, 'police');
    await expectRefused(
      world,
      () => execute(withdrawReferral, world.ctx('police'), { caseId: referral.id, reason: REASON, expectedVersion: referral.version + 1 }),
      ConflictError,
    );
  });
});
