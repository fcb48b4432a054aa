import { verifyStoredChain } from '../../src/audit/verifyStore';
import { captureConversation } from '../../src/notify/captureConversation';
import { conversationRefId } from '../../src/kernel/conversations';
const [ESCALATION, OVERDUE_DIGEST, REMINDER] = ['escalation', 'overdueDigest', 'reminder'] as const;
import { queueOverdueScan, runOverdueScanAsSystem } from '../../src/kernel/overdueScan';
import { createWorld, MEMBERS, type World } from '../support/world';
import { ACTION_TEXT, ADULT_DETAILS, buildScenario, installApp, outboxRows, SCAN_AT, type Scenario, SETTINGS } from './support/scenario';
import { channelInstallationUpdate, GENERAL_CHANNEL, PANEL_CHANNEL, personalInstall } from './support/teamsActivities';

const SERVICE_URL = 'http://127.0.0.1:9/';
let world: World;
let s: Scenario;
const scan = (at: Date = SCAN_AT, settings = SETTINGS) => world.store.transaction((tx) => queueOverdueScan(tx, at, settings));

beforeEach(async () => {
  world = await createWorld();
  s = await buildScenario(world);
});
afterEach(() => world.close());

describe('the overdue scan', () => {
  it('queues one digest per partnership channel per day, by agency, with ids only; reminders and escalations once', async () => {
    await installApp(world, SERVICE_URL);

    const first = await scan();

    expect(first).toEqual({
      asOf: '2026-06-15',
      partnershipChannels: 1,
      overdueActions: 2,
      dueSoonActions: 1,
      escalatedActions: 1,
      queued: { digests: 1, reminders: 1, escalations: 1 },
      alreadyQueued: { digests: 0, reminders: 0, escalations: 0 },
      withoutChat: { reminders: 0, escalations: 0 },
    });
    const [digest] = await outboxRows(world, OVERDUE_DIGEST);
    const channelRef = conversationRefId(GENERAL_CHANNEL);
    expect(digest).toMatchObject({
      id: `overdue:${channelRef}:2026-06-15`,
      idempotencyKey: `overdue:${channelRef}:2026-06-15`,
      status: 'pending',
      payload: {
        conversationRefId: channelRef,
        asOf: '2026-06-15',
        // Longest overdue first within the scan; grouped by the owning agency.
        actionIds: [s.healthLongOverdue.id, s.policeOverdue.id],
        agencies: [
          { agencyId: 'ag-health', actionIds: [s.healthLongOverdue.id] },
          { agencyId: 'ag-police', actionIds: [s.policeOverdue.id] },
        ],
      },
    });
    expect(await outboxRows(world, REMINDER)).toEqual([
      expect.objectContaining({ idempotencyKey: `reminder:${s.leadDueSoon.id}:2026-06-17`, payload: { actionId: s.leadDueSoon.id, ownerId: MEMBERS.policeLead.id, dueDate: '2026-06-17' } }),
    ]);
    expect(await outboxRows(world, ESCALATION)).toEqual([
      expect.objectContaining({
        idempotencyKey: `escalation:${s.healthLongOverdue.id}`,
        payload: { actionId: s.healthLongOverdue.id, dueDate: '2026-05-20', daysOverdue: 26, thresholdDays: 14 },
      }),
    ]);
    // Payloads are ids: nothing about the adult, nothing of the actions' free text.
    const payloads = JSON.stringify((await outboxRows(world)).filter((r) => r.status === 'pending').map((r) => r.payload));
    for (const detail of [...ADULT_DETAILS, ACTION_TEXT]) expect(payloads).not.toContain(detail);

    // Again the same UK day (the button, a retry, another instance): nothing new.
    const again = await scan(new Date('2026-06-15T16:30:00Z'));
    expect(again.queued).toEqual({ digests: 0, reminders: 0, escalations: 0 });
    expect(again.alreadyQueued).toEqual({ digests: 1, reminders: 1, escalations: 1 });
    expect(await outboxRows(world, OVERDUE_DIGEST)).toHaveLength(1);
    expect(await outboxRows(world, REMINDER)).toHaveLength(1);
    expect(await outboxRows(world, ESCALATION)).toHaveLength(1);
  });

  it('posts a new digest on the next UK day, but never the same reminder or escalation again', async () => {
    await installApp(world, SERVICE_URL);
    await scan();
    // 23:30 UTC on the 15th is already the 16th in London (BST).
    const next = await scan(new Date('2026-06-15T23:30:00Z'));
    expect(next.asOf).toBe('2026-06-16');
    expect(next.queued).toEqual({ digests: 1, reminders: 0, escalations: 0 });
    expect((await outboxRows(world, OVERDUE_DIGEST)).map((r) => r.id).sort()).toEqual([
      `overdue:${conversationRefId(GENERAL_CHANNEL)}:2026-06-15`,
      `overdue:${conversationRefId(GENERAL_CHANNEL)}:2026-06-16`,
    ]);
  });

  it('sends no digest when no partnership channel is installed; a second channel is not one while the first is active', async () => {
    await installApp(world, SERVICE_URL, ['policeLead', 'chair']);
    // A second channel is captured but is not the partnership channel while the first is active.
    await captureConversation(world.store, channelInstallationUpdate(SERVICE_URL, MEMBERS.coordinator, PANEL_CHANNEL), SCAN_AT);
    expect((await scan()).queued.digests).toBe(1);

    const none = await createWorld();
    try {
      await buildScenario(none);
      const report = await none.store.transaction((tx) => queueOverdueScan(tx, SCAN_AT, SETTINGS));
      expect(report).toMatchObject({ partnershipChannels: 0, overdueActions: 2, queued: { digests: 0 }, withoutChat: { reminders: 1, escalations: 1 } });
      expect(await none.store.transaction((tx) => tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'pending' }] }))).toEqual([]);
    } finally {
      await none.close();
    }
  });

  it('leaves out whoever has no chat with the bot yet, and queues them once they have one', async () => {
    await installApp(world, SERVICE_URL, ['coordinator']);
    const before = await scan();
    expect(before.queued).toEqual({ digests: 1, reminders: 0, escalations: 0 });
    expect(before.withoutChat).toEqual({ reminders: 1, escalations: 1 });

    await captureConversation(world.store, personalInstall(SERVICE_URL, MEMBERS.policeLead), SCAN_AT);
    await captureConversation(world.store, personalInstall(SERVICE_URL, MEMBERS.chair, { playground: true }), SCAN_AT);
    const after = await scan(new Date('2026-06-15T12:00:00Z'));
    expect(after.queued).toEqual({ digests: 0, reminders: 1, escalations: 1 });
    expect(after.withoutChat).toEqual({ reminders: 0, escalations: 0 });
  });

  it('escalates only beyond the threshold, and reminds only within the window', async () => {
    await installApp(world, SERVICE_URL);
    // 26 days overdue is not beyond 26; 2 days ahead is not within 1.
    const strict = await scan(SCAN_AT, { reminderDaysBefore: 1, escalationDaysOverdue: 26 });
    expect(strict).toMatchObject({ escalatedActions: 0, dueSoonActions: 0, queued: { reminders: 0, escalations: 0 } });
    const wide = await scan(SCAN_AT, { reminderDaysBefore: 15, escalationDaysOverdue: 4 });
    // Now the fire action (due in 15 days) is reminded, and both overdue actions are escalated.
    expect(wide).toMatchObject({ escalatedActions: 2, dueSoonActions: 2, queued: { reminders: 2, escalations: 2 } });
  });

  it('as the scheduler runs it: audited as the system, no member involved', async () => {
    await installApp(world, SERVICE_URL);
    const report = await runOverdueScanAsSystem(world.store, SCAN_AT, SETTINGS, 'schedule');
    expect(report.queued.digests).toBe(1);
    const audit = await world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'actorId', op: 'eq', value: 'system' }] }));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', recordType: 'overdueScan', recordId: '2026-06-15', actorAgencyId: 'system', reason: 'Overdue scan (schedule).' }),
    ]);
    expect(audit[0]!.change).toEqual({ queued: report.queued, alreadyQueued: report.alreadyQueued, withoutChat: report.withoutChat });
    // Written through the chain like every other event: the whole trail still verifies after a scan.
    expect(audit[0]).toMatchObject({ seq: expect.any(Number), hash: expect.any(String) });
    expect(await verifyStoredChain(world.store)).toMatchObject({ ok: true });
  });
});
