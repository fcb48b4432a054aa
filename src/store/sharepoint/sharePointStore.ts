import { randomUUID } from 'node:crypto';
import { version as appVersion } from '../../../package.json';
import { ConflictError } from '../../domain/errors';
import type { CaseRecord } from '../../domain/records';
import { type AppendKind, type DataQualityIssue, type Kind, MAX_IN_VALUES, type NewRecord, type Query, type RecordMap, type RemovableKind, type Store, type Tx } from '../port';
import { KINDS } from '../schema';
import { CONFLICT_MESSAGE, GraphRequestError, ResponseLostError, StoreUnavailableError } from './errors';
import { createGraphClient, DEFAULT_RETRY, type FetchLike, type RetryPolicy } from './graphClient';
import { Coalescer, failOn, type GraphCall, GraphHttp, type GraphReply } from './graphHttp';
import { decodeItem, type DecodedItem, type GraphListItem, parseETag, toFields } from './itemMapping';
import { IDEMPOTENCY_KEY, LISTS, RECORD_ID, selectFor } from './listSchema';
import { CASE_KEYS_LIST } from './caseKeys';
import { CaseKeysIndex, DenseKeyError } from './caseKeysIndex';
import { planQuery, type QueryPlan, type RangeWindow } from './queryPlan';
import { GRAPH_SCOPE, MsalTokenProvider, type TokenProvider } from './tokenProvider';

export interface SharePointSettings {
  /** The site id (`host,guid,guid`) or its URL (`https://contoso.sharepoint.com/sites/panel`). */
  siteId: string;
  tenantId: string;
  clientId: string;
  clientCertPath?: string;
  /** The same PEM bundle as text (App Service resolves it from Key Vault into CLIENT_CERT_PEM). */
  clientCertPem?: string;
  clientSecret?: string;
  /** The organisation named in the User-Agent. */
  org: string;
}

export type { DataQualityIssue } from '../port';

export const userAgent = (org: string) => `NONISV|${org.replace(/[|\s]+/g, '')}|RiskPanel/${appVersion}`;

interface Location {
  itemId: string;
  /** The eTag as SharePoint wrote it; its counter is swapped for the version being updated. */
  etag: string;
}

type CreateOutcome = { created: true; version: number } | { created: false };

const MAX_SETTLE_ATTEMPTS = 5;
const DAY_MS = 86_400_000;
/** Where an open-ended window range starts and ends: no record of the partnership's dates falls outside. */
const WINDOW_FLOOR = Date.UTC(1900, 0, 1);
const WINDOW_CEILING = Date.UTC(2200, 0, 1);
/** The first window next to a range's known end; each further one is twice as long (recent dates are the dense ones). */
const FIRST_WINDOW_MS = 32 * DAY_MS;
const EQUAL_WINDOWS = 8;

/** SharePoint's answer to a query whose lead condition finds more items than the list view threshold. */
export const isThresholdError = (err: unknown): boolean =>
  err instanceof GraphRequestError && (/list view threshold/i.test(err.message) || err.code === 'SPQueryThrottledException');

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Consecutive windows covering [lower, upper]: equal ones, or growing away from the one known end. */
function initialWindows(w: RangeWindow): [number, number][] {
  const out: [number, number][] = [];
  if (w.lower !== undefined && w.upper !== undefined) {
    const step = Math.max(DAY_MS, Math.ceil((w.upper - w.lower) / EQUAL_WINDOWS));
    for (let a = w.lower; a < w.upper; a += step) out.push([a, Math.min(w.upper, a + step)]);
    return out.length ? out : [[w.lower, w.upper]];
  }
  if (w.upper !== undefined) {
    let size = FIRST_WINDOW_MS;
    for (let b = w.upper; b > WINDOW_FLOOR; size *= 2) {
      const a = Math.max(WINDOW_FLOOR, b - size);
      out.unshift([a, b]);
      b = a;
    }
    return out;
  }
  const start = w.lower ?? WINDOW_FLOOR;
  let size = FIRST_WINDOW_MS;
  for (let a = start; a < WINDOW_CEILING; size *= 2) {
    const b = Math.min(WINDOW_CEILING, a + size);
    out.push([a, b]);
    a = b;
  }
  return out;
}
const MAX_SEQUENCE_ATTEMPTS = 25;

/**
 * The production store: one SharePoint list per record kind, through Microsoft Graph.
 *
 * SharePoint has no transactions, so `transaction` runs the work directly and each write protects itself:
 * updates carry If-Match with the version read (412 → ConflictError the person is told about); inserts rely on the
 * unique RecordId column and appends on the unique IdempotencyKey column, and a create whose response was lost is
 * settled by looking the record up before it is sent again. Reads and writes issued together are sent as $batch.
 */
export class SharePointStore implements Store {
  readonly name = 'sharepoint' as const;
  private readonly coalescer: Coalescer;
  private site?: Promise<string>;
  private listIds?: Promise<Map<string, string>>;
  private readonly locations = new Map<string, Location>();
  /** Lead clauses SharePoint refused as over the threshold: not sent again (lists only grow past it). */
  private readonly refusedLeads = new Set<string>();
  /** The cases' derived fields (audience, search, adultKeys), answered from the companion list (caseKeysIndex.ts). */
  readonly caseKeys: CaseKeysIndex;

  constructor(
    readonly http: GraphHttp,
    private readonly siteRef: string,
    private readonly options: { pageSize?: number; retry?: RetryPolicy } = {},
  ) {
    this.coalescer = new Coalescer(http);
    this.caseKeys = new CaseKeysIndex({
      call: (c) => this.call(c),
      itemsUrl: async () => `${await this.listUrlNamed(CASE_KEYS_LIST)}/items`,
      isThresholdError,
    });
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.tx);
  }

  async close(): Promise<void> {
    // Nothing held open: HTTP connections belong to fetch.
  }

  // ---- plumbing ----

  private call(c: GraphCall): Promise<GraphReply> {
    return this.coalescer.submit(c);
  }

  private siteId(): Promise<string> {
    this.site ??= (async () => {
      if (!/^https:\/\//i.test(this.siteRef)) return this.siteRef;
      const u = new URL(this.siteRef);
      const reply = await this.call({ method: 'GET', url: `/sites/${u.hostname}:${u.pathname.replace(/\/$/, '')}` });
      if (reply.status !== 200) failOn(reply, { method: 'GET', url: 'site by URL' });
      return String(reply.body.id);
    })().catch((err) => {
      this.site = undefined;
      throw err;
    });
    return this.site;
  }

  private listUrl(kind: Kind): Promise<string> {
    return this.listUrlNamed(LISTS[kind].displayName);
  }

  private async listUrlNamed(displayName: string): Promise<string> {
    const site = await this.siteId();
    this.listIds ??= (async () => {
      const ids = new Map<string, string>();
      let url: string | undefined = `/sites/${site}/lists?$select=id,displayName&$top=200`;
      while (url) {
        const reply: GraphReply = await this.call({ method: 'GET', url });
        if (reply.status !== 200) failOn(reply, { method: 'GET', url: 'lists' });
        for (const l of reply.body.value as { id: string; displayName: string }[]) ids.set(l.displayName, l.id);
        url = reply.body['@odata.nextLink'];
      }
      return ids;
    })().catch((err) => {
      this.listIds = undefined;
      throw err;
    });
    const id = (await this.listIds).get(displayName);
    if (!id) {
      this.listIds = undefined;
      throw new StoreUnavailableError(`The SharePoint list "${displayName}" is missing. An administrator must run: npm run provision -- --site <site>`);
    }
    return `/sites/${site}/lists/${id}`;
  }

  private async itemsQuery(kind: Kind, filter?: string, orderby?: string, top?: number): Promise<string> {
    const params = [`expand=${encodeURIComponent(`fields(select=${selectFor(LISTS[kind]).join(',')})`)}`];
    if (filter) params.push(`$filter=${encodeURIComponent(filter)}`);
    if (orderby) params.push(`$orderby=${encodeURIComponent(orderby)}`);
    params.push(`$top=${top ?? this.options.pageSize ?? 500}`);
    return `${await this.listUrl(kind)}/items?${params.join('&')}`;
  }

  private remember(kind: Kind, d: DecodedItem, etag?: string): void {
    if (d.recordId) this.locations.set(`${kind}:${d.recordId}`, { itemId: d.itemId, etag: etag ?? `"${d.guid},${d.version}"` });
  }

  /** Reads pages until there are no more, or `stop` (given each page) says the rest cannot matter. */
  private async readItems(kind: Kind, firstUrl: string, stop?: (page: DecodedItem[]) => boolean): Promise<DecodedItem[]> {
    const out: DecodedItem[] = [];
    let url: string | undefined = firstUrl;
    while (url) {
      const reply: GraphReply = await this.call({ method: 'GET', url });
      if (reply.status !== 200) failOn(reply, { method: 'GET', url });
      const page = (reply.body.value as GraphListItem[]).map((item) => {
        const d = decodeItem(LISTS[kind], item);
        this.remember(kind, d, item.eTag);
        return d;
      });
      out.push(...page);
      url = reply.body['@odata.nextLink'];
      if (stop?.(page)) break;
    }
    return out;
  }

  /**
   * The items a plan's filter matches, never by a query SharePoint refuses: the plan's lead first, then each other
   * lead, then (every lead refused) its date range window by window, a refused window split in two.
   */
  private async readMatching(kind: Kind, plan: QueryPlan, stop?: (page: DecodedItem[]) => boolean, unfiltered = false): Promise<DecodedItem[]> {
    if (unfiltered) return this.readItems(kind, await this.itemsQuery(kind, undefined, plan.orderby), stop);
    let refused: unknown;
    for (const filter of [plan.filter, ...plan.fallbacks]) {
      const lead = filter === undefined ? undefined : `${kind}|${filter.split(' and ')[0]}`;
      if (lead && this.refusedLeads.has(lead)) continue;
      try {
        return await this.readItems(kind, await this.itemsQuery(kind, filter, plan.orderby), stop);
      } catch (err) {
        if (!lead || !isThresholdError(err)) throw err;
        this.refusedLeads.add(lead);
        refused = err;
      }
    }
    const w = plan.window;
    if (!w) throw refused;
    const parts = await Promise.all(initialWindows(w).map(([a, b], i, all) => this.readWindow(kind, w, a, b, i === all.length - 1)));
    // Windows are read in no useful order: the caller sees them as one page (no early stop).
    const items = parts.flat();
    stop?.(items);
    return items;
  }

  private async readWindow(kind: Kind, w: RangeWindow, from: number, to: number, last: boolean): Promise<DecodedItem[]> {
    const range = [`fields/${w.column} ge '${isoSeconds(from)}'`, `fields/${w.column} ${last ? 'le' : 'lt'} '${isoSeconds(to)}'`];
    try {
      return await this.readItems(kind, await this.itemsQuery(kind, [...range, ...w.rest].join(' and ')));
    } catch (err) {
      const smallest = w.type === 'date' ? DAY_MS : 1000;
      if (!isThresholdError(err) || to - from <= smallest) throw err;
      // Split on a whole day (a date column holds midnights) or second.
      const mid = from + Math.max(smallest, Math.floor((to - from) / 2 / smallest) * smallest);
      const halves = await Promise.all([this.readWindow(kind, w, from, mid, false), this.readWindow(kind, w, mid, to, last)]);
      return halves.flat();
    }
  }

  private async findOne(kind: Kind, column: string, value: string): Promise<DecodedItem | undefined> {
    const filter = `fields/${column} eq '${value.replace(/'/g, "''")}'`;
    const items = await this.readItems(kind, await this.itemsQuery(kind, filter, undefined, 5));
    // The server compares without case; the id and key are exact.
    return items.find((d) => (column === RECORD_ID ? d.recordId === value : d.record?.idempotencyKey === value));
  }

  private async locate(kind: Kind, id: string): Promise<Location | undefined> {
    const known = this.locations.get(`${kind}:${id}`);
    if (known) return known;
    await this.findOne(kind, RECORD_ID, id);
    return this.locations.get(`${kind}:${id}`);
  }

  /** POST a new item; a lost response is settled by looking for the record (by key, or id) before sending again. */
  private async create(kind: Kind, record: Record<string, unknown>): Promise<CreateOutcome> {
    const spec = LISTS[kind];
    const url = `${await this.listUrl(kind)}/items`;
    const writeId = randomUUID();
    const fields = toFields(spec, record, writeId);
    for (let attempt = 0; attempt < MAX_SETTLE_ATTEMPTS; attempt++) {
      let reply: GraphReply;
      try {
        reply = await this.call({ method: 'POST', url, body: { fields } });
      } catch (err) {
        if (!(err instanceof ResponseLostError)) throw err;
        const existing = spec.appendOnly
          ? await this.findOne(kind, IDEMPOTENCY_KEY, String(record.idempotencyKey))
          : await this.findOne(kind, RECORD_ID, String(record.id));
        if (existing?.record) return existing.writeId === writeId ? { created: true, version: existing.version } : { created: false };
        continue;
      }
      if (reply.status === 201) {
        const d = decodeItem(spec, reply.body as GraphListItem);
        this.remember(kind, d, (reply.body as GraphListItem).eTag);
        return { created: true, version: d.version };
      }
      if (reply.status === 409) return { created: false };
      failOn(reply, { method: 'POST', url });
    }
    throw new StoreUnavailableError('SharePoint did not confirm the change. Please check the record and try again.');
  }

  private async patch<K extends Kind>(kind: K, record: RecordMap[K], relocated = false): Promise<RecordMap[K]> {
    const spec = LISTS[kind];
    const loc = await this.locate(kind, record.id);
    if (!loc) throw new ConflictError(`This ${spec.displayName.toLowerCase()} record no longer exists.`);
    const { dataQuality: _dq, ...clean } = record as RecordMap[K] & { dataQuality?: unknown };
    const next = { ...clean, version: record.version + 1 } as RecordMap[K];
    const url = `${await this.listUrl(kind)}/items/${loc.itemId}/fields`;
    const ifMatch = loc.etag.replace(/,\d+("?)$/, `,${record.version}$1`);
    const writeId = randomUUID();
    const fields = toFields(spec, next as unknown as Record<string, unknown>, writeId);
    for (let attempt = 0; attempt < MAX_SETTLE_ATTEMPTS; attempt++) {
      let reply: GraphReply;
      try {
        reply = await this.call({ method: 'PATCH', url, headers: { 'If-Match': ifMatch }, body: fields });
      } catch (err) {
        if (!(err instanceof ResponseLostError)) throw err;
        // Did the write land? Read the item back and compare.
        const now = await this.findOne(kind, RECORD_ID, record.id);
        if (!now?.record) throw new ConflictError(`This ${spec.displayName.toLowerCase()} record no longer exists.`);
        if (now.version === record.version) continue;
        if (now.writeId === writeId) {
          this.remember(kind, now);
          return { ...next, version: now.version };
        }
        throw new ConflictError(CONFLICT_MESSAGE);
      }
      if (reply.status === 200) {
        const etag = String(reply.body?.['@odata.etag'] ?? '');
        const version = etag ? parseETag(etag).version : record.version + 1;
        this.locations.set(`${kind}:${record.id}`, { itemId: loc.itemId, etag: etag || loc.etag });
        return { ...next, version };
      }
      if (reply.status === 412) throw new ConflictError(CONFLICT_MESSAGE);
      if (reply.status === 404) {
        this.locations.delete(`${kind}:${record.id}`);
        if (!relocated) return this.patch(kind, record, true);
        throw new ConflictError(`This ${spec.displayName.toLowerCase()} record no longer exists.`);
      }
      failOn(reply, { method: 'PATCH', url });
    }
    throw new StoreUnavailableError('SharePoint did not confirm the change. Please check the record and try again.');
  }

  /** DELETE the item with If-Match on the version read; a lost response is settled by looking for the item. */
  private async deleteItem(kind: RemovableKind, id: string, version: number, relocated = false): Promise<void> {
    const gone = `This ${LISTS[kind].displayName.toLowerCase()} record no longer exists.`;
    const loc = await this.locate(kind, id);
    if (!loc) throw new ConflictError(gone);
    const url = `${await this.listUrl(kind)}/items/${loc.itemId}`;
    const ifMatch = loc.etag.replace(/,\d+("?)$/, `,${version}$1`);
    for (let attempt = 0; attempt < MAX_SETTLE_ATTEMPTS; attempt++) {
      let reply: GraphReply;
      try {
        reply = await this.call({ method: 'DELETE', url, headers: { 'If-Match': ifMatch } });
      } catch (err) {
        if (!(err instanceof ResponseLostError)) throw err;
        this.locations.delete(`${kind}:${id}`);
        const now = await this.findOne(kind, RECORD_ID, id);
        // Gone: our delete landed (a delete by someone else would need the same version, so the outcome is the same).
        if (!now?.record) return;
        if (now.version === version) continue;
        throw new ConflictError(CONFLICT_MESSAGE);
      }
      if (reply.status === 204 || reply.status === 200) {
        this.locations.delete(`${kind}:${id}`);
        return;
      }
      if (reply.status === 412) throw new ConflictError(CONFLICT_MESSAGE);
      if (reply.status === 404) {
        this.locations.delete(`${kind}:${id}`);
        if (!relocated) return this.deleteItem(kind, id, version, true);
        throw new ConflictError(gone);
      }
      failOn(reply, { method: 'DELETE', url });
    }
    throw new StoreUnavailableError('SharePoint did not confirm the deletion. Please check the record and try again.');
  }

  /**
   * A query on a case's derived field: the items say which cases (at most a page of them when the order is one
   * they carry), and only those are read, by record id (up to 200 ORed equalities on the unique RecordId a request,
   * sent together). Each case read is checked against the whole query, so an item out of step never adds a case.
   */
  private async casesByKeys(query: Query, plan: QueryPlan): Promise<Record<string, unknown>[]> {
    const { ids } = await this.caseKeys.select(query);
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += MAX_IN_VALUES) chunks.push(ids.slice(i, i + MAX_IN_VALUES));
    const found = (await Promise.all(chunks.map((chunk) => this.tx.find('cases', { where: [{ field: 'id', op: 'in', value: chunk }] })))).flat();
    const kept = (found as unknown as Record<string, unknown>[]).filter((r) => plan.check(r)).sort(plan.compare);
    const from = plan.offset ?? 0;
    return plan.limit !== undefined ? kept.slice(from, plan.limit) : kept.slice(from);
  }

  private readonly tx: Tx = {
    get: async <K extends Kind>(kind: K, id: string) => {
      const [found] = await this.tx.find(kind, { where: [{ field: 'id', op: 'eq', value: id }] });
      return found;
    },

    find: async <K extends Kind>(kind: K, query: Query = {}) => {
      const plan = planQuery(kind, LISTS[kind], query);
      if (plan.limit === 0) return [];
      let denseKey = false;
      if (kind === 'cases' && CaseKeysIndex.applies(query)) {
        try {
          return (await this.casesByKeys(query, plan)) as unknown as RecordMap[K][];
        } catch (err) {
          if (!(err instanceof DenseKeyError)) throw err;
          // A key too dense for SharePoint to filter: the Cases list is read as before (below).
          denseKey = true;
        }
      }
      let kept: Record<string, unknown>[] = [];
      let seen = new Set<string>();
      const stop = (page: DecodedItem[]) => {
        for (const d of page) {
          if (!d.record || seen.has(d.itemId) || !plan.check(d.record)) continue;
          seen.add(d.itemId);
          kept.push(d.record);
        }
        const last = page[page.length - 1]?.record;
        if (!plan.orderby || plan.limit === undefined || kept.length < plan.limit || !last) return false;
        // The server orders as the port does: once a page ends beyond the limit-th match, nothing later can displace it.
        kept.sort(plan.compare);
        return plan.beyond(last, kept[plan.limit - 1]!);
      };
      try {
        await this.readMatching(kind, plan, stop);
      } catch (err) {
        if (!denseKey || !isThresholdError(err)) throw err;
        // A dense key and every other lead refused too (say 'chair' and an open status on a large partnership): the
        // Cases list is read without a filter, in the query's order where SharePoint can give it, until the page is
        // certain. A dense key is on a large share of the cases, so that is a few pages' worth.
        kept = [];
        seen = new Set();
        await this.readMatching(kind, { ...plan, fallbacks: [] }, stop, true);
      }
      kept.sort(plan.compare);
      const from = plan.offset ?? 0;
      return (plan.limit !== undefined ? kept.slice(from, plan.limit) : kept.slice(from)) as unknown as RecordMap[K][];
    },

    // Graph has no count of list items by filter: the matches are read (their pages only) and counted.
    count: async (kind: Kind, query: Pick<Query, 'where'> = {}) => {
      if (kind === 'cases' && CaseKeysIndex.applies(query)) {
        try {
          // Distinct cases among the keys' items, when every other condition is on what the items carry.
          const selection = await this.caseKeys.select({ where: query.where ?? [] });
          if (selection.exact) return selection.ids.length;
        } catch (err) {
          if (!(err instanceof DenseKeyError)) throw err;
        }
      }
      return (await this.tx.find(kind, { ...(query.where ? { where: query.where } : {}) })).length;
    },

    insert: async <K extends Kind>(kind: K, record: NewRecord<K>) => {
      const stored = { ...record, version: 1 } as RecordMap[K];
      const outcome = await this.create(kind, stored as unknown as Record<string, unknown>);
      if (!outcome.created) throw new ConflictError(`A ${kind} record with this id already exists.`);
      if (kind === 'cases') await this.caseKeys.sync(stored.id, stored as unknown as CaseRecord, []);
      return { ...stored, version: outcome.version };
    },

    update: async <K extends Kind>(kind: K, record: RecordMap[K]) => {
      if (kind !== 'cases') return this.patch(kind, record);
      // The case's items are read while it is written (one $batch), and brought in line once the write succeeded.
      // A failed read is read again in sync.
      const [saved, items] = await Promise.all([this.patch(kind, record), this.caseKeys.itemsOfCase(record.id).catch(() => undefined)]);
      await this.caseKeys.sync(record.id, saved as unknown as CaseRecord, items);
      return saved;
    },

    append: async <K extends AppendKind>(kind: K, record: NewRecord<K>) => {
      const stored = { ...record, version: 1 } as RecordMap[K];
      const outcome = await this.create(kind, stored as unknown as Record<string, unknown>);
      if (outcome.created) return { record: { ...stored, version: outcome.version }, created: true };
      const existing = await this.findOne(kind, IDEMPOTENCY_KEY, record.idempotencyKey);
      if (!existing?.record) throw new ConflictError(`A ${kind} record with this id already exists.`);
      return { record: existing.record as unknown as RecordMap[K], created: false };
    },

    remove: async (kind: RemovableKind, id: string, version: number) => {
      await this.deleteItem(kind, id, version);
      if (kind === 'cases') await this.caseKeys.sync(id, undefined);
    },

    nextSequence: async (name: string) => {
      const sleep = (this.options.retry ?? DEFAULT_RETRY).sleep;
      for (let attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
        const current = await this.tx.get('counters', name);
        try {
          if (!current) {
            const outcome = await this.create('counters', { id: name, value: 1, version: 1 });
            if (outcome.created) return 1;
          } else {
            return (await this.patch('counters', { ...current, value: current.value + 1 })).value;
          }
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
        }
        // Someone else took this number: back off a little, with jitter, and read again.
        await sleep(Math.floor(Math.random() * 20 * (attempt + 1)));
      }
      throw new StoreUnavailableError('Too many people are creating records at once. Please try again.');
    },
  };

  /** Every item a hand edit made unusable or questionable, for the coordinator to put right. */
  async listDataQualityIssues(): Promise<DataQualityIssue[]> {
    const perKind = await Promise.all(
      KINDS.map(async (kind) => {
        const items = await this.readItems(kind, await this.itemsQuery(kind));
        return items
          .filter((d) => d.problems.length)
          .map((d) => ({
            kind,
            list: LISTS[kind].displayName,
            itemId: d.itemId,
            ...(d.recordId ? { recordId: d.recordId } : {}),
            ...(d.title ? { title: d.title } : {}),
            ...(d.webUrl ? { webUrl: d.webUrl } : {}),
            problems: d.problems,
          }));
      }),
    );
    return perKind.flat();
  }
}

export interface SharePointDeps {
  tokens?: TokenProvider;
  fetch?: FetchLike;
  retry?: RetryPolicy;
  pageSize?: number;
  onRetry?: (status: number | 'lost', delayMs: number) => void;
}

/** The store as production builds it: MSAL app-only tokens, the Graph client's middleware chain, global fetch. */
export function createSharePointStore(settings: SharePointSettings, deps: SharePointDeps = {}): SharePointStore {
  const tokens = deps.tokens ?? new MsalTokenProvider(settings);
  const retry = deps.retry ?? DEFAULT_RETRY;
  const client = createGraphClient({
    tokens,
    scope: GRAPH_SCOPE,
    userAgent: userAgent(settings.org),
    retry,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.onRetry ? { onRetry: deps.onRetry } : {}),
  });
  return new SharePointStore(new GraphHttp(client, retry), settings.siteId, { retry, ...(deps.pageSize ? { pageSize: deps.pageSize } : {}) });
}
