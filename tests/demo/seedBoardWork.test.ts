import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedBoardWork } from '../../src/demo/seedBoardWork';
import { seedDemo } from '../../src/demo/seedDemo';
import { isOverdue } from '../../src/domain/rules';
import { queueOverdueScan } from '../../src/kernel/overdueScan';
import { loadOverdueDigestView } from '../../src/queries/cardData';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { verifyStoredChain } from '../../src/audit/verifyStore';

const NOW = new Date('2026-06-15T09:00:00Z');
let dir: string;
let store: SqliteStore;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskpanel-board-'));
  store = new SqliteStore(path.join(dir, 'demo.db'));
  await seedDemo(store, { now: NOW, refPrefix: 'CASPA' });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo learning review and board plan', () => {
  it('seed one review with three recommendations and actions for two agencies, and a plan with two priorities, once', async () => {
    expect(await seedBoardWork(store, NOW)).toEqual({ learningReviews: 1, planObjectives: 3, actions: 7 });
    expect(await seedBoardWork(store, NOW)).toEqual({ learningReviews: 0, planObjectives: 0, actions: 0 });
    const { reviews, objectives, actions } = await store.transaction(async (tx) => ({
      reviews: await tx.find('learningReviews'), objectives: await tx.find('planObjectives'), actions: await tx.find('actions'),
    }));
    expect(reviews).toEqual([expect.objectContaining({ ref: 'SAR 2026-01', kind: 'sar' })]);
    expect(reviews[0]!.recommendations.map((r) => r.number)).toEqual([1, 2, 3]);
    const reviewActions = actions.filter((a) => a.parentKind === 'learning_review');
    expect(new Set(reviewActions.map((a) => a.agencyId))).toEqual(new Set(['ag-police', 'ag-elft']));
    expect(new Set(objectives.map((o) => o.priorityCode))).toEqual(new Set(['SAB1', 'SAB2']));
    expect(actions.filter((a) => a.parentKind === 'board_plan').every((a) => a.rag)).toBe(true);
    expect(reviewActions.filter((a) => isOverdue(a, NOW)).map((a) => a.id)).toEqual(['demo-board-action-1']);
    expect((await verifyStoredChain(store)).ok).toBe(true);
  });

  it("put the overdue review action in the partnership's digest, by its source", async () => {
    const digestIds = await store.transaction(async (tx) => {
      await tx.insert('conversations', {
        id: 'conv-demo-channel', conversationId: '19:demo@thread.tacv2', conversationType: 'channel', serviceUrl: 'http://127.0.0.1:9/',
        isPartnershipChannel: true, active: true, capturedAt: NOW.toISOString(),
      });
      await queueOverdueScan(tx, NOW, { reminderDaysBefore: 3, escalationDaysOverdue: 14 });
      return (await tx.find('outbox')).filter((r) => r.kind === 'overdueDigest').map((r) => r.id);
    });
    const view = await store.transaction((tx) => loadOverdueDigestView(tx, digestIds[0]!, { now: NOW, shared: true }));
    expect(view!.actions).toContainEqual(expect.objectContaining({ actionId: 'demo-board-action-1', ref: 'SAR 2026-01 rec 3', agency: 'Police' }));
  });
});
