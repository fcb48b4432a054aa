import { randomUUID } from 'node:crypto';
import { FaultInjector, type FaultKind, type FaultPlan } from './faults';
import {
  type ColumnKind, compareForOrder, evaluateFilter, type FilterNode, FilterSyntaxError, filterColumns, leadingCondition, parseFilter,
} from './odataFilter';
import { handleSharePointRest } from './sharePointRest';

/**
 * A narrow, in-process fake of Microsoft Graph's SharePoint list API (and the few SharePoint REST calls provisioning
 * makes for views), faithful to the behaviour that bites:
 * - a bearer token is required on every request (401 otherwise);
 * - `$filter`/`$orderby` on a column that is not indexed is refused without `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`,
 *   and fails with the list view threshold error past 5,000 items even with it; an indexed filter whose first
 *   condition matches more than 5,000 items fails the same way;
 * - text compares case-insensitively; date-times keep whole seconds only;
 * - paging with a default page size (200) and `@odata.nextLink`; `$top` is a page size, not a total;
 * - eTags `"{guid},N"`, N counting every change (also hand edits), 412 on a stale If-Match;
 * - unique columns refuse duplicates (409);
 * - `$batch` of at most 20 with per-request statuses, inner 429s included;
 * - faults: 429/503 with Retry-After, dropped connections before or after the write took effect;
 * - delta with a token that can expire (410).
 * It is reached through `fake.fetch`, passed to the production Graph client as its terminal fetch, so the client keeps
 * the real https://graph.microsoft.com/v1.0 base URL and its authentication handler adds the bearer as in production.
 */

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const NON_INDEXED_PREFER = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface FakeColumn {
  id: string;
  name: string;
  displayName: string;
  description: string;
  indexed: boolean;
  required: boolean;
  enforceUniqueValues: boolean;
  hidden: boolean;
  kind: ColumnKind;
  multiline: boolean;
  /** The type facet as Graph shows it, e.g. { choice: { choices: [...] } }. */
  facet: Record<string, unknown>;
}
/** Who last changed an item, as Graph's `lastModifiedBy` shows it: a person in the browser, or an app (RiskPanel's writes). */
export interface FakeEditor { user?: { id?: string; email?: string; displayName: string }; application?: { id?: string; displayName: string } }
export interface FakeItem { id: number; guid: string; version: number; fields: Record<string, unknown>; created: string; modified: string; modifiedBy?: FakeEditor }
/** RiskPanel's own writes through Graph (app-only token). */
export const APP_EDITOR: FakeEditor = { application: { id: 'riskpanel-app', displayName: 'RiskPanel' } };
/** An invented coordinator editing in the SharePoint browser UI, unless a test names someone else. */
export const BROWSER_EDITOR: FakeEditor = { user: { id: 'aad-coordinator-browser', email: 'sam.coordinator@invented.example', displayName: 'Sam Coordinator' } };
export interface FakeView { Id: string; Title: string; ViewQuery: string; ViewFields: string[]; RowLimit: number; PersonalView: boolean; DefaultView: boolean }
export interface FakeList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  columns: FakeColumn[];
  items: Map<number, FakeItem>;
  nextId: number;
  views: FakeView[];
  changeSeq: number;
  changes: { seq: number; itemId: number; deleted: boolean }[];
  deltaFloor: number;
  /** Per unique column: lower-cased value → item id (SharePoint enforces uniqueness through the index). */
  uniques: Map<string, Map<string, number>>;
}
export interface FakeSite { id: string; hostname: string; path: string; displayName: string; lists: Map<string, FakeList> }

export interface FakeResponse { status: number; headers?: Record<string, string>; body?: unknown }
export interface FakeRequest { method: string; url: URL; headers: Record<string, string>; body: unknown; inner: boolean }

export interface LoggedRequest { method: string; url: string; status: number | 'dropped'; inner: boolean }
export interface FakeStats {
  /** HTTP requests received (a $batch envelope counts once). */
  requests: number;
  batches: number;
  innerRequests: number;
  /**
   * Simulated elapsed time at `roundTripMs` per request: a request starts (in simulated time) when the last request
   * that had finished before it was sent ended, so requests sent together overlap and dependent ones queue.
   */
  simulatedMs: number;
  byMethod: Record<string, number>;
  faults: Record<FaultKind, number>;
  unauthenticated: number;
  userAgents: Set<string>;
  bearerTokens: Set<string>;
  log: LoggedRequest[];
  /** Items returned by item queries (GET …/items), per list display name: what the caller had to read. */
  itemsReturned: Record<string, number>;
  /** Item queries per list display name, and how many of them carried no $filter (a read of the list in order). */
  itemQueries: Record<string, { filtered: number; unfiltered: number }>;
}

export interface GraphFakeOptions {
  /** Items per page when the caller sets no $top (Graph's default for list items is 200). */
  pageSize?: number;
  /** The most items one page ever holds, whatever $top says. */
  maxPageSize?: number;
  /** The list view threshold. */
  threshold?: number;
  faults?: FaultPlan;
  /** Real time each request takes; lets requests sent together overlap. */
  latencyMs?: number;
  /** Simulated time per round trip, for `stats.simulatedMs`. */
  roundTripMs?: number;
  hostname?: string;
  sitePath?: string;
  /** Changes per delta page (Graph decides; small pages let tests see `@odata.nextLink`). */
  deltaPageSize?: number;
}

const MAX_BATCH = 20;
const MAX_INDEXES = 20;
const SYSTEM_FIELDS = new Set(['id', 'ID', 'Created', 'Modified', 'ContentType', 'Attachments', 'Edit', 'LinkTitle', '_UIVersionString']);

export const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}): FakeResponse => ({
  status,
  headers,
  body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } },
});

function secondsIso(v: unknown): string | null {
  const t = Date.parse(String(v));
  return Number.isNaN(t) ? null : new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function kindOfFacet(def: Record<string, unknown>): { kind: ColumnKind; multiline: boolean; facet: Record<string, unknown> } {
  if (def.text) {
    const t = def.text as { allowMultipleLines?: boolean };
    return { kind: 'text', multiline: !!t.allowMultipleLines, facet: { text: def.text } };
  }
  if (def.choice) {
    const c = def.choice as { displayAs?: string };
    return { kind: c.displayAs === 'checkBoxes' ? 'multichoice' : 'choice', multiline: false, facet: { choice: def.choice } };
  }
  if (def.number) return { kind: 'number', multiline: false, facet: { number: def.number } };
  if (def.boolean) return { kind: 'boolean', multiline: false, facet: { boolean: def.boolean } };
  if (def.dateTime) return { kind: 'dateTime', multiline: false, facet: { dateTime: def.dateTime } };
  throw new Error('Unsupported column type');
}

class HttpError extends Error {
  constructor(readonly response: FakeResponse) {
    super(JSON.stringify(response.body));
  }
}
const fail = (status: number, code: string, message: string): never => {
  throw new HttpError(graphError(status, code, message));
};

export class GraphFake {
  readonly site: FakeSite;
  readonly stats: FakeStats = GraphFake.emptyStats();
  readonly faults: FaultInjector;
  private readonly opts: Required<Omit<GraphFakeOptions, 'faults'>>;
  private finishedAt = 0;

  constructor(options: GraphFakeOptions = {}) {
    this.opts = {
      pageSize: options.pageSize ?? 200,
      maxPageSize: options.maxPageSize ?? 999,
      threshold: options.threshold ?? 5000,
      latencyMs: options.latencyMs ?? 0,
      roundTripMs: options.roundTripMs ?? 100,
      deltaPageSize: options.deltaPageSize ?? 200,
      hostname: options.hostname ?? 'contoso.sharepoint.com',
      sitePath: options.sitePath ?? '/sites/riskpanel',
    };
    this.faults = new FaultInjector(options.faults);
    this.site = {
      id: `${this.opts.hostname},${randomUUID()},${randomUUID()}`,
      hostname: this.opts.hostname,
      path: this.opts.sitePath,
      displayName: 'Invented Safeguarding Partnership',
      lists: new Map(),
    };
  }

  static emptyStats(): FakeStats {
    return {
      requests: 0,
      batches: 0,
      innerRequests: 0,
      simulatedMs: 0,
      byMethod: {},
      faults: { '429': 0, '503': 0, drop: 0, 'drop-after': 0 },
      unauthenticated: 0,
      userAgents: new Set(),
      bearerTokens: new Set(),
      log: [],
      itemsReturned: {},
      itemQueries: {},
    };
  }

  get siteUrl(): string {
    return `https://${this.site.hostname}${this.site.path}`;
  }

  resetStats(): void {
    Object.assign(this.stats, GraphFake.emptyStats());
    this.finishedAt = 0;
  }

  setFaults(plan: FaultPlan | undefined): void {
    this.faults.set(plan);
  }

  // ---- test helpers that act as SharePoint itself (or a coordinator in the browser), bypassing HTTP ----

  list(nameOrId: string): FakeList {
    for (const l of this.site.lists.values()) {
      if (l.id === nameOrId || l.displayName.toLowerCase() === nameOrId.toLowerCase() || l.name.toLowerCase() === nameOrId.toLowerCase()) return l;
    }
    throw new Error(`No list "${nameOrId}" in the fake`);
  }

  /** Adds items directly (for large lists), as if created through the UI. */
  seedItems(listName: string, rows: Record<string, unknown>[]): FakeItem[] {
    const list = this.list(listName);
    return rows.map((fields) => this.createItem(list, fields, false));
  }

  /** A coordinator editing an item in SharePoint: no validation beyond SharePoint's own, version bumped. */
  editItem(listName: string, itemId: number, fields: Record<string, unknown>, editor: FakeEditor = BROWSER_EDITOR): FakeItem {
    const list = this.list(listName);
    const item = list.items.get(itemId);
    if (!item) throw new Error(`No item ${itemId}`);
    this.applyFields(list, item, fields, false);
    item.modifiedBy = editor;
    return item;
  }

  /** A coordinator deleting an item in SharePoint (its unique values are freed, the change is seen by delta). */
  deleteItem(listName: string, itemId: number): void {
    const list = this.list(listName);
    const item = list.items.get(itemId);
    if (!item) throw new Error(`No item ${itemId}`);
    list.items.delete(itemId);
    for (const [col, index] of list.uniques) if (item.fields[col] !== undefined) index.delete(String(item.fields[col]).toLowerCase());
    this.recordChange(list, itemId, true);
  }

  /** The item holding a record (by its RecordId column), for tests that edit it "in the browser". */
  itemByRecordId(listName: string, recordId: string): FakeItem {
    const item = [...this.list(listName).items.values()].find((i) => i.fields.RecordId === recordId);
    if (!item) throw new Error(`No item with record id ${recordId} in ${listName}`);
    return item;
  }

  /** While set, every delta request is throttled (429 with this Retry-After), however often it is retried. */
  deltaThrottle: { retryAfterSeconds: number } | undefined;

  /** Makes every delta token issued so far expire (SharePoint keeps changes for a limited time). */
  expireDeltaTokens(listName: string): void {
    const list = this.list(listName);
    // Past every token issued so far, even one issued after the last change (the counter moves, no item changes).
    list.changeSeq++;
    list.deltaFloor = list.changeSeq;
  }

  // ---- the wire ----

  /** A WHATWG fetch, to be given to the Graph client as its terminal fetch. */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers = normaliseHeaders(init.headers);
    const body = parseBody(init.body);
    const simulatedEnd = this.finishedAt + this.opts.roundTripMs;
    try {
      if (this.opts.latencyMs > 0) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
      this.stats.requests++;
      this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
      if (headers['user-agent']) this.stats.userAgents.add(headers['user-agent']);
      const fault = this.faults.next(false);
      if (fault) this.stats.faults[fault]++;
      if (fault === 'drop') {
        this.stats.log.push({ method, url: url.href, status: 'dropped', inner: false });
        throw dropped();
      }
      const res = fault === '429' || fault === '503' ? this.throttled(fault) : this.handle({ method, url, headers, body, inner: false });
      if (fault === 'drop-after') {
        this.stats.log.push({ method, url: url.href, status: 'dropped', inner: false });
        throw dropped();
      }
      this.stats.log.push({ method, url: url.href, status: res.status, inner: false });
      return new Response(res.status === 204 || res.body === undefined ? null : JSON.stringify(res.body), {
        status: res.status,
        headers: { 'content-type': 'application/json', ...(res.headers ?? {}) },
      });
    } finally {
      this.stats.simulatedMs = Math.max(this.stats.simulatedMs, simulatedEnd);
      this.finishedAt = Math.max(this.finishedAt, simulatedEnd);
    }
  };

  private throttled(kind: '429' | '503'): FakeResponse {
    const headers = { 'Retry-After': String(this.faults.retryAfterSeconds) };
    return kind === '429'
      ? graphError(429, 'activityLimitReached', 'The request has been throttled', headers)
      : graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable', headers);
  }

  private handle(req: FakeRequest): FakeResponse {
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer (\S+)$/.exec(auth);
    if (!bearer) {
      this.stats.unauthenticated++;
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    this.stats.bearerTokens.add(bearer[1]!);
    try {
      if (req.url.hostname === 'graph.microsoft.com' && req.url.protocol === 'https:') return this.graph(req);
      if (req.url.hostname === this.site.hostname && req.url.protocol === 'https:') return handleSharePointRest(this, req);
      return graphError(404, 'itemNotFound', `No such host in the fake: ${req.url.host}`);
    } catch (err) {
      if (err instanceof HttpError) return err.response;
      if (err instanceof FilterSyntaxError) return graphError(400, 'invalidRequest', `Invalid filter clause: ${err.message}`);
      throw err;
    }
  }

  private graph(req: FakeRequest): FakeResponse {
    const path = decodeURIComponent(req.url.pathname.replace(/^\/v1\.0/, ''));
    const q = req.url.searchParams;
    const m = req.method;
    let r: RegExpExecArray | null;
    if (path === '/$batch' && m === 'POST') return this.batch(req);
    if ((r = /^\/sites\/([^/:]+):(\/[^:]*):?$/.exec(path)) && m === 'GET') return this.siteByPath(r[1]!, r[2]!);
    if ((r = /^\/sites\/([^/]+)$/.exec(path)) && m === 'GET') return { status: 200, body: this.siteJson(this.siteFor(r[1]!)) };
    if ((r = /^\/sites\/([^/]+)\/lists$/.exec(path))) {
      const site = this.siteFor(r[1]!);
      if (m === 'GET') return { status: 200, body: { value: [...site.lists.values()].map((l) => this.listJson(l, wantsColumns(q))) } };
      if (m === 'POST') return this.createList(req.body as Record<string, unknown>);
    }
    if ((r = /^\/sites\/([^/]+)\/lists\/([^/]+)$/.exec(path)) && m === 'GET') {
      return { status: 200, body: this.listJson(this.listFor(r[1]!, r[2]!), wantsColumns(q)) };
    }
    if ((r = /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/.exec(path))) {
      const list = this.listFor(r[1]!, r[2]!);
      if (m === 'GET') return { status: 200, body: { value: list.columns.map(columnJson) } };
      if (m === 'POST') return { status: 201, body: columnJson(this.addColumn(list, req.body as Record<string, unknown>)) };
    }
    if ((r = /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns\/([^/]+)$/.exec(path)) && m === 'PATCH') {
      return this.patchColumn(this.listFor(r[1]!, r[2]!), r[3]!, req.body as Record<string, unknown>);
    }
    if ((r = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items$/.exec(path))) {
      const list = this.listFor(r[1]!, r[2]!);
      if (m === 'GET') return this.queryItems(list, req);
      if (m === 'POST') {
        const fields = ((req.body ?? {}) as { fields?: Record<string, unknown> }).fields ?? {};
        return { status: 201, body: this.itemJson(list, this.createItem(list, fields, true), 'all') };
      }
    }
    if ((r = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/delta$/.exec(path)) && m === 'GET') {
      return this.delta(this.listFor(r[1]!, r[2]!), req);
    }
    if ((r = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)$/.exec(path))) {
      const list = this.listFor(r[1]!, r[2]!);
      const item = this.itemFor(list, r[3]!);
      if (m === 'GET') return { status: 200, body: this.itemJson(list, item, expandSelect(q)) };
      if (m === 'DELETE') {
        this.checkIfMatch(item, req.headers['if-match']);
        list.items.delete(item.id);
        for (const [col, index] of list.uniques) if (item.fields[col] !== undefined) index.delete(String(item.fields[col]).toLowerCase());
        this.recordChange(list, item.id, true);
        return { status: 204 };
      }
    }
    if ((r = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)\/fields$/.exec(path)) && m === 'PATCH') {
      const list = this.listFor(r[1]!, r[2]!);
      const item = this.itemFor(list, r[3]!);
      this.checkIfMatch(item, req.headers['if-match']);
      this.applyFields(list, item, (req.body ?? {}) as Record<string, unknown>, true);
      return { status: 200, body: { '@odata.etag': etag(item), ...this.fieldsJson(list, item, 'all') } };
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment or method: ${m} ${path}`);
  }

  // ---- sites and lists ----

  private siteFor(idOrHost: string): FakeSite {
    if (idOrHost === this.site.id || idOrHost === 'root') return this.site;
    return fail(404, 'itemNotFound', 'Requested site could not be found');
  }

  private siteByPath(hostname: string, path: string): FakeResponse {
    if (hostname.toLowerCase() !== this.site.hostname || path.replace(/\/$/, '').toLowerCase() !== this.site.path.toLowerCase()) {
      return graphError(404, 'itemNotFound', 'Requested site could not be found');
    }
    return { status: 200, body: this.siteJson(this.site) };
  }

  private siteJson(site: FakeSite) {
    return { id: site.id, name: site.path.split('/').pop(), displayName: site.displayName, webUrl: `https://${site.hostname}${site.path}` };
  }

  listFor(siteId: string, idOrTitle: string): FakeList {
    this.siteFor(siteId);
    for (const l of this.site.lists.values()) {
      if (l.id === idOrTitle || l.displayName.toLowerCase() === idOrTitle.toLowerCase()) return l;
    }
    return fail(404, 'itemNotFound', 'The specified list was not found');
  }

  private listJson(list: FakeList, withColumns: boolean) {
    return {
      id: list.id,
      name: list.name,
      displayName: list.displayName,
      description: list.description,
      webUrl: `${this.siteUrl}/Lists/${list.name}`,
      list: { template: 'genericList', hidden: false },
      ...(withColumns ? { columns: list.columns.map(columnJson) } : {}),
    };
  }

  private createList(body: Record<string, unknown>): FakeResponse {
    const displayName = String(body.displayName ?? '').trim();
    if (!displayName) return graphError(400, 'invalidRequest', 'displayName is required');
    if ([...this.site.lists.values()].some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) {
      return graphError(409, 'nameAlreadyExists', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.');
    }
    const list: FakeList = {
      id: randomUUID(),
      name: displayName.replace(/[^A-Za-z0-9]/g, ''),
      displayName,
      description: String(body.description ?? ''),
      columns: [],
      items: new Map(),
      nextId: 1,
      views: [{ Id: randomUUID(), Title: 'All Items', ViewQuery: '', ViewFields: ['LinkTitle'], RowLimit: 30, PersonalView: false, DefaultView: true }],
      changeSeq: 0,
      changes: [],
      deltaFloor: 0,
      uniques: new Map(),
    };
    this.addColumn(list, { name: 'Title', displayName: 'Title', required: true, text: { maxLength: 255 } });
    this.site.lists.set(list.id, list);
    try {
      for (const col of (body.columns as Record<string, unknown>[] | undefined) ?? []) this.addColumn(list, col);
    } catch (err) {
      this.site.lists.delete(list.id);
      throw err;
    }
    return { status: 201, body: this.listJson(list, true) };
  }

  private addColumn(list: FakeList, def: Record<string, unknown>): FakeColumn {
    const name = String(def.name ?? '');
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) fail(400, 'invalidRequest', `Invalid column name "${name}"`);
    if (list.columns.some((c) => c.name.toLowerCase() === name.toLowerCase()) || SYSTEM_FIELDS.has(name)) {
      fail(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
    }
    const { kind, multiline, facet } = kindOfFacet(def);
    const col: FakeColumn = {
      id: randomUUID(),
      name,
      displayName: String(def.displayName ?? name),
      description: String(def.description ?? ''),
      indexed: !!def.indexed,
      required: !!def.required,
      enforceUniqueValues: !!def.enforceUniqueValues,
      hidden: !!def.hidden,
      kind,
      multiline,
      facet,
    };
    checkColumnRules(col, [...list.columns, col]);
    list.columns.push(col);
    return col;
  }

  private patchColumn(list: FakeList, id: string, body: Record<string, unknown>): FakeResponse {
    const col = list.columns.find((c) => c.id === id || c.name === id);
    if (!col) return graphError(404, 'itemNotFound', 'Column not found');
    const next: FakeColumn = { ...col };
    for (const key of ['displayName', 'description'] as const) if (key in body) next[key] = String(body[key]);
    for (const key of ['indexed', 'required', 'enforceUniqueValues', 'hidden'] as const) if (key in body) next[key] = !!body[key];
    for (const facetKey of ['text', 'choice', 'number', 'boolean', 'dateTime']) {
      if (facetKey in body) {
        if (!(facetKey in col.facet)) return graphError(400, 'invalidRequest', 'The type of a column cannot be changed.');
        Object.assign(next, kindOfFacet({ [facetKey]: { ...(col.facet[facetKey] as object), ...(body[facetKey] as object) } }));
      }
    }
    checkColumnRules(next, list.columns.map((c) => (c === col ? next : c)));
    Object.assign(col, next);
    list.uniques.delete(col.name);
    return { status: 200, body: columnJson(col) };
  }

  // ---- items ----

  private itemFor(list: FakeList, id: string): FakeItem {
    const item = list.items.get(Number(id));
    return item ?? fail(404, 'itemNotFound', 'The resource could not be found.');
  }

  private createItem(list: FakeList, fields: Record<string, unknown>, validate: boolean): FakeItem {
    const now = new Date().toISOString();
    const item: FakeItem = { id: list.nextId, guid: randomUUID(), version: 0, fields: {}, created: now, modified: now };
    this.applyFields(list, item, fields, validate);
    list.nextId++;
    list.items.set(item.id, item);
    return item;
  }

  /** Writes fields as SharePoint would: known columns only, types checked, unique columns enforced, version bumped. */
  private applyFields(list: FakeList, item: FakeItem, fields: Record<string, unknown>, validate: boolean): void {
    const next = { ...item.fields };
    for (const [key, raw] of Object.entries(fields)) {
      if (key.includes('@odata.')) continue;
      const col = list.columns.find((c) => c.name === key);
      if (!col) return fail(400, 'invalidRequest', `Field '${key}' is not recognized`);
      if (raw === null || raw === undefined || raw === '') {
        delete next[key];
        continue;
      }
      next[key] = validate ? coerce(col, raw) : col.kind === 'dateTime' ? (secondsIso(raw) ?? raw) : raw;
    }
    const uniqueCols = list.columns.filter((c) => c.enforceUniqueValues);
    for (const col of uniqueCols) {
      const v = next[col.name];
      const owner = v === undefined ? undefined : this.uniqueIndex(list, col.name).get(String(v).toLowerCase());
      if (owner !== undefined && owner !== item.id) {
        fail(409, 'nameAlreadyExists', `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${col.name}].`);
      }
    }
    for (const col of uniqueCols) {
      const index = this.uniqueIndex(list, col.name);
      const old = item.fields[col.name];
      if (old !== undefined) index.delete(String(old).toLowerCase());
      if (next[col.name] !== undefined) index.set(String(next[col.name]).toLowerCase(), item.id);
    }
    item.fields = next;
    item.version++;
    item.modified = new Date().toISOString();
    // Through HTTP (validated) is RiskPanel's app-only token; seeding and editItem stand for the browser.
    item.modifiedBy = validate ? APP_EDITOR : BROWSER_EDITOR;
    this.recordChange(list, item.id, false);
  }

  private uniqueIndex(list: FakeList, column: string): Map<string, number> {
    let index = list.uniques.get(column);
    if (!index) {
      index = new Map();
      for (const i of list.items.values()) if (i.fields[column] !== undefined) index.set(String(i.fields[column]).toLowerCase(), i.id);
      list.uniques.set(column, index);
    }
    return index;
  }

  private recordChange(list: FakeList, itemId: number, deleted: boolean): void {
    list.changeSeq++;
    list.changes.push({ seq: list.changeSeq, itemId, deleted });
  }

  private checkIfMatch(item: FakeItem, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch === '*') return;
    if (ifMatch !== etag(item)) fail(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch');
  }

  private fieldsJson(list: FakeList, item: FakeItem, select: string[] | 'all'): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const names = select === 'all' ? list.columns.map((c) => c.name) : select;
    for (const n of names) {
      if (n === 'id' || n === 'ID') out.id = String(item.id);
      else if (item.fields[n] !== undefined) out[n] = item.fields[n];
    }
    if (select === 'all') {
      out.id = String(item.id);
      out.Created = item.created;
      out.Modified = item.modified;
    }
    return out;
  }

  itemJson(list: FakeList, item: FakeItem, select: string[] | 'all' | undefined): Record<string, unknown> {
    return {
      '@odata.etag': etag(item),
      id: String(item.id),
      eTag: etag(item),
      createdDateTime: item.created,
      lastModifiedDateTime: item.modified,
      ...(item.modifiedBy ? { lastModifiedBy: item.modifiedBy } : {}),
      webUrl: `${this.siteUrl}/Lists/${list.name}/DispForm.aspx?ID=${item.id}`,
      ...(select ? { fields: { '@odata.etag': etag(item), ...this.fieldsJson(list, item, select) } } : {}),
    };
  }

  private column(list: FakeList, name: string): FakeColumn {
    const col = list.columns.find((c) => c.name === name);
    return col ?? fail(400, 'invalidRequest', `Column '${name}' does not exist. It may have been deleted by another user.`);
  }

  private queryItems(list: FakeList, req: FakeRequest): FakeResponse {
    const q = req.url.searchParams;
    const filterSrc = q.get('$filter') ?? q.get('filter');
    const orderSrc = q.get('$orderby') ?? q.get('orderby');
    const filter: FilterNode | undefined = filterSrc ? parseFilter(filterSrc) : undefined;
    const order = (orderSrc ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const m = /^fields\/([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?$/i.exec(s);
        if (!m) return fail(400, 'invalidRequest', `Unsupported $orderby "${s}"`);
        return { col: this.column(list, m[1]!), desc: m[2]?.toLowerCase() === 'desc' };
      });
    const referenced = [...(filter ? filterColumns(filter) : []), ...order.map((o) => o.col.name)].map((n) => this.column(list, n));
    const prefer = (req.headers.prefer ?? '').includes(NON_INDEXED_PREFER);
    const overThreshold = list.items.size > this.opts.threshold;
    const notIndexed = referenced.find((c) => !c.indexed);
    if (notIndexed && !prefer) {
      return graphError(
        400,
        'invalidRequest',
        `Field '${notIndexed.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${NON_INDEXED_PREFER}' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    const kindOf = (n: string) => this.column(list, n).kind;
    // A lead of equalities on a unique column is answered from its index, as SharePoint does: only those items are
    // touched (and a 100,000-item list is not walked once per id read).
    const byUnique = filter && uniqueLookup(list, leadingRange(filter));
    let rows = byUnique ?? [...list.items.values()];
    if (overThreshold && !byUnique && (notIndexed || (filter && rows.filter((i) => evaluateFilter(leadingRange(filter), i.fields, kindOf)).length > this.opts.threshold))) {
      return thresholdError();
    }
    if (filter) rows = rows.filter((i) => evaluateFilter(filter, i.fields, kindOf));
    rows.sort((a, b) => {
      for (const o of order) {
        const c = compareForOrder(a.fields[o.col.name], b.fields[o.col.name], o.col.kind);
        if (c !== 0) return o.desc ? -c : c;
      }
      return a.id - b.id;
    });
    const topParam = q.get('$top') ?? q.get('top');
    const size = Math.max(1, Math.min(topParam ? Number(topParam) : this.opts.pageSize, this.opts.maxPageSize));
    const token = q.get('$skiptoken');
    const offset = token ? Number(Buffer.from(token, 'base64url').toString().replace(/^Paged=TRUE&p_Offset=/, '')) : 0;
    const page = rows.slice(offset, offset + size);
    this.stats.itemsReturned[list.displayName] = (this.stats.itemsReturned[list.displayName] ?? 0) + page.length;
    const tally = (this.stats.itemQueries[list.displayName] ??= { filtered: 0, unfiltered: 0 });
    if (filter) tally.filtered++;
    else tally.unfiltered++;
    const select = expandSelect(q);
    const body: Record<string, unknown> = { value: page.map((i) => this.itemJson(list, i, select)) };
    if (offset + size < rows.length) {
      const skiptoken = Buffer.from(`Paged=TRUE&p_Offset=${offset + size}`).toString('base64url');
      const base = req.url.href.replace(/[?&]\$skiptoken=[^&]*/, '');
      body['@odata.nextLink'] = `${base}${base.includes('?') ? '&' : '?'}$skiptoken=${skiptoken}`;
    }
    return { status: 200, body };
  }

  /**
   * `items/delta`: the latest state of every item changed after the token (deleted ones as `@removed`), in pages of
   * `deltaPageSize` with `@odata.nextLink`, then `@odata.deltaLink` for next time. The links keep the caller's
   * `expand`, as Graph's do. A token older than the list keeps changes for (see expireDeltaTokens) answers 410.
   */
  private delta(list: FakeList, req: FakeRequest): FakeResponse {
    if (this.deltaThrottle) {
      return graphError(429, 'activityLimitReached', 'The request has been throttled', { 'Retry-After': String(this.deltaThrottle.retryAfterSeconds) });
    }
    const q = req.url.searchParams;
    const token = q.get('token');
    const since = token === null ? 0 : Number(token);
    if (token !== null && (Number.isNaN(since) || since < list.deltaFloor)) {
      return graphError(410, 'resyncRequired', 'Resync required. Replace any local items with the server version (including deletes).', {
        Location: `${GRAPH}/sites/${this.site.id}/lists/${list.id}/items/delta`,
      });
    }
    // A walk over pages sees the changes up to where it started (`upto`), in a stable order.
    const upto = q.get('upto') === null ? list.changeSeq : Number(q.get('upto'));
    const skip = Number(q.get('skip') ?? 0);
    const select = expandSelect(q);
    const latest = new Map<number, boolean>();
    for (const c of list.changes) if (c.seq > since && c.seq <= upto) latest.set(c.itemId, c.deleted);
    const all = [...latest.entries()].sort((a, b) => a[0] - b[0]);
    const page = all.slice(skip, skip + this.opts.deltaPageSize);
    const value = page.map(([id, deleted]) => {
      const item = list.items.get(id);
      return deleted || !item ? { id: String(id), '@removed': { reason: 'deleted' } } : this.itemJson(list, item, select);
    });
    const expand = q.get('$expand') ?? q.get('expand');
    const link = (params: Record<string, string | number>) => {
      const u = new URL(`${GRAPH}/sites/${this.site.id}/lists/${list.id}/items/delta`);
      if (expand) u.searchParams.set('expand', expand);
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
      return u.href;
    };
    if (skip + page.length < all.length) {
      // A first walk (no token) carries none in its pages either: only a token can expire.
      return { status: 200, body: { value, '@odata.nextLink': link({ ...(token === null ? {} : { token: since }), upto, skip: skip + page.length }) } };
    }
    return { status: 200, body: { value, '@odata.deltaLink': link({ token: upto }) } };
  }

  // ---- $batch ----

  private batch(req: FakeRequest): FakeResponse {
    const requests = ((req.body ?? {}) as { requests?: unknown[] }).requests;
    if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > MAX_BATCH) return graphError(400, 'BadRequest', `The number of requests in a batch exceeds the limit of ${MAX_BATCH}.`);
    this.stats.batches++;
    const responses = requests.map((raw) => {
      const r = raw as { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown };
      this.stats.innerRequests++;
      const url = new URL(`${GRAPH}/${r.url.replace(/^\/+/, '')}`);
      const method = r.method.toUpperCase();
      const fault = this.faults.next(true);
      let res: FakeResponse;
      if (fault === '429' || fault === '503') {
        this.stats.faults[fault]++;
        res = this.throttled(fault);
      } else {
        const headers = { ...lowerKeys(r.headers ?? {}), authorization: req.headers.authorization ?? '' };
        res = this.handle({ method, url, headers, body: r.body, inner: true });
      }
      this.stats.log.push({ method, url: url.href, status: res.status, inner: true });
      return { id: r.id, status: res.status, headers: res.headers ?? {}, body: res.body };
    });
    return { status: 200, body: { responses } };
  }
}

function checkColumnRules(col: FakeColumn, all: FakeColumn[]): void {
  if (col.enforceUniqueValues && !col.indexed) fail(400, 'invalidRequest', 'You must index this column before enforcing unique values.');
  if (col.indexed && (col.multiline || col.kind === 'multichoice')) fail(400, 'invalidRequest', `Column "${col.name}" cannot be indexed.`);
  if (all.filter((c) => c.indexed).length > MAX_INDEXES) fail(400, 'invalidRequest', `A list can have at most ${MAX_INDEXES} indexed columns.`);
}

/**
 * What SharePoint narrows with: the first condition of the AND chain, together with the conditions right after it on
 * the same column (`fields/D ge '…' and fields/D lt '…'` is one index range). Whatever follows is applied to the rows
 * that range found, so it cannot save a lead that matches more than the threshold.
 */
function leadingRange(node: FilterNode): FilterNode {
  const conjuncts = (n: FilterNode): FilterNode[] => (n.type === 'and' ? [...conjuncts(n.left), ...conjuncts(n.right)] : [n]);
  const [first, ...rest] = conjuncts(node);
  let lead = leadingCondition(node);
  if (first?.type !== 'cmp') return lead;
  for (const next of rest) {
    if (next.type !== 'cmp' || next.column !== first.column) break;
    lead = { type: 'and', left: lead, right: next };
  }
  return lead;
}

/** The items a lead of equalities (ORed) on one unique column can only be, from that column's index; else undefined. */
function uniqueLookup(list: FakeList, lead: FilterNode): FakeItem[] | undefined {
  let column: string | undefined;
  const values: string[] = [];
  const walk = (n: FilterNode): boolean => {
    if (n.type === 'or') return walk(n.left) && walk(n.right);
    if (n.type !== 'cmp' || n.op !== 'eq' || n.value === null || (column !== undefined && n.column !== column)) return false;
    column = n.column;
    values.push(String(n.value).toLowerCase());
    return true;
  };
  const index = walk(lead) && column !== undefined ? list.uniques.get(column) : undefined;
  if (!index) return undefined;
  const ids = new Set(values.map((v) => index.get(v)).filter((id): id is number => id !== undefined));
  return [...ids].map((id) => list.items.get(id)).filter((i): i is FakeItem => i !== undefined);
}

function thresholdError(): FakeResponse {
  // What SharePoint raises as SPQueryThrottledException; surfaced by Graph as a server error.
  return graphError(500, 'generalException', 'The attempted operation is prohibited because it exceeds the list view threshold.');
}

export function etag(item: FakeItem): string {
  return `"${item.guid},${item.version}"`;
}

function columnJson(c: FakeColumn) {
  return {
    id: c.id,
    name: c.name,
    displayName: c.displayName,
    description: c.description,
    indexed: c.indexed,
    required: c.required,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    ...c.facet,
  };
}

function coerce(col: FakeColumn, raw: unknown): unknown {
  const bad = (): never => fail(400, 'invalidRequest', `Invalid value for field '${col.name}'`);
  switch (col.kind) {
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : bad();
    case 'boolean':
      return typeof raw === 'boolean' ? raw : bad();
    case 'dateTime':
      return secondsIso(raw) ?? bad();
    case 'multichoice':
      return Array.isArray(raw) && raw.every((x) => typeof x === 'string') ? raw : bad();
    default: {
      if (typeof raw !== 'string') return bad();
      if (!col.multiline && raw.length > 255) fail(400, 'invalidRequest', `The value of field '${col.name}' is longer than 255 characters.`);
      return raw;
    }
  }
}

function expandSelect(q: URLSearchParams): string[] | 'all' | undefined {
  const expand = q.get('$expand') ?? q.get('expand');
  if (!expand) return undefined;
  const m = /fields(?:\((?:\$?select=([^)]*))?\))?/.exec(expand);
  if (!m) return undefined;
  return m[1] ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : 'all';
}

function wantsColumns(q: URLSearchParams): boolean {
  return /\bcolumns\b/.test(q.get('$expand') ?? q.get('expand') ?? '');
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function normaliseHeaders(h: HeadersInit | undefined): Record<string, string> {
  if (!h) return {};
  if (h instanceof Headers) return Object.fromEntries([...h.entries()].map(([k, v]) => [k.toLowerCase(), v]));
  if (Array.isArray(h)) return Object.fromEntries(h.map(([k, v]) => [String(k).toLowerCase(), String(v)]));
  return lowerKeys(h as Record<string, string>);
}

function parseBody(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body).toString() : String(body);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What undici throws when the socket goes away. */
function dropped(): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
}
