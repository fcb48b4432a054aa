import { ForbiddenError, NotFoundError } from '../../src/domain/errors';
import { CASE_NOT_FOUND, runQuery } from '../../src/queries';
import { getCase } from '../../src/queries/getCase';
import { getCaseAudit } from '../../src/queries/getCaseAudit';
import { insert, makeOpenCase } from '../support/records';
import { createWorld, type World } from '../support/world';

let world: World;
beforeEach(async () => {
  world = await createWorld();
  await insert(world.store, 'cases', makeOpenCase({ id: 'police-case' }));
});
afterEach(() => world.close());

describe('getCaseAudit', () => {
  it("gives coordinators the case's events in time order, including this read of the trail", async () => {
    await runQuery(getCase, world.ctx('police', new Date('2026-06-10T08:00:00Z')), { caseId: 'police-case' });
    await runQuery(getCase, world.ctx('health', new Date('2026-06-12T08:00:00Z')), { caseId: 'police-case' }).catch(() => undefined);
    await runQuery(getCase, world.ctx('chair', new Date('2026-06-11T08:00:00Z')), { caseId: 'police-case' });
    const trail = await runQuery(getCaseAudit, world.ctx('coordinator'), { caseId: 'police-case' });
    expect(trail.caseId).toBe('police-case');
    expect(trail.events.map((e) => [e.at, e.actorName, e.action, e.recordType])).toEqual([
      ['2026-06-10T08:00:00.000Z', 'Test police', 'view', 'case'],
      ['2026-06-11T08:00:00.000Z', 'Test chair', 'view', 'case'],
      ['2026-06-12T08:00:00.000Z', 'Test health', 'denied', 'case'],
      ['2026-06-15T09:00:00.000Z', 'Test coordinator', 'view', 'caseAudit'],
    ]);
    const again = await runQuery(getCaseAudit, world.ctx('coordinator'), { caseId: 'police-case' });
    expect(again.events.filter((e) => e.recordType === 'caseAudit')).toHaveLength(2);
  });

  it('refuses a partner who can see the case with 403, and one who cannot with the usual 404', async () => {
    await expect(runQuery(getCaseAudit, world.ctx('police'), { caseId: 'police-case' })).rejects.toThrow(ForbiddenError);
    await expect(runQuery(getCaseAudit, world.ctx('chair'), { caseId: 'police-case' })).rejects.toThrow(ForbiddenError);
    for (const caseId of ['police-case', 'no-such-case']) {
      const err = await runQuery(getCaseAudit, world.ctx('fire'), { caseId }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotFoundError);
      expect((err as Error).message).toBe(CASE_NOT_FOUND);
    }
    const events = await world.store.transaction((tx) => tx.find('audit'));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['denied', 'police'], ['denied', 'chair'], ['denied', 'fire']]);
  });

  it("includes the events recorded against the case's actions, and none of another case's", async () => {
    const { execute } = await import('../../src/commands');
    const { createActionOn, createOpenCase } = await import('../support/cases');
    const open = await createOpenCase(world, { referrer: 'police' });
    const other = await createOpenCase(world, { referrer: 'police' });
    const action = await createActionOn(world, open.id, 'police');
    const elsewhere = await createActionOn(world, other.id, 'police');
    const { completeAction } = await import('../../src/commands/completeAction');
    await execute(completeAction, world.ctx('police'), { actionId: action.id, evidence: 'Invented evidence.' });
    const trail = await runQuery(getCaseAudit, world.ctx('coordinator'), { caseId: open.id });
    const ids = new Set(trail.events.map((e) => e.recordId));
    expect(ids.has(action.id)).toBe(true);
    expect(trail.events.filter((e) => e.recordId === action.id).map((e) => e.action)).toEqual(['create', 'update']);
    expect(ids.has(elsewhere.id)).toBe(false);
    expect(ids.has(other.id)).toBe(false);
  });
});
