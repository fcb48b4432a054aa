import { breakGlass } from '../../src/commands/breakGlass';
import { restrictCase } from '../../src/commands/restrictCase';
import { addChronologyEntry } from '../../src/commands/addChronologyEntry';
import { BREAK_GLASS_HOURS } from '../../src/domain/breakGlass';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors';
import { execute } from '../../src/kernel/command';
import { runQuery } from '../../src/kernel/query';
import { getCase } from '../../src/queries/getCase';
import { createRenderer } from '../../src/notify/render/index';
import { allRecords, auditOf, createOpenCase } from '../support/cases';
import { expectRefused } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const hours = (h: number) => new Date(FIXED_NOW.getTime() + h * 3_600_000);
const REASON = 'Invented: crew attending a fire at the address tonight.';

async function restrictedCase() {
  const c = await createOpenCase(world, { referrer: 'police' });
  return execute(restrictCase, world.ctx('coordinator'), { caseId: c.id, restricted: true, reason: 'Invented: domestic abuse.' });
}

describe('break-glass', () => {
  it('opens a restricted case for a limited time; the policies close it again when the clock passes the expiry', async () => {
    const c = await restrictedCase();
    await expect(runQuery(getCase, world.ctx('fire'), { caseId: c.id })).rejects.toBeInstanceOf(NotFoundError);

    const opened = await execute(breakGlass, world.ctx('fire'), { ref: c.ref, reason: REASON });
    expect(opened).toEqual({ caseId: c.id, ref: c.ref, until: hours(BREAK_GLASS_HOURS).toISOString() });

    const during = await runQuery(getCase, world.ctx('fire', hours(BREAK_GLASS_HOURS - 0.5)), { caseId: c.id });
    expect(during.access).toBe('full');
    // Shown on the case: who, when, until when and why.
    expect(during.access === 'full' && during.case.breakGlass).toEqual([{ memberId: 'fire', agencyId: 'ag-fire', at: FIXED_NOW.toISOString(), until: opened.until, reason: REASON }]);
    // A read, not a licence to change the case.
    await expect(execute(addChronologyEntry, world.ctx('fire', hours(1)), {
      caseId: c.id, occurredAt: '2026-06-14T10:00:00Z', type: 'contact', summary: 'Invented.', significance: 'low',
    })).rejects.toBeInstanceOf(ForbiddenError);

    await expect(runQuery(getCase, world.ctx('fire', hours(BREAK_GLASS_HOURS + 0.01)), { caseId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    // Another member of the same agency gained nothing.
    await expect(runQuery(getCase, world.ctx('health', hours(1)), { caseId: c.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is flagged in the audit trail with the reason, and the coordinators are told at once without personal data', async () => {
    const c = await restrictedCase();
    await execute(breakGlass, world.ctx('fire'), { ref: c.ref, reason: REASON });
    const flagged = (await auditOf(world, c.id)).filter((e) => e.change?.['breakGlass'] === true);
    expect(flagged).toEqual([expect.objectContaining({ action: 'view', actorId: 'fire', reason: REASON })]);

    const rows = (await allRecords(world, 'outbox')).filter((o) => o.kind === 'breakGlass');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual({ caseId: c.id, ref: c.ref, memberId: 'fire', agencyId: 'ag-fire', at: FIXED_NOW.toISOString(), until: hours(BREAK_GLASS_HOURS).toISOString() });
    const adult = c.adult.name;
    // The coordinators' card: no conversation exists in this world, so none is sent; render it for one to check content.
    await world.store.transaction(async (tx) => {
      await tx.insert('conversations', {
        id: 'conv-coord', conversationId: 'a:coord', memberId: 'coordinator', isPartnershipChannel: false, active: true, conversationType: 'personal',
        serviceUrl: 'https://smba.example.test/', tenantId: 'tenant', capturedAt: FIXED_NOW.toISOString(),
      });
    });
    const targets = await world.store.transaction((tx) => createRenderer({ publicUrl: 'https://tab.example.test', now: () => FIXED_NOW })(rows[0]!, tx));
    const card = JSON.stringify(targets);
    expect(targets).toHaveLength(1);
    expect(card).toContain(c.ref);
    expect(card).toContain('Test fire');
    expect(card).not.toContain(adult);
    expect(card).not.toContain(c.initials);
    expect(card).not.toContain('crew attending');
  });

  it('needs a stated reason, refuses who can already see the case, viewers and coordinators, and answers an unknown reference as missing', async () => {
    const c = await restrictedCase();
    await expectRefused(world, () => execute(breakGlass, world.ctx('fire'), { ref: c.ref, reason: 'urgent' }), ValidationError);
    await expectRefused(world, () => execute(breakGlass, world.ctx('fire'), { ref: c.ref }), ValidationError);
    await expectRefused(world, () => execute(breakGlass, world.ctx('police'), { ref: c.ref, reason: REASON }), ConflictError);
    await expectRefused(world, () => execute(breakGlass, world.ctx('viewer'), { ref: c.ref, reason: REASON }), ForbiddenError);
    await expectRefused(world, () => execute(breakGlass, world.ctx('coordinator'), { ref: c.ref, reason: REASON }), ForbiddenError);
    await expectRefused(world, () => execute(breakGlass, world.ctx('fire'), { ref: 'CASPA-2026-9999', reason: REASON }), NotFoundError);
  });
});
