import { createAction } from '../../src/commands/createAction';
import { execute } from '../../src/kernel/command';
import { queueOverdueScan } from '../../src/kernel/overdueScan';
import { createWorld, MEMBERS, type World } from '../support/world';
import { buildScenario, installApp, outboxRows, type Scenario, SETTINGS, SETUP_AT } from '../notify/support/scenario';

/** The pinned BST bug through the overdue scan's selection, not just the rule: the scan judges days in London. */
let world: World;
let s: Scenario;
beforeEach(async () => {
  world = await createWorld();
  s = await buildScenario(world);
  await installApp(world, 'http://127.0.0.1:9/');
});
afterEach(() => world.close());

const scan = (at: Date) => world.store.transaction((tx) => queueOverdueScan(tx, at, SETTINGS));
const digestActionIds = async () => (await outboxRows(world, 'overdueDigest')).flatMap((row) => (row.payload as { actionIds: string[] }).actionIds);

it('an action due on a summer date is not in the scan at 23:30 London time that day, and is at 00:30 the next day', async () => {
  const dueToday = await execute(createAction, world.ctx('coordinator', SETUP_AT), {
    caseId: s.caseRecord.id,
    description: 'Invented action: ring the GP surgery.',
    successMeasure: 'Call logged.',
    ownerId: MEMBERS.police.id,
    dueDate: '2026-06-15',
  });

  // 23:30 BST on 15 June (22:30 UTC).
  const lateEvening = await scan(new Date('2026-06-15T22:30:00Z'));
  expect(lateEvening.asOf).toBe('2026-06-15');
  expect(await digestActionIds()).not.toContain(dueToday.id);
  expect(await digestActionIds()).toContain(s.policeOverdue.id);

  // 00:30 BST on 16 June (23:30 UTC on the 15th): a new London day, a new digest, and the action is overdue.
  const pastMidnight = await scan(new Date('2026-06-15T23:30:00Z'));
  expect(pastMidnight.asOf).toBe('2026-06-16');
  expect(pastMidnight.overdueActions).toBe(lateEvening.overdueActions + 1);
  const rows = await outboxRows(world, 'overdueDigest');
  const newDay = rows.find((row) => (row.payload as { asOf: string }).asOf === '2026-06-16');
  expect((newDay?.payload as { actionIds: string[] }).actionIds).toContain(dueToday.id);
});
