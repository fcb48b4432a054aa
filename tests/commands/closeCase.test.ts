import { closeCase } from '../../src/commands/closeCase';
import { execute } from '../../src/kernel/command';
import { escalateCase } from '../../src/commands/escalateCase';
import { ConflictError, ForbiddenError, IllegalTransitionError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const RATIONALE = 'Invented: exits clear for three months, adult engaging with the GP.';

describe('closeCase', () => {
  it('closes an open case with the reason, logs the decision, audits it and queues the closure card', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    const ctx = world.ctx('coordinator');
    const closed = await execute(closeCase, ctx, { caseId: open.id, reason: 'risk_reduced', rationale: RATIONALE, expectedVersion: open.version });

    expect(await getRecord(world, 'cases', open.id)).toEqual(closed);
    expect(closed).toMatchObject({ status: 'closed', closedAt: FIXED_NOW.toISOString(), closureReason: 'risk_reduced', version: open.version + 1 });

    const decision = (await allRecords(world, 'decisions')).find((d) => d.outcome === 'close');
    expect(decision).toMatchObject({ caseId: open.id, rationale: RATIONALE, decidedById: 'coordinator', decidedAt: FIXED_NOW.toISOString() });
    expect(decision!.idempotencyKey).toContain(ctx.correlationId);
    expect((await allRecords(world, 'chronology')).map((e) => e.summary)).toContain('Case closed: risk reduced.');

    expect((await auditOf(world, open.id)).at(-1)).toMatchObject({
      action: 'update',
      actorId: 'coordinator',
      reason: RATIONALE,
      change: expect.objectContaining({ status: { from: 'open', to: 'closed' }, closureReason: 'risk_reduced', decisionId: decision!.id }),
    });
    const card = (await allRecords(world, 'outbox')).find((o) => o.kind === 'caseClosed');
    expect(card?.payload).toEqual({ caseId: open.id, ref: open.ref, closureReason: 'risk_reduced', decisionId: decision!.id });
    expect(JSON.stringify(card)).not.toMatch(/GP|Alex/);
  });

  it('lets the chair close an escalated case', async () => {
    const open = await createOpenCase(world);
    await execute(escalateCase, world.ctx('coordinator'), { caseId: open.id, rationale: 'Fire at the property.' });
    const closed = await execute(closeCase, world.ctx('chair'), { caseId: open.id, reason: 'moved_to_s42', rationale: 'Section 42 enquiry opened.' });
    expect(closed).toMatchObject({ status: 'closed', closureReason: 'moved_to_s42' });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown reason', { reason: 'bored' }, ['reason']],
    ['no reason', { reason: undefined }, ['reason']],
    ['a blank rationale', { rationale: ' ' }, ['rationale']],
    ['a closing date from the caller', { closedAt: '2026-01-01' }, ['closedAt']],
  ])('refuses %s, naming the field and changing nothing', async (_label, overrides, fields) => {
    const open = await createOpenCase(world);
    const err = await expectRefused(
      world,
      () => execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'risk_reduced', rationale: RATIONALE, ...overrides }),
      ValidationError,
    );
    expect(fieldsOf(err)).toEqual(fields);
  });

  it('answers a viewer, who cannot see the case, as for a missing one', async () => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await expectHidden(world, () => execute(closeCase, world.ctx('viewer'), { caseId: open.id, reason: 'risk_reduced', rationale: RATIONALE }), { type: 'case', id: open.id });
  });

  it.each(['police', 'policeLead'] as const)('refuses %s (coordinators and the chair only) and audits the refusal', async (persona) => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await expectRefused(world, () => execute(closeCase, world.ctx(persona), { caseId: open.id, reason: 'risk_reduced', rationale: RATIONALE }), ForbiddenError);
    expect((await auditOf(world, open.id)).at(-1)).toMatchObject({ action: 'denied', recordType: 'closeCase' });
  });

  it('refuses to close a referral, naming the state and the allowed next steps', async () => {
    const referral = await createSubmittedReferral(world);
    const err = await expectRefused(
      world,
      () => execute(closeCase, world.ctx('coordinator'), { caseId: referral.id, reason: 'risk_reduced', rationale: RATIONALE }),
      IllegalTransitionError,
    );
    expect(err.message).toBe(
      'A referral or case that is submitted cannot become closed. Allowed next: info requested, listed, open, declined, deferred, withdrawn.',
    );
  });

  it('refuses to close a closed case again', async () => {
    const open = await createOpenCase(world);
    await execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'moved_area', rationale: RATIONALE });
    const err = await expectRefused(
      world,
      () => execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'died', rationale: RATIONALE }),
      IllegalTransitionError,
    );
    expect(err.message).toBe('A referral or case that is closed cannot become closed. It allows no further change.');
  });

  it('refuses a closure made on a stale read', async () => {
    const open = await createOpenCase(world);
    await expectRefused(
      world,
      () => execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'risk_reduced', rationale: RATIONALE, expectedVersion: open.version - 1 }),
      ConflictError,
    );
  });
});
