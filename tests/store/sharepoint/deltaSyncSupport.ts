import { completeAction } from '../../../src/commands/completeAction';
import type { ActionRecord, AuditEvent, CaseRecord, OutboxMessage } from '../../../src/domain/records';
import { execute } from '../../../src/kernel/command';
import { runSharePointSync, type SharePointSyncReport } from '../../../src/notify/sharePointSyncJob';
import type { Kind } from '../../../src/store/port';
import { DeltaSync } from '../../../src/store/sharepoint/deltaSync';
import type { SharePointStore } from '../../../src/store/sharepoint/sharePointStore';
import type { FakeEditor, GraphFake } from '../../fakes/graphFake';
import { createActionOn, createOpenCase } from '../../support/cases';
import { sharePointWorld } from '../../support/sharePointWorld';
import { FIXED_NOW, MEMBERS, type World } from '../../support/world';

/** The coordinator of the test partnership, editing in the SharePoint browser UI (Graph's lastModifiedBy.user). */
export const COORDINATOR_IN_SHAREPOINT: FakeEditor = {
  user: { id: MEMBERS.coordinator.aadObjectId, email: MEMBERS.coordinator.email.toUpperCase(), displayName: MEMBERS.coordinator.name },
};

export interface SyncWorld {
  fake: GraphFake;
  store: SharePointStore;
  world: World;
  waits: number[];
  caseRecord: CaseRecord;
  actions: ActionRecord[];
  /** One sync pass at `now` (the scheduler's job body), over the lists given at setup. */
  sync(now?: Date): Promise<SharePointSyncReport>;
  /** A coordinator's edit of a record's item in the browser. */
  edit(kind: 'Actions' | 'Members' | 'Cases', recordId: string, fields: Record<string, unknown>, editor?: FakeEditor): void;
  action(id: string): Promise<ActionRecord>;
  auditOf(recordId: string): Promise<AuditEvent[]>;
  pendingCards(): Promise<OutboxMessage[]>;
  /** Delta requests sent for one list so far. */
  deltaRequests(list: string): number;
  completeInApp(action: ActionRecord): Promise<ActionRecord>;
}

/**
 * A provisioned Graph fake with the production SharePointStore, the test partnership, one open case with `actions`
 * actions (small delta pages, so walks span several), and a first sync pass already run: RiskPanel's own writes so
 * far are the baseline and are not reported.
 */
export async function syncWorld(opts: { actions?: number; kinds?: Kind[] } = {}): Promise<SyncWorld> {
  const { fake, store, retry, world } = await sharePointWorld({ fake: { deltaPageSize: 2 } });
  const caseRecord = await createOpenCase(world);
  const actions: ActionRecord[] = [];
  for (let i = 0; i < (opts.actions ?? 1); i++) actions.push(await createActionOn(world, caseRecord.id));
  const deltaSync = new DeltaSync(store.http, fake.site.id, store, { kinds: opts.kinds ?? ['actions', 'members'] });
  const sync = (now: Date = FIXED_NOW) => runSharePointSync({ store, siteRef: fake.site.id }, deltaSync, now);
  const baseline = await sync();
  if (baseline.edits !== 0) throw new Error('RiskPanel\'s own writes were reported as hand edits');
  return {
    fake,
    store,
    world,
    waits: retry.waits,
    caseRecord,
    actions,
    sync,
    edit: (list, recordId, fields, editor = COORDINATOR_IN_SHAREPOINT) => void fake.editItem(list, fake.itemByRecordId(list, recordId).id, fields, editor),
    action: async (id) => (await store.transaction((tx) => tx.get('actions', id)))!,
    auditOf: async (recordId) =>
      (await store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: recordId }] }))).filter(
        (e) => (e.change as { source?: string } | undefined)?.source === 'sharepoint',
      ),
    pendingCards: () => store.transaction((tx) => tx.find('outbox', { where: [{ field: 'status', op: 'eq', value: 'pending' }] })),
    deltaRequests: (list) => fake.stats.log.filter((l) => l.url.includes(`/lists/${fake.list(list).id}/items/delta`)).length,
    completeInApp: (a) => execute(completeAction, world.ctx('police'), { actionId: a.id, expectedVersion: a.version }),
  };
}
