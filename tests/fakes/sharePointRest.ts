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

/*
 * Permissions, for the audit list that only RiskPanel writes (provisioning breaks its inheritance):
 * `GET  {site}/_api/web/sitegroups/getbyname('{name}')`, `POST {site}/_api/web/sitegroups`
 * `GET  {site}/_api/web/roledefinitions/getbytype({type})`
 * `GET  {site}/_api/web/lists(guid'{id}')?$select=HasUniqueRoleAssignments`, `.../roleassignments?$expand=RoleDefinitionBindings`
 * `POST .../breakroleinheritance(copyRoleAssignments=..,clearSubscopes=..)`
 * `POST .../roleassignments/addroleassignment(principalid=N,roledefid=M)` and `removeroleassignment(...)`
 * A new list inherits the site's groups: Owners (full control), Members (edit), Visitors (read).
 */
export const ROLE_DEFINITIONS = [
  { Id: 1073741826, Name: 'Read', RoleTypeKind: 2 },
  { Id: 1073741827, Name: 'Contribute', RoleTypeKind: 3 },
  { Id: 1073741829, Name: 'Full Control', RoleTypeKind: 5 },
  { Id: 1073741830, Name: 'Edit', RoleTypeKind: 6 },
] as const;
export interface FakeGroup { Id: number; Title: string; Description: string }
export interface FakeRoleAssignment { principalId: number; roleDefIds: number[] }
export interface FakePermissions { unique: boolean; assignments: FakeRoleAssignment[] }

const SITE_ASSIGNMENTS: FakeRoleAssignment[] = [
  { principalId: 3, roleDefIds: [1073741829] },
  { principalId: 5, roleDefIds: [1073741830] },
  { principalId: 4, roleDefIds: [1073741826] },
];
const groupsBySite = new WeakMap<GraphFake, FakeGroup[]>();
const permissionsByList = new WeakMap<FakeList, FakePermissions>();

/** The site's groups (the three every site has, then any provisioning created). */
export function siteGroups(fake: GraphFake): FakeGroup[] {
  let groups = groupsBySite.get(fake);
  if (!groups) {
    groups = [
      { Id: 3, Title: `${fake.site.displayName} Owners`, Description: '' },
      { Id: 4, Title: `${fake.site.displayName} Visitors`, Description: '' },
      { Id: 5, Title: `${fake.site.displayName} Members`, Description: '' },
    ];
    groupsBySite.set(fake, groups);
  }
  return groups;
}

/** A list's permissions: inherited from the site until its inheritance is broken. */
export function listPermissions(list: FakeList): FakePermissions {
  let perms = permissionsByList.get(list);
  if (!perms) {
    perms = { unique: false, assignments: structuredClone(SITE_ASSIGNMENTS) };
    permissionsByList.set(list, perms);
  }
  return perms;
}

function webCall(fake: GraphFake, req: FakeRequest, rest: string): FakeResponse | undefined {
  const groups = siteGroups(fake);
  let m: RegExpExecArray | null;
  if ((m = /^\/_api\/web\/sitegroups\/getbyname\('([^']+)'\)$/i.exec(rest)) && req.method === 'GET') {
    const g = groups.find((x) => x.Title.toLowerCase() === m![1]!.toLowerCase());
    return g ? { status: 200, body: g } : spError(404, 'Group cannot be found.');
  }
  if (/^\/_api\/web\/sitegroups$/i.test(rest) && req.method === 'POST') {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const title = String(body.Title ?? '').trim();
    if (!title) return spError(400, 'The group name is required.');
    if (groups.some((g) => g.Title.toLowerCase() === title.toLowerCase())) return spError(400, `The specified name is already in use.`);
    const group: FakeGroup = { Id: Math.max(...groups.map((g) => g.Id)) + 1, Title: title, Description: String(body.Description ?? '') };
    groups.push(group);
    return { status: 201, body: group };
  }
  if ((m = /^\/_api\/web\/roledefinitions\/getbytype\((\d+)\)$/i.exec(rest)) && req.method === 'GET') {
    const def = ROLE_DEFINITIONS.find((d) => d.RoleTypeKind === Number(m![1]));
    return def ? { status: 200, body: def } : spError(404, 'Role definition not found.');
  }
  return undefined;
}

function permissionCall(fake: GraphFake, list: FakeList, req: FakeRequest, tail: string): FakeResponse | undefined {
  const perms = listPermissions(list);
  let m: RegExpExecArray | null;
  if (tail === '' && req.method === 'GET') return { status: 200, body: { Id: list.id, Title: list.displayName, HasUniqueRoleAssignments: perms.unique } };
  if (tail === '/roleassignments' && req.method === 'GET') {
    return {
      status: 200,
      body: {
        value: perms.assignments.map((a) => ({
          PrincipalId: a.principalId,
          RoleDefinitionBindings: a.roleDefIds.map((id) => ({ Id: id, Name: ROLE_DEFINITIONS.find((d) => d.Id === id)?.Name ?? '' })),
        })),
      },
    };
  }
  if ((m = /^\/breakroleinheritance\(copyRoleAssignments=(true|false),clearSubscopes=(true|false)\)$/i.exec(tail)) && req.method === 'POST') {
    if (!perms.unique) {
      perms.unique = true;
      if (m[1]!.toLowerCase() === 'false') perms.assignments = [];
    }
    return { status: 200, body: { 'odata.null': true } };
  }
  if ((m = /^\/roleassignments\/(add|remove)roleassignment\(principalid=(\d+),roledefid=(\d+)\)$/i.exec(tail)) && req.method === 'POST') {
    if (!perms.unique) return spError(400, 'This operation is not allowed on an object that inherits permissions.');
    const principalId = Number(m[2]);
    const roleDefId = Number(m[3]);
    if (!siteGroups(fake).some((g) => g.Id === principalId)) return spError(400, 'Cannot find the principal.');
    const current = perms.assignments.find((a) => a.principalId === principalId);
    if (m[1]!.toLowerCase() === 'add') {
      if (current) {
        if (!current.roleDefIds.includes(roleDefId)) current.roleDefIds.push(roleDefId);
      } else perms.assignments.push({ principalId, roleDefIds: [roleDefId] });
    } else if (current) {
      current.roleDefIds = current.roleDefIds.filter((id) => id !== roleDefId);
      if (!current.roleDefIds.length) perms.assignments = perms.assignments.filter((a) => a !== current);
    }
    return { status: 200, body: { 'odata.null': true } };
  }
  return undefined;
}

export function handleSharePointRest(fake: GraphFake, req: FakeRequest): FakeResponse {
  const sitePath = fake.site.path.toLowerCase();
  const path = decodeURIComponent(req.url.pathname);
  if (!path.toLowerCase().startsWith(`${sitePath}/_api/`)) return spError(404, 'File Not Found.');
  const rest = path.slice(sitePath.length);
  const web = webCall(fake, req, rest);
  if (web) return web;
  const listMatch = /^\/_api\/web\/lists\(guid'([0-9a-f-]+)'\)(\/.*)?$/i.exec(rest);
  if (!listMatch) return spError(400, `The REST call is not supported by the fake: ${rest}`);
  let list: FakeList;
  try {
    list = fake.list(listMatch[1]!);
  } catch {
    return spError(404, 'List does not exist.');
  }
  const tail = listMatch[2] ?? '';
  const permission = permissionCall(fake, list, req, tail);
  if (permission) return permission;
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
