import { closeCase } from '../../src/commands/closeCase';
import { restrictCase } from '../../src/commands/restrictCase';
import { setLegalHold } from '../../src/commands/setLegalHold';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors';
import { execute } from '../../src/kernel/command';
import { runQuery } from '../../src/kernel/query';
import { getCase } from '../../src/queries/getCase';
import { auditOf, createOpenCase, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type Persona, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const REASON = 'Invented: a civil claim about the care given has been notified.';

describe('closing a case sets its retention date', () => {
  it('eight years after closure by default, recorded in the audit', async () => {
    const open = await createOpenCase(world);
    const closed = await execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'risk_reduced', rationale: 'Invented rationale.' });
    expect(closed).toMatchObject({ closedAt: FIXED_NOW.toISOString(), retentionDate: '2034-06-15' });
    expect((await auditOf(world, open.id)).at(-1)!.change).toMatchObject({ retentionDate: '2034-06-15' });
  });
});

describe('setLegalHold', () => {
  it('a coordinator sets and lifts a hold, each with a reason in the audit', async () => {
    const open = await createOpenCase(world);
    const held = await execute(setLegalHold, world.ctx('coordinator'), { caseId: open.id, hold: true, reason: REASON });
    expect(held.legalHold).toBe(true);
    const lifted = await execute(setLegalHold, world.ctx('coordinator'), { caseId: open.id, hold: false, reason: 'Invented: the claim was settled.' });
    expect(lifted.legalHold).toBe(false);
    const events = (await auditOf(world, open.id)).filter((e) => e.change && 'legalHold' in e.change);
    expect(events.map((e) => [e.change!.legalHold, e.reason, e.actorId])).toEqual([
      [{ from: false, to: true }, REASON, 'coordinator'],
      [{ from: true, to: false }, 'Invented: the claim was settled.', 'coordinator'],
    ]);
  });

  it('refuses anyone but a coordinator, a hold without a reason, and setting what is already set', async () => {
    const open = await createOpenCase(world);
    for (const who of ['chair', 'police'] as Persona[]) {
      await expectRefused(world, () => execute(setLegalHold, world.ctx(who), { caseId: open.id, hold: true, reason: REASON }), ForbiddenError);
    }
    const noReason = await expectRefused(world, () => execute(setLegalHold, world.ctx('coordinator'), { caseId: open.id, hold: true, reason: ' ' }), ValidationError);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const already = await expectRefused(world, () => execute(setLegalHold, world.ctx('coordinator'), { caseId: open.id, hold: false, reason: REASON }), ValidationError);
    expect(fieldsOf(already)).toEqual(['hold']);
  });
});

describe('restrictCase', () => {
  const canOpen = (who: Persona, caseId: string) =>
    runQuery(getCase, world.ctx(who), { caseId }).then((v) => (v as { access?: string }).access ?? 'full', (err: unknown) => {
      if (err instanceof NotFoundError) return 'hidden';
      throw err;
    });

  it('takes effect on the next read: outsiders lose the case, named members keep it; lifting restores it', async () => {
    const open = await createOpenCase(world, { referrer: 'police', leadAgencyId: 'ag-health', leadProfessionalId: 'health' });
    expect(await canOpen('police', open.id)).toBe('full');
    expect(await canOpen('chair', open.id)).toBe('full');

    const restricted = await execute(restrictCase, world.ctx('coordinator'), { caseId: open.id, restricted: true, namedMemberIds: ['chair'], reason: REASON });
    expect(restricted).toMatchObject({ restricted: true, namedMemberIds: ['chair'] });
    expect(await canOpen('police', open.id)).toBe('hidden');
    expect(await canOpen('chair', open.id)).toBe('full');
    expect(await canOpen('health', open.id)).toBe('full');

    await execute(restrictCase, world.ctx('coordinator'), { caseId: open.id, restricted: false, reason: 'Invented: the risk from the household has passed.' });
    expect(await canOpen('police', open.id)).toBe('full');
    const changes = (await auditOf(world, open.id)).filter((e) => e.change && 'restricted' in e.change).map((e) => e.change);
    expect(changes).toEqual([
      { restricted: { from: false, to: true }, namedMemberIds: { from: [], to: ['chair'] } },
      { restricted: { from: true, to: false }, namedMemberIds: { from: ['chair'], to: [] } },
    ]);
  });

  it('refuses non-coordinators, unknown or inactive named members, and names on an unrestricted case', async () => {
    const open = await createOpenCase(world);
    await expectRefused(world, () => execute(restrictCase, world.ctx('police'), { caseId: open.id, restricted: true, reason: REASON }), ForbiddenError);
    const bad = await expectRefused(
      world,
      () => execute(restrictCase, world.ctx('coordinator'), { caseId: open.id, restricted: true, namedMemberIds: ['nobody', 'inactive'], reason: REASON }),
      ValidationError,
    );
    expect(fieldsOf(bad)).toEqual(['namedMemberIds.0', 'namedMemberIds.1']);
    const names = await expectRefused(
      world,
      () => execute(restrictCase, world.ctx('coordinator'), { caseId: open.id, restricted: false, namedMemberIds: ['chair'], reason: REASON }),
      ValidationError,
    );
    expect(fieldsOf(names)).toEqual(['namedMemberIds']);
    expect((await getRecord(world, 'cases', open.id))!.restricted).toBe(false);
  });
});
