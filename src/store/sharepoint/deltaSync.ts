import type { SyncState } from '../../domain/records';
import type { DataQualityProblem, Kind, Store } from '../port';
import { retryDelayMs } from './graphClient';
import { failOn, type GraphHttp, type GraphReply, isThrottle } from './graphHttp';
import { decodeItem, type GraphListItem, WRITE_ID } from './itemMapping';
import { IDEMPOTENCY_KEY, LISTS, RECORD_ID, RECORD_JSON, selectFor } from './listSchema';
import { resolveSite } from './provisioning';

/**
 * Picks up what people changed in the lists outside RiskPanel (issue 13 item 7), with Graph's delta query per list.
 * Each list's place is kept in its `syncStates` record (the id is the record kind): the `@odata.deltaLink` once a
 * walk is complete, or the `@odata.nextLink` of the page to read next, saved after each page is handled, so a run cut
 * short (throttled, a crash, a failing page) resumes where it stopped and loses nothing.
 *
 * A change is a hand edit when a person (Graph's `lastModifiedBy.user`), not an app, made it, and its columns no
 * longer say what RiskPanel saved in RecordJson (or a column cannot be read at all). RiskPanel's own writes keep the
 * columns and RecordJson in step and are made with the app's identity, so they are never reported. What a hand edit
 * means (applied, put back, flagged) is decided by the command it is handed to (src/commands/applySharePointEdit.ts).
 *
 * An expired token (410) starts the list over (a full resync): every item is looked at again, and the handler's
 * idempotency (keyed by item and version) keeps an edit seen twice from being audited twice. A page still throttled
 * after the Graph client's own retries (429/503, Retry-After honoured) ends the run: the time Graph gave is kept in
 * the state and the next run before it skips the list.
 */

/** The lists people may edit by hand. Bookkeeping lists (audit, outbox, counters, leases, sync state) are RiskPanel's alone. */
export const SYNCED_KINDS: readonly Kind[] = [
  'agencies', 'members', 'cases', 'riskAssessments', 'actions', 'chronology', 'meetings', 'agendaItems', 'decisions',
  'attendance', 'conversations', 'disposals', 'learningReviews', 'planObjectives',
];

export interface SharePointEditor {
  /** SharePoint's display name of the person. */
  name: string;
  email?: string;
  /** Their Entra object id, as Graph reports it. */
  entraId?: string;
}

export interface FieldChange {
  /** The record field ('status'), and the column people see ('Status'). */
  field: string;
  column: string;
  /** What RiskPanel last saved; absent when it saved nothing. */
  from?: unknown;
  /** What the column says now. */
  to?: unknown;
}

/** One item changed by a person in SharePoint, as the handler receives it. */
export interface HandEdit {
  kind: Kind;
  list: string;
  itemId: string;
  /** Absent for an item added by hand (it has no record id, so RiskPanel cannot use it). */
  recordId?: string;
  /** The item's version (eTag counter) this edit produced: with the item id, the edit's identity. */
  version: number;
  editor: SharePointEditor;
  editedAt?: string;
  webUrl?: string;
  /** Columns whose valid value differs from what RiskPanel saved. */
  changes: FieldChange[];
  /** Columns that cannot be read (a value outside the choices, not a date, a required one emptied ...). */
  problems: DataQualityProblem[];
}

export type ListSyncStatus = 'synced' | 'waiting' | 'throttled' | 'failed';
export interface ListSyncReport {
  kind: Kind;
  status: ListSyncStatus;
  pages: number;
  /** Items the delta returned (changed or deleted since the last run, or all of them on a first run or a resync). */
  seen: number;
  edits: number;
  resynced: boolean;
  error?: string;
}
export interface DeltaSyncReport {
  lists: ListSyncReport[];
  edits: number;
  /** The run stopped early because Graph kept throttling; the rest waits for the next run. */
  throttled: boolean;
}

export interface DeltaSyncOptions {
  kinds?: readonly Kind[];
  /** How long to leave a list alone when Graph throttles without saying (no Retry-After). */
  defaultRetryAfterMs?: number;
}

interface GraphEditor { user?: { id?: string; email?: string; displayName?: string }; application?: { displayName?: string } }
type DeltaItem = GraphListItem & { '@removed'?: unknown; lastModifiedBy?: GraphEditor; lastModifiedDateTime?: string };

/** The person behind a change, or undefined when an app (RiskPanel itself) made it. */
export function editorOf(by: GraphEditor | undefined): SharePointEditor | undefined {
  const user = by?.user;
  if (!user) return undefined;
  return { name: user.displayName || user.email || 'Someone in SharePoint', ...(user.email ? { email: user.email.toLowerCase() } : {}), ...(user.id ? { entraId: user.id } : {}) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What a person changed in an item: each column against RecordJson, and what cannot be read. */
export function describeItem(kind: Kind, item: DeltaItem): Pick<HandEdit, 'changes' | 'problems' | 'version'> & { recordId?: string } {
  const spec = LISTS[kind];
  const decoded = decodeItem(spec, item);
  if (!decoded.record) return { problems: decoded.problems, changes: [], version: decoded.version };
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(String(item.fields?.[RECORD_JSON] ?? ''));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) saved = parsed as Record<string, unknown>;
  } catch {
    // decodeItem reported it; every column then counts as changed from nothing.
  }
  delete saved[WRITE_ID];
  const changes: FieldChange[] = [];
  for (const col of spec.columns) {
    // Computed columns (OpenDueDate) are index data RiskPanel rewrites with the record, not something a person edits.
    if (col.name === RECORD_ID || col.name === RECORD_JSON || col.name === IDEMPOTENCY_KEY || col.computed) continue;
    const to = decoded.record[col.field];
    if (!same(to, saved[col.field])) {
      changes.push({ field: col.field, column: col.displayName, ...(saved[col.field] !== undefined ? { from: saved[col.field] } : {}), ...(to !== undefined ? { to } : {}) });
    }
  }
  return { recordId: decoded.recordId, changes, problems: decoded.problems, version: decoded.version };
}

export class DeltaSync {
  private listIds?: Promise<{ site: string; ids: Map<string, string> }>;

  constructor(
    private readonly http: GraphHttp,
    private readonly siteRef: string,
    /** Where the sync states are kept (the same SharePoint store in production). */
    private readonly store: Store,
    private readonly options: DeltaSyncOptions = {},
  ) {}

  /** Walks every synced list's changes, handing each hand edit to `onEdit` in order. */
  async run(onEdit: (edit: HandEdit) => Promise<unknown>, now: Date = new Date()): Promise<DeltaSyncReport> {
    const report: DeltaSyncReport = { lists: [], edits: 0, throttled: false };
    for (const kind of this.options.kinds ?? SYNCED_KINDS) {
      if (report.throttled) {
        report.lists.push({ kind, status: 'waiting', pages: 0, seen: 0, edits: 0, resynced: false });
        continue;
      }
      const list = await this.syncList(kind, onEdit, now);
      report.lists.push(list);
      report.edits += list.edits;
      // Throttling is per app and site: the other lists would be refused too, so they wait for the next run.
      if (list.status === 'throttled') report.throttled = true;
    }
    return report;
  }

  private async syncList(kind: Kind, onEdit: (edit: HandEdit) => Promise<unknown>, now: Date): Promise<ListSyncReport> {
    const out: ListSyncReport = { kind, status: 'synced', pages: 0, seen: 0, edits: 0, resynced: false };
    let state = await this.store.transaction((tx) => tx.get('syncStates', kind));
    if (state?.retryAfter && Date.parse(state.retryAfter) > now.getTime()) return { ...out, status: 'waiting' };
    try {
      let url = state?.deltaLink ?? (await this.firstUrl(kind));
      for (;;) {
        const reply = await this.http.send({ method: 'GET', url });
        if (reply.status === 410 && !out.resynced) {
          // The token expired: start over from the beginning of the list (the handler is idempotent per item version).
          out.resynced = true;
          state = await this.save(kind, state, { deltaLink: undefined, retryAfter: undefined, resyncs: (state?.resyncs ?? 0) + 1 });
          url = await this.firstUrl(kind);
          continue;
        }
        if (isThrottle(reply.status)) {
          const waitMs = reply.headers['retry-after'] ? retryDelayMs(reply.headers['retry-after'], 0, 24 * 3_600_000) : (this.options.defaultRetryAfterMs ?? 60_000);
          // The place reached is kept: the next run reads this page again, after Graph's wait.
          await this.save(kind, state, { deltaLink: url, retryAfter: new Date(now.getTime() + waitMs).toISOString() });
          return { ...out, status: 'throttled' };
        }
        if (reply.status !== 200) failOn(reply, { method: 'GET', url: `${LISTS[kind].displayName} delta` });
        out.pages++;
        for (const item of (reply.body?.value ?? []) as DeltaItem[]) {
          out.seen++;
          const edit = this.handEditOf(kind, item);
          if (!edit) continue;
          await onEdit(edit);
          out.edits++;
        }
        const next = reply.body?.['@odata.nextLink'] as string | undefined;
        const done = reply.body?.['@odata.deltaLink'] as string | undefined;
        state = await this.save(kind, state, { deltaLink: next ?? done, retryAfter: undefined, ...(next ? {} : { syncedAt: now.toISOString() }) });
        if (!next) return out;
        url = next;
      }
    } catch (err) {
      // The place of the last page handled is kept: the next run starts there, so nothing is skipped.
      return { ...out, status: 'failed', error: (err as Error).message };
    }
  }

  private handEditOf(kind: Kind, item: DeltaItem): HandEdit | undefined {
    if (item['@removed']) return undefined;
    const editor = editorOf(item.lastModifiedBy);
    // RiskPanel's own writes (app-only identity) are never hand edits.
    if (!editor) return undefined;
    const described = describeItem(kind, item);
    if (!described.changes.length && !described.problems.length) return undefined;
    return {
      kind,
      list: LISTS[kind].displayName,
      itemId: String(item.id),
      ...(described.recordId ? { recordId: described.recordId } : {}),
      version: described.version,
      editor,
      ...(item.lastModifiedDateTime ? { editedAt: item.lastModifiedDateTime } : {}),
      ...(item.webUrl ? { webUrl: item.webUrl } : {}),
      changes: described.changes,
      problems: described.problems,
    };
  }

  private async firstUrl(kind: Kind): Promise<string> {
    this.listIds ??= (async () => {
      const { id: site } = await resolveSite(this.http, this.siteRef);
      const ids = new Map<string, string>();
      let url: string | undefined = `/sites/${site}/lists?$select=id,displayName&$top=200`;
      while (url) {
        const reply: GraphReply = await this.http.send({ method: 'GET', url });
        if (reply.status !== 200) failOn(reply, { method: 'GET', url: 'lists' });
        for (const l of reply.body.value as { id: string; displayName: string }[]) ids.set(l.displayName, l.id);
        url = reply.body['@odata.nextLink'];
      }
      return { site, ids };
    })().catch((err) => {
      this.listIds = undefined;
      throw err;
    });
    const { site, ids } = await this.listIds;
    const id = ids.get(LISTS[kind].displayName);
    if (!id) throw new Error(`The SharePoint list "${LISTS[kind].displayName}" is missing: run provisioning`);
    const select = [...selectFor(LISTS[kind])].join(',');
    return `/sites/${site}/lists/${id}/items/delta?expand=${encodeURIComponent(`fields(select=${select})`)}`;
  }

  private async save(kind: Kind, state: SyncState | undefined, patch: Partial<Omit<SyncState, 'id' | 'version'>>): Promise<SyncState> {
    return this.store.transaction(async (tx) => {
      const current = state ?? (await tx.get('syncStates', kind));
      const merged = { ...(current ?? { id: kind }), ...patch };
      for (const key of Object.keys(merged) as (keyof typeof merged)[]) if (merged[key] === undefined) delete merged[key];
      if (!current) return tx.insert('syncStates', merged);
      return tx.update('syncStates', { ...merged, version: current.version } as SyncState);
    });
  }
}
