import { applySharePointEdit } from '../commands/applySharePointEdit';
import { AppError, ConflictError } from '../domain/errors';
import { execute } from '../kernel/command';
import { makeContext } from '../kernel/context';
import { SYSTEM_ACTOR } from '../kernel/systemActor';
import { DeltaSync, type DeltaSyncReport, type HandEdit } from '../store/sharepoint/deltaSync';
import type { SharePointStore } from '../store/sharepoint/sharePointStore';
import type { IntervalJob } from './scheduler';

export const SHAREPOINT_SYNC_JOB = 'sharePointSync';
/** Often enough that a coordinator's edit reaches the cards within minutes; each run reads only what changed. */
export const SHAREPOINT_SYNC_EVERY_MS = 5 * 60_000;

export interface SharePointSyncDeps {
  store: SharePointStore;
  /** The site id or URL (SHAREPOINT_SITE_ID). */
  siteRef: string;
  everyMs?: number;
  log?: (event: string, fields: Record<string, unknown>) => void;
}

export interface SharePointSyncReport extends DeltaSyncReport {
  /** Edits the command could not take as input (logged by list and item; the sync moves on rather than stall). */
  skipped: number;
}

/**
 * Runs one delta sync pass (src/store/sharepoint/deltaSync.ts), handing each hand edit to the applySharePointEdit
 * command as RiskPanel itself (the system actor), with the item and version as the correlation id: the audit event
 * and cards of an edit seen twice are written once. An edit changed again before it was applied (a version conflict)
 * is left to the next run, which sees the newer one. A refused input would otherwise stop the list for ever, so it is
 * logged and passed over; anything else (SharePoint unavailable) stops the list where it was, for the next run.
 */
export async function runSharePointSync(deps: SharePointSyncDeps, sync: DeltaSync, now: Date): Promise<SharePointSyncReport> {
  let skipped = 0;
  const apply = async (edit: HandEdit) => {
    const ctx = makeContext({ store: deps.store, actor: SYSTEM_ACTOR, now: () => now, correlationId: `sharepoint:${edit.kind}:${edit.itemId}:v${edit.version}` });
    try {
      return await execute(applySharePointEdit, ctx, edit);
    } catch (err) {
      if (err instanceof ConflictError) return undefined;
      if (err instanceof AppError && err.status < 500) {
        skipped++;
        deps.log?.('sharepoint.editSkipped', { list: edit.list, itemId: edit.itemId, version: edit.version, error: err.message });
        return undefined;
      }
      throw err;
    }
  };
  const report = await sync.run(apply, now);
  deps.log?.('sharepoint.sync', {
    edits: report.edits,
    skipped,
    throttled: report.throttled,
    lists: report.lists.filter((l) => l.status !== 'synced' || l.edits || l.resynced).map((l) => ({ kind: l.kind, status: l.status, edits: l.edits, resynced: l.resynced, ...(l.error ? { error: l.error } : {}) })),
  });
  return { ...report, skipped };
}

/** The sync as a scheduler job: every few minutes under the 'job:sharePointSync' lease (one instance reads the deltas). */
export function sharePointSyncJob(deps: SharePointSyncDeps): IntervalJob {
  const sync = new DeltaSync(deps.store.http, deps.siteRef, deps.store);
  return { name: SHAREPOINT_SYNC_JOB, everyMs: deps.everyMs ?? SHAREPOINT_SYNC_EVERY_MS, run: (ctx) => runSharePointSync(deps, sync, ctx.now) };
}
