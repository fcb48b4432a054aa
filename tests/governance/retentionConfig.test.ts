import { closeCase } from '../../src/commands/closeCase';
import { loadConfig } from '../../src/config';
import { DEFAULT_RETENTION } from '../../src/domain/retention';
import { execute } from '../../src/kernel/command';
import { makeContext } from '../../src/kernel/context';
import { createOpenCase } from '../support/cases';
import { actorOf, createWorld, FIXED_NOW, type World } from '../support/world';

describe('RETENTION_YEARS', () => {
  it('changes only the kinds it names; unset keeps the defaults', () => {
    expect(loadConfig({}).retention).toBeUndefined();
    const retention = loadConfig({ RETENTION_YEARS: 'case=10, minutes=15' }).retention!;
    expect(retention.case.years).toBe(10);
    expect(retention.minutes.years).toBe(15);
    expect(retention.decision).toEqual(DEFAULT_RETENTION.decision);
  });

  it('refuses an unknown kind or an out-of-range number, naming the variable, rather than shortening retention', () => {
    expect(() => loadConfig({ RETENTION_YEARS: 'cases=10' })).toThrow(/RETENTION_YEARS.*"cases" is not a record kind/);
    expect(() => loadConfig({ RETENTION_YEARS: 'case=0' })).toThrow(/RETENTION_YEARS.*outside 1 to 100/);
    expect(() => loadConfig({ RETENTION_YEARS: 'case:8' })).toThrow(/RETENTION_YEARS.*not kind=years/);
  });
});

describe('closing a case counts retention from the configured schedule', () => {
  let world: World;
  beforeEach(async () => (world = await createWorld()));
  afterEach(() => world.close());

  it('case=10 gives a retention date ten years after closure', async () => {
    const open = await createOpenCase(world);
    const retention = loadConfig({ RETENTION_YEARS: 'case=10' }).retention!;
    const ctx = makeContext({ store: world.store, actor: actorOf('coordinator'), now: () => FIXED_NOW, retention });
    const closed = await execute(closeCase, ctx, { caseId: open.id, reason: 'risk_reduced', rationale: 'Invented rationale.' });
    expect(closed.retentionDate).toBe('2036-06-15');
  });
});
