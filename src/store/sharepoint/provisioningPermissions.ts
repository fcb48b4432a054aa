import { failOn, type GraphCall, type GraphHttp, type GraphReply } from './graphHttp';
import type { ProvisionStep } from './provisioning';
import { LISTS } from './listSchema';

/**
 * The audit list is written only by RiskPanel (issue 13 item 2): provisioning breaks its permission inheritance, so
 * the site's Members and Visitors (and Owners, who could otherwise edit rows) lose access, and gives one SharePoint
 * group, the partnership's coordinators, Read. RiskPanel itself writes through its Sites.Selected grant, which is an
 * app permission on the site, not a role assignment on the list, so it is unaffected and is the only writer.
 * Breaking and granting need SharePoint REST (Graph v1.0 has no list role assignments), like the views: without a
 * certificate credential the plan says what to do by hand.
 */

/** The SharePoint group whose members may read the audit trail; an administrator puts the coordinators in it. */
export const COORDINATORS_GROUP = 'RiskPanel coordinators';
/** SharePoint's built-in role type "Reader" (SP.RoleType.Reader); its definition id is looked up, never assumed. */
const READER_ROLE_TYPE = 2;

const HEADERS = { Accept: 'application/json;odata=nometadata' };
const VERBOSE = { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=verbose' };

async function ok(http: GraphHttp, call: GraphCall, expect: number[] = [200, 201, 204]): Promise<GraphReply> {
  const reply = await http.send(call);
  if (!expect.includes(reply.status)) failOn(reply, call);
  return reply;
}

interface Assignment { PrincipalId: number; RoleDefinitionBindings?: { Id: number; Name?: string }[] }

/**
 * The steps that make the audit list readable by the coordinators' group only. `listId` resolves when the steps run
 * (a list created by an earlier step of the same run has no id at planning time); `listExists` says whether its
 * current permissions can be read now.
 */
export async function auditListPermissionSteps(
  rest: GraphHttp | undefined,
  webUrl: string,
  listId: () => string | undefined,
  listExists: boolean,
  group: string = COORDINATORS_GROUP,
): Promise<ProvisionStep[]> {
  const list = LISTS.audit.displayName;
  if (!rest) {
    return [{
      list,
      action: 'manual',
      detail: `permissions need a certificate credential (CLIENT_CERT_PATH), or by hand: stop inheriting permissions on "${list}", remove every group, give the "${group}" group Read`,
    }];
  }
  const web = `${webUrl}/_api/web`;
  const listUrl = () => `${web}/lists(guid'${listId()}')`;
  const groupReply = await rest.send({ method: 'GET', url: `${web}/sitegroups/getbyname('${encodeURIComponent(group)}')`, headers: HEADERS });
  if (groupReply.status !== 200 && groupReply.status !== 404) failOn(groupReply, { method: 'GET', url: 'site group' });
  let groupId: number | undefined = groupReply.status === 200 ? Number(groupReply.body.Id) : undefined;
  const readerId = Number((await ok(rest, { method: 'GET', url: `${web}/roledefinitions/getbytype(${READER_ROLE_TYPE})`, headers: HEADERS })).body.Id);

  let unique = false;
  let assignments: Assignment[] = [];
  if (listExists) {
    unique = !!(await ok(rest, { method: 'GET', url: `${listUrl()}?$select=HasUniqueRoleAssignments`, headers: HEADERS })).body.HasUniqueRoleAssignments;
    if (unique) assignments = (await ok(rest, { method: 'GET', url: `${listUrl()}/roleassignments?$expand=RoleDefinitionBindings`, headers: HEADERS })).body.value as Assignment[];
  }

  const steps: ProvisionStep[] = [];
  if (groupId === undefined) {
    steps.push({
      list,
      action: 'create group',
      detail: `"${group}" (an administrator adds the partnership's coordinators to it)`,
      run: async () => {
        const created = await ok(rest, {
          method: 'POST',
          url: `${web}/sitegroups`,
          headers: VERBOSE,
          body: { __metadata: { type: 'SP.Group' }, Title: group, Description: 'May read the RiskPanel audit trail. Nobody but RiskPanel writes it.' },
        });
        groupId = Number(created.body.Id);
      },
    });
  }
  if (!unique) {
    steps.push({
      list,
      action: 'break inheritance',
      detail: 'stop inheriting the site\'s permissions: site owners, members and visitors lose access (RiskPanel\'s app grant is on the site and keeps writing)',
      // Copy nothing: every inherited assignment (edit for Members, full control for Owners) would let someone edit rows.
      run: async () => void (await ok(rest, { method: 'POST', url: `${listUrl()}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`, headers: VERBOSE })),
    });
  }
  const hasRead = groupId !== undefined && assignments.some((a) => a.PrincipalId === groupId && (a.RoleDefinitionBindings ?? []).some((b) => b.Id === readerId));
  if (!hasRead) {
    steps.push({
      list,
      action: 'grant read',
      detail: `"${group}" may read the audit trail, and nothing more`,
      run: async () => void (await ok(rest, { method: 'POST', url: `${listUrl()}/roleassignments/addroleassignment(principalid=${groupId},roledefid=${readerId})`, headers: VERBOSE })),
    });
  }
  for (const a of assignments) {
    for (const b of a.RoleDefinitionBindings ?? []) {
      if (a.PrincipalId === groupId && b.Id === readerId) continue;
      steps.push({
        list,
        action: 'remove access',
        detail: `principal ${a.PrincipalId}: ${b.Name ?? `role ${b.Id}`} (only "${group}" reads this list)`,
        run: async () => void (await ok(rest, { method: 'POST', url: `${listUrl()}/roleassignments/removeroleassignment(principalid=${a.PrincipalId},roledefid=${b.Id})`, headers: VERBOSE })),
      });
    }
  }
  return steps;
}
