import type { Kind } from '../port';
import { KINDS } from '../schema';
import { failOn, type GraphCall, type GraphHttp, type GraphReply, MAX_BATCH } from './graphHttp';
import { choiceLabel, type ColumnSpec, LISTS, type ListSpec, type ViewSpec } from './listSchema';
import { CASE_KEYS_SPEC, caseKeysSteps } from './provisioningCaseKeys';
import { computedColumnSteps } from './provisioningComputedColumns';
import { auditListPermissionSteps } from './provisioningPermissions';

/**
 * Creates or upgrades the partnership's lists from the one schema (listSchema.ts), idempotently: what exists and
 * matches is left alone, so a second run changes nothing. Lists, columns and indexes go through Graph; views
 * through SharePoint's REST API, because Graph v1.0 cannot create list views (that needs a certificate credential:
 * SharePoint REST refuses app-only tokens obtained with a client secret). One data step: computed index columns are
 * filled on items written before the column existed, so queries led by them miss nothing after an upgrade.
 */

export interface ProvisionStep {
  list: string;
  action:
    | 'create list' | 'add column' | 'update column' | 'rename title' | 'create view' | 'update view'
    // The audit list's own permissions (provisioningPermissions.ts).
    | 'create group' | 'break inheritance' | 'grant read' | 'remove access'
    // Data: computed columns (OpenDueDate) filled on items written before the column existed (provisioningComputedColumns.ts).
    | 'fill column'
    // Data: the cases' derived keys (audience, search, hashed adult keys) in their companion list (provisioningCaseKeys.ts).
    | 'fill index'
    | 'manual';
  detail: string;
  run?: () => Promise<void>;
}

export interface ProvisionResult {
  siteId: string;
  siteUrl: string;
  steps: ProvisionStep[];
  applied: boolean;
}

interface GraphColumn {
  id: string;
  name: string;
  displayName?: string;
  description?: string;
  indexed?: boolean;
  required?: boolean;
  enforceUniqueValues?: boolean;
  hidden?: boolean;
  choice?: { choices?: string[]; displayAs?: string };
  text?: { allowMultipleLines?: boolean };
  dateTime?: { format?: string };
  number?: object;
  boolean?: object;
}
interface GraphList { id: string; displayName: string; columns?: GraphColumn[] }
interface RestView { Id: string; Title: string; ViewQuery: string; RowLimit: number; ViewFields?: { Items?: string[] } }

/** The Graph column definition for a column of the schema. */
export function columnDefinition(col: ColumnSpec): Record<string, unknown> {
  const common = {
    name: col.name,
    displayName: col.displayName,
    description: col.description ?? '',
    indexed: col.indexed,
    required: col.required,
    enforceUniqueValues: !!col.unique,
    hidden: !!col.hidden,
  };
  const labels = (col.choices ?? []).map(choiceLabel);
  switch (col.type) {
    case 'text':
      return { ...common, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...common, text: { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' } };
    case 'choice':
      return { ...common, choice: { allowTextEntry: false, choices: labels, displayAs: 'dropDownMenu' } };
    case 'multiChoice':
      return { ...common, choice: { allowTextEntry: false, choices: labels, displayAs: 'checkBoxes' } };
    case 'date':
      return { ...common, dateTime: { displayAs: 'standard', format: 'dateOnly' } };
    case 'dateTime':
      return { ...common, dateTime: { displayAs: 'standard', format: 'dateTime' } };
    case 'boolean':
      return { ...common, boolean: {} };
    case 'number':
      return { ...common, number: { decimalPlaces: 'none' } };
  }
}

const typeOf = (c: GraphColumn): string =>
  c.text ? (c.text.allowMultipleLines ? 'note' : 'text') : c.choice ? (c.choice.displayAs === 'checkBoxes' ? 'multiChoice' : 'choice') : c.dateTime ? (c.dateTime.format === 'dateOnly' ? 'date' : 'dateTime') : c.number ? 'number' : c.boolean ? 'boolean' : 'other';

/** What must change on an existing column to match the schema (type changes cannot be made in place). */
function columnChanges(want: ColumnSpec, have: GraphColumn): Record<string, unknown> | 'type' | undefined {
  if (typeOf(have) !== want.type) return 'type';
  const def = columnDefinition(want);
  const patch: Record<string, unknown> = {};
  for (const key of ['displayName', 'description', 'indexed', 'required', 'enforceUniqueValues', 'hidden'] as const) {
    if ((have[key] ?? (typeof def[key] === 'boolean' ? false : '')) !== def[key]) patch[key] = def[key];
  }
  if (want.choices) {
    const wanted = (def.choice as { choices: string[] }).choices;
    const current = have.choice?.choices ?? [];
    if (wanted.length !== current.length || wanted.some((c) => !current.includes(c))) patch.choice = { choices: wanted };
  }
  return Object.keys(patch).length ? patch : undefined;
}

const normaliseXml = (s: string) => s.replace(/\s+/g, ' ').replace(/>\s+</g, '><').trim();

export interface ProvisionDeps {
  graph: GraphHttp;
  /** SharePoint REST for views; absent when only a client secret is configured. */
  sharePointRest?: GraphHttp;
  log?: (line: string) => void;
}

async function ok(http: GraphHttp, call: GraphCall, expect: number[] = [200, 201, 204]): Promise<GraphReply> {
  const reply = await http.send(call);
  if (!expect.includes(reply.status)) failOn(reply, call);
  return reply;
}

/** The site's id and web URL, from its id or its URL. */
export async function resolveSite(graph: GraphHttp, site: string): Promise<{ id: string; webUrl: string }> {
  const url = /^https:\/\//i.test(site)
    ? (() => {
        const u = new URL(site);
        return `/sites/${u.hostname}:${u.pathname.replace(/\/$/, '')}`;
      })()
    : `/sites/${site}`;
  const reply = await ok(graph, { method: 'GET', url });
  return { id: String(reply.body.id), webUrl: String(reply.body.webUrl) };
}

/** Plans (and unless dryRun, applies) the changes that bring the site in line with the schema. */
export async function provision(deps: ProvisionDeps, site: string, opts: { dryRun: boolean }): Promise<ProvisionResult> {
  const { graph, sharePointRest } = deps;
  const log = deps.log ?? (() => undefined);
  const { id: siteId, webUrl } = await resolveSite(graph, site);

  const listsReply = await ok(graph, { method: 'GET', url: `/sites/${siteId}/lists?$select=id,displayName&$top=200` });
  const existing = new Map((listsReply.body.value as GraphList[]).map((l) => [l.displayName, l.id]));
  const wanted = [...KINDS.map((k) => LISTS[k]), CASE_KEYS_SPEC].filter((spec) => existing.has(spec.displayName));
  const detailed = new Map<string, GraphList>();
  for (let i = 0; i < wanted.length; i += MAX_BATCH) {
    const chunk = wanted.slice(i, i + MAX_BATCH);
    const replies = await graph.batch(chunk.map((spec) => ({ method: 'GET', url: `/sites/${siteId}/lists/${existing.get(spec.displayName)}?expand=columns` })));
    replies.forEach((r, j) => {
      if (r.status !== 200) failOn(r, { method: 'GET', url: 'list columns' });
      detailed.set(chunk[j]!.displayName, r.body as GraphList);
    });
  }

  const steps: ProvisionStep[] = [];
  const listIds = new Map<Kind, string>();
  for (const kind of KINDS) {
    const spec = LISTS[kind];
    const have = detailed.get(spec.displayName);
    if (!have) {
      steps.push(...createListSteps(graph, siteId, spec, (id) => listIds.set(kind, id)));
    } else {
      listIds.set(kind, have.id);
      steps.push(...columnSteps(graph, siteId, spec, have));
      // After the column steps, which add a missing computed column before it is filled.
      steps.push(...(await computedColumnSteps(graph, siteId, spec, have.id, log)));
    }
    steps.push(...(await viewSteps(sharePointRest, webUrl, spec, () => listIds.get(kind), !!have)));
    if (kind === 'audit') steps.push(...(await auditListPermissionSteps(sharePointRest, webUrl, () => listIds.get(kind), !!have)));
  }

  // The cases' derived keys: a hidden companion list (no record kind of its own), then its data step.
  const keysList = detailed.get(CASE_KEYS_SPEC.displayName);
  let keysListId = keysList?.id;
  if (!keysList) steps.push(...createListSteps(graph, siteId, CASE_KEYS_SPEC, (id) => void (keysListId = id)));
  else steps.push(...columnSteps(graph, siteId, CASE_KEYS_SPEC, keysList));
  const casesList = detailed.get(LISTS.cases.displayName);
  steps.push(...(await caseKeysSteps(graph, siteId, casesList?.id, keysList?.id, () => keysListId, log)));

  const changes = steps.filter((s) => s.action !== 'manual');
  for (const s of steps) log(`${opts.dryRun ? 'would ' : ''}${s.action}: ${s.list}: ${s.detail}`);
  if (!changes.length) log('Nothing to change: the site matches the schema.');
  if (!opts.dryRun) for (const s of steps) await s.run?.();
  return { siteId, siteUrl: webUrl, steps, applied: !opts.dryRun };
}

function createListSteps(graph: GraphHttp, siteId: string, spec: ListSpec, created: (listId: string) => void): ProvisionStep[] {
  return [
    {
      list: spec.displayName,
      action: 'create list',
      detail: `${spec.columns.length} columns, ${spec.columns.filter((c) => c.indexed).length} indexed`,
      run: async () => {
        const reply = await ok(graph, {
          method: 'POST',
          url: `/sites/${siteId}/lists`,
          body: { displayName: spec.displayName, description: spec.description, columns: spec.columns.map(columnDefinition), list: { template: 'genericList' } },
        });
        created(String(reply.body.id));
        await renameTitle(graph, siteId, String(reply.body.id), spec, (reply.body.columns as GraphColumn[] | undefined) ?? []);
      },
    },
    { list: spec.displayName, action: 'rename title', detail: `Title → "${spec.titleDisplayName}"` },
  ];
}

async function renameTitle(graph: GraphHttp, siteId: string, listId: string, spec: ListSpec, columns: GraphColumn[]): Promise<void> {
  let title = columns.find((c) => c.name === 'Title');
  if (!title) {
    const reply = await ok(graph, { method: 'GET', url: `/sites/${siteId}/lists/${listId}/columns` });
    title = (reply.body.value as GraphColumn[]).find((c) => c.name === 'Title');
  }
  if (title && title.displayName !== spec.titleDisplayName) {
    await ok(graph, { method: 'PATCH', url: `/sites/${siteId}/lists/${listId}/columns/${title.id}`, body: { displayName: spec.titleDisplayName } });
  }
}

function columnSteps(graph: GraphHttp, siteId: string, spec: ListSpec, have: GraphList): ProvisionStep[] {
  const steps: ProvisionStep[] = [];
  const columns = have.columns ?? [];
  const base = `/sites/${siteId}/lists/${have.id}/columns`;
  const title = columns.find((c) => c.name === 'Title');
  if (title && title.displayName !== spec.titleDisplayName) {
    steps.push({
      list: spec.displayName,
      action: 'rename title',
      detail: `Title → "${spec.titleDisplayName}"`,
      run: async () => void (await ok(graph, { method: 'PATCH', url: `${base}/${title.id}`, body: { displayName: spec.titleDisplayName } })),
    });
  }
  for (const col of spec.columns) {
    const current = columns.find((c) => c.name === col.name);
    if (!current) {
      steps.push({
        list: spec.displayName,
        action: 'add column',
        detail: `${col.name} (${col.type}${col.indexed ? ', indexed' : ''})`,
        run: async () => void (await ok(graph, { method: 'POST', url: base, body: columnDefinition(col) })),
      });
      continue;
    }
    const patch = columnChanges(col, current);
    if (patch === 'type') {
      steps.push({ list: spec.displayName, action: 'manual', detail: `${col.name} has type ${typeOf(current)}, the schema says ${col.type}: change it by hand` });
    } else if (patch) {
      steps.push({
        list: spec.displayName,
        action: 'update column',
        detail: `${col.name}: ${Object.keys(patch).join(', ')}`,
        run: async () => void (await ok(graph, { method: 'PATCH', url: `${base}/${current.id}`, body: patch })),
      });
    }
  }
  return steps;
}

async function viewSteps(
  rest: GraphHttp | undefined,
  webUrl: string,
  spec: ListSpec,
  listId: () => string | undefined,
  listExists: boolean,
): Promise<ProvisionStep[]> {
  if (!spec.views.length) return [];
  if (!rest) {
    return [{ list: spec.displayName, action: 'manual', detail: `views (${spec.views.map((v) => v.title).join(', ')}) need a certificate credential (CLIENT_CERT_PATH)` }];
  }
  const viewsUrl = () => `${webUrl}/_api/web/lists(guid'${listId()}')/views`;
  const headers = { Accept: 'application/json;odata=nometadata' };
  let current: RestView[] = [];
  if (listExists) {
    const reply = await ok(rest, { method: 'GET', url: `${viewsUrl()}?$expand=ViewFields`, headers });
    current = reply.body.value as RestView[];
  }
  const steps: ProvisionStep[] = [];
  for (const view of spec.views) {
    const have = current.find((v) => v.Title === view.title);
    if (!have) {
      steps.push({ list: spec.displayName, action: 'create view', detail: view.title, run: () => createView(rest, viewsUrl(), view) });
      continue;
    }
    const fieldsDiffer = JSON.stringify(have.ViewFields?.Items ?? []) !== JSON.stringify(view.fields);
    const queryDiffers = normaliseXml(have.ViewQuery ?? '') !== normaliseXml(view.query) || have.RowLimit !== view.rowLimit;
    if (fieldsDiffer || queryDiffers) {
      steps.push({
        list: spec.displayName,
        action: 'update view',
        detail: `${view.title}: ${[queryDiffers && 'query', fieldsDiffer && 'columns'].filter(Boolean).join(', ')}`,
        run: () => updateView(rest, `${viewsUrl()}('${have.Id}')`, view, queryDiffers, fieldsDiffer),
      });
    }
  }
  return steps;
}

const VERBOSE = { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=verbose' };

async function createView(rest: GraphHttp, viewsUrl: string, view: ViewSpec): Promise<void> {
  await ok(rest, {
    method: 'POST',
    url: `${viewsUrl}/add`,
    headers: VERBOSE,
    body: {
      parameters: {
        __metadata: { type: 'SP.ViewCreationInformation' },
        Title: view.title,
        ViewFields: { results: view.fields },
        Query: view.query,
        RowLimit: view.rowLimit,
        PersonalView: false,
        ViewTypeKind: 1,
      },
    },
  });
}

async function updateView(rest: GraphHttp, viewUrl: string, view: ViewSpec, query: boolean, fields: boolean): Promise<void> {
  if (query) {
    await ok(rest, {
      method: 'POST',
      url: viewUrl,
      headers: { ...VERBOSE, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: { __metadata: { type: 'SP.View' }, ViewQuery: view.query, RowLimit: view.rowLimit },
    });
  }
  if (fields) {
    await ok(rest, { method: 'POST', url: `${viewUrl}/viewfields/removeallviewfields`, headers: VERBOSE });
    for (const f of view.fields) await ok(rest, { method: 'POST', url: `${viewUrl}/viewfields/addviewfield('${f}')`, headers: VERBOSE });
  }
}
