import { randomUUID } from 'node:crypto';
import type { FakeList, FakeRequest, FakeResponse, FakeView, GraphFake } from './graphFake';

/**
 * The few SharePoint REST calls provisioning needs for list views, which Graph v1.0 cannot create:
 * `GET  {site}/_api/web/lists(guid'{id}')/views?$expand=ViewFields`
 * `POST {site}/_api/web/lists(guid'{id}')/views/add` with `{ parameters: SP.ViewCreationInformation }`
 * `POST {site}/_api/web/lists(guid'{id}')/views('{viewId}')` with `X-HTTP-Method: MERGE`
 * `POST .../views('{viewId}')/viewfields/removeallviewfields` and `.../viewfields/addviewfield('{field}')`
 */
const spError = (status: number, message: string): FakeResponse => ({
  status,
  body: { 'odata.error': { code: '-1, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: message } } },
});

const BUILT_IN_VIEW_FIELDS = new Set(['LinkTitle', 'Title', 'ID', 'Created', 'Modified', 'Author', 'Editor']);

function viewJson(v: FakeView) {
  return { Id: v.Id, Title: v.Title, ViewQuery: v.ViewQuery, RowLimit: v.RowLimit, PersonalView: v.PersonalView, DefaultView: v.DefaultView, ViewFields: { Items: v.ViewFields } };
}

export function handleSharePointRest(fake: GraphFake, req: FakeRequest): FakeResponse {
  const sitePath = fake.site.path.toLowerCase();
  const path = decodeURIComponent(req.url.pathname);
  if (!path.toLowerCase().startsWith(`${sitePath}/_api/`)) return spError(404, 'File Not Found.');
  const rest = path.slice(sitePath.length);
  const listMatch = /^\/_api\/web\/lists\(guid'([0-9a-f-]+)'\)(\/.*)$/i.exec(rest);
  if (!listMatch) return spError(400, `The REST call is not supported by the fake: ${rest}`);
  let list: FakeList;
  try {
    list = fake.list(listMatch[1]!);
  } catch {
    return spError(404, 'List does not exist.');
  }
  const tail = listMatch[2]!;
  const body = (req.body ?? {}) as Record<string, unknown>;
  let m: RegExpExecArray | null;

  if (tail === '/views' && req.method === 'GET') return { status: 200, body: { value: list.views.map(viewJson) } };

  if (tail === '/views/add' && req.method === 'POST') {
    const p = (body.parameters ?? {}) as Record<string, unknown>;
    const title = String(p.Title ?? '').trim();
    if (!title) return spError(400, 'The view title is required.');
    const raw = p.ViewFields as { results?: string[] } | string[] | undefined;
    const fields = Array.isArray(raw) ? raw : (raw?.results ?? []);
    const unknown = fields.find((f) => !BUILT_IN_VIEW_FIELDS.has(f) && !list.columns.some((c) => c.name === f));
    if (unknown) return spError(400, `Field internal name ${unknown} is not in the list.`);
    const view: FakeView = {
      Id: randomUUID(),
      Title: title,
      ViewQuery: String(p.Query ?? ''),
      ViewFields: fields,
      RowLimit: Number(p.RowLimit ?? 30),
      PersonalView: !!p.PersonalView,
      DefaultView: false,
    };
    list.views.push(view);
    return { status: 200, body: viewJson(view) };
  }

  if ((m = /^\/views\('([0-9a-f-]+)'\)(\/.*)?$/i.exec(tail)) && req.method === 'POST') {
    const view = list.views.find((v) => v.Id === m![1]);
    if (!view) return spError(404, 'The view does not exist.');
    const sub = m[2] ?? '';
    if (sub === '' && (req.headers['x-http-method'] ?? '').toUpperCase() === 'MERGE') {
      if ('ViewQuery' in body) view.ViewQuery = String(body.ViewQuery);
      if ('RowLimit' in body) view.RowLimit = Number(body.RowLimit);
      if ('Title' in body) view.Title = String(body.Title);
      return { status: 204 };
    }
    if (sub === '/viewfields/removeallviewfields') {
      view.ViewFields = [];
      return { status: 200, body: { 'odata.null': true } };
    }
    const add = /^\/viewfields\/addviewfield\('([A-Za-z_][A-Za-z0-9_]*)'\)$/.exec(sub);
    if (add) {
      const name = add[1]!;
      if (!BUILT_IN_VIEW_FIELDS.has(name) && !list.columns.some((c) => c.name === name)) return spError(400, `Field ${name} is not in the list.`);
      if (!view.ViewFields.includes(name)) view.ViewFields.push(name);
      return { status: 200, body: { 'odata.null': true } };
    }
  }
  return spError(400, `The REST call is not supported by the fake: ${req.method} ${rest}`);
}
