const OVERDUE_DIGEST = 'overdueDigest';
import { problemOf, startServer, type TestServer } from '../api/server';
import { buildScenario, installApp, outboxRows } from './support/scenario';

// POST /api/scans/overdue: the coordinator's "run the scan now", over real HTTP.

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  await buildScenario(server.world);
  await installApp(server.world, 'http://127.0.0.1:9/');
});
afterEach(() => server.close());

describe('POST /api/scans/overdue', () => {
  it('runs the scan for a coordinator and answers with what it queued; a second press queues nothing again', async () => {
    const res = await server.call('POST', '/api/scans/overdue', { as: 'coordinator' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      asOf: '2026-06-15',
      partnershipChannels: 1,
      overdueActions: 2,
      dueSoonActions: 1,
      escalatedActions: 1,
      queued: { digests: 1, reminders: 1, escalations: 1 },
      alreadyQueued: { digests: 0, reminders: 0, escalations: 0 },
      withoutChat: { reminders: 0, escalations: 0 },
    });

    const again = await server.call('POST', '/api/scans/overdue', { as: 'coordinator', json: {} });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ queued: { digests: 0, reminders: 0, escalations: 0 }, alreadyQueued: { digests: 1, reminders: 1, escalations: 1 } });
    expect(await outboxRows(server.world, OVERDUE_DIGEST)).toHaveLength(1);

    const audit = await server.world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: '2026-06-15' }] }));
    expect(audit.filter((e) => e.recordType === 'overdueScan').map((e) => e.actorId)).toEqual(['coordinator', 'coordinator']);
  });

  it('refuses partners and the chair with 403 and queues nothing; the refusal is audited', async () => {
    const before = await server.counts();
    for (const persona of ['police', 'chair'] as const) {
      const res = await server.call('POST', '/api/scans/overdue', { as: persona });
      expect(res.status).toBe(403);
      expect((await problemOf(res)).detail).toBe('Only coordinators can run the overdue scan.');
    }
    const after = await server.counts();
    expect(after.outbox).toBe(before.outbox);
    expect(after.audit).toBe(before.audit + 2);
  });

  it('needs a signed-in caller, and takes no settings from the body', async () => {
    expect((await server.call('POST', '/api/scans/overdue')).status).toBe(401);
    const res = await server.call('POST', '/api/scans/overdue', { as: 'coordinator', json: { escalationDaysOverdue: 0 } });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([{ field: 'escalationDaysOverdue', message: 'is not a field of this request' }]);
    expect(await outboxRows(server.world, OVERDUE_DIGEST)).toEqual([]);
  });
});
