import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { version as appVersion } from '../../../package.json';
import { createApp } from '../../../src/server/app';
import { LISTS, RECORD_JSON } from '../../../src/store/sharepoint/listSchema';
import type { DataQualityIssue, Kind } from '../../../src/store/port';
import { problemOf, testConfig } from '../../api/server';
import { parseCard, textRuns } from '../../bot/cardSupport';
import type { GraphFake } from '../../fakes/graphFake';
import { ORG } from '../../fakes/sharePointHarness';
import { createActionOn, createOpenCase } from '../../support/cases';
import { sharePointWorld } from '../../support/sharePointWorld';
import { FIXED_NOW, MEMBERS, type Persona, referralInput, type World } from '../../support/world';

// The real app (createApp: routes, identity, queries, commands, the bot) over the production SharePointStore, whose
// Graph client's terminal fetch is the in-process Graph fake. Coordinators then edit items "in SharePoint" (the fake,
// bypassing the API), the way the issue describes: an unknown choice, an emptied required column, a bad date.

interface Running {
  fake: GraphFake;
  world: World;
  call(method: string, route: string, opts?: { as?: Persona; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

async function startOnSharePoint(): Promise<Running> {
  // The shared test builders (tests/support/cases.ts) take a World: this one runs the real commands on SharePoint.
  const { fake, store, world } = await sharePointWorld();
  // Local mode for the Dev sign-in scheme; the store is what production uses.
  const app = createApp({ config: testConfig('(unused)', { store: 'sharepoint' }), store, now: () => FIXED_NOW });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fake,
    world,
    call: (method, route, { as, json } = {}) =>
      fetch(url + route, {
        method,
        headers: { ...(as ? { authorization: `Dev ${MEMBERS[as].email}` } : {}), ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}

/** The SharePoint item id of a record, as a coordinator would find it in the list. */
function itemIdOf(fake: GraphFake, kind: Kind, recordId: string): number {
  const item = [...fake.list(LISTS[kind].displayName).items.values()].find((i) => i.fields.RecordId === recordId);
  if (!item) throw new Error(`No ${kind} item for ${recordId}`);
  return item.id;
}

/** A bot message as Teams sends it, asking for the replies in the response body (as the Agents Playground does). */
const botMessage = (persona: Persona, text: string) => ({
  type: 'message',
  id: 'activity-1',
  text,
  from: { id: `29:user-${MEMBERS[persona].aadObjectId}`, aadObjectId: MEMBERS[persona].aadObjectId, name: 'Someone' },
  recipient: { id: '28:riskpanel-bot', name: 'RiskPanel' },
  conversation: { id: `conversation-${MEMBERS[persona].aadObjectId}`, conversationType: 'personal' },
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:1',
  deliveryMode: 'expectReplies',
});

const problemColumns = (p: { dataQuality?: { field: string; column: string }[] }) => (p.dataQuality ?? []).map((d) => [d.field, d.column]);

describe('hand edits in SharePoint reach people, and never break a page or the bot', () => {
  let sp: Running;
  let caseId: string;
  let ref: string;
  let actionId: string;

  beforeAll(async () => {
    sp = await startOnSharePoint();
    ({ id: caseId, ref } = await createOpenCase(sp.world, { referrer: 'police', riskLevel: 'high', nextReviewDate: '2026-07-20' }));
    ({ id: actionId } = await createActionOn(sp.world, caseId, 'police'));
    const { fake } = sp;

    // What a coordinator might do in the browser.
    fake.editItem('Cases', itemIdOf(fake, 'cases', caseId), { CaseStatus: 'Pending review', Initials: '', NextReviewDate: 'end of July' });
    fake.editItem('Actions', itemIdOf(fake, 'actions', actionId), { ActionStatus: 'Waiting', OwnerId: '', DueDate: 'next week' });
    fake.editItem('Agencies', itemIdOf(fake, 'agencies', 'ag-police'), { AgencyKind: 'Constabulary' });
    fake.editItem('Members', itemIdOf(fake, 'members', MEMBERS.coordinator.id), { Roles: ['Coordinator', 'Superuser'] });
    // ...and an item added by hand, which RiskPanel did not write and cannot use.
    fake.seedItems('Meetings', [{ Title: 'Extra panel typed in by hand', StartsAt: '2026-07-08T09:30:00Z', MeetingStatus: 'Planned' }]);
  });
  afterAll(() => sp.close());

  it('GET /api/cases/:id answers 200 with the last saved values and the data-quality warnings', async () => {
    const res = await sp.call('GET', `/api/cases/${caseId}`, { as: 'coordinator' });
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.access).toBe('full');
    expect(view.case).toMatchObject({ id: caseId, ref, status: 'open', initials: 'A.I.E.', nextReviewDate: '2026-07-20' });
    expect(problemColumns(view.case)).toEqual([
      ['status', 'Status'],
      ['nextReviewDate', 'Next review date'],
      ['initials', 'Initials'],
    ]);
    expect(view.case.dataQuality[0].message).toBe('"Pending review" is not one of the choices for Status; showing the last value RiskPanel saved.');
    const [action] = view.actions;
    expect(action).toMatchObject({ id: actionId, status: 'not_started', dueDate: '2026-07-01', ownerId: MEMBERS.police.id });
    expect(problemColumns(action)).toEqual([
      ['status', 'Status'],
      ['dueDate', 'Due date'],
      ['ownerId', 'Owner id'],
    ]);
  });

  it('the register, the meetings and the sign-in of the hand-edited coordinator still answer 200', async () => {
    const register = await sp.call('GET', '/api/cases', { as: 'coordinator' });
    expect(register.status).toBe(200);
    const page = await register.json();
    expect(page.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[caseId, 'open']]);
    // The hand-added meeting has no record id: left out, not fatal.
    const meetings = await sp.call('GET', '/api/meetings', { as: 'coordinator' });
    expect(meetings.status).toBe(200);
    expect(await meetings.json()).toEqual([]);
    const me = await (await sp.call('GET', '/api/me', { as: 'coordinator' })).json();
    expect(me.member.roles).toEqual(['coordinator']);
    // The police partner's agency kind was damaged; the partner still signs in and opens the case.
    expect((await sp.call('GET', `/api/cases/${caseId}`, { as: 'police' })).status).toBe(200);
  });

  it("the bot's status <ref> still answers with a card", async () => {
    const res = await sp.call('POST', '/api/messages', { json: botMessage('coordinator', `status ${ref}`) });
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { attachments?: { contentType: string; content: unknown }[] }[] };
    expect(activities).toHaveLength(1);
    const [attachment] = activities[0]!.attachments ?? [];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(parseCard(attachment!.content).problems).toEqual([]);
    expect(textRuns(attachment!.content).slice(0, 4)).toEqual([ref, ' \u00b7 ', 'A.I.E.', 'Open']);
  });

  it('GET /api/data-quality: 403 for a partner (audited), and for a coordinator every hand-edited item with its problems', async () => {
    const refused = await sp.call('GET', '/api/data-quality', { as: 'police' });
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toMatch(/Only coordinators/);
    const denials = [...sp.fake.list('Audit trail').items.values()].filter((i) => i.fields.AuditAction === 'Denied');
    expect(denials).toHaveLength(1);

    const res = await sp.call('GET', '/api/data-quality', { as: 'coordinator' });
    expect(res.status).toBe(200);
    const issues = (await res.json()) as DataQualityIssue[];
    // Only the hand edits, list by list: nothing RiskPanel wrote itself (audit events, the denial's too) is reported.
    expect(issues.map((i) => [i.kind, i.list, i.recordId ?? null, i.problems.map((p) => p.column)])).toEqual([
      ['agencies', 'Agencies', 'ag-police', ['Kind of agency']],
      ['members', 'Members', MEMBERS.coordinator.id, ['Roles']],
      ['cases', 'Cases', caseId, ['Status', 'Next review date', 'Initials']],
      ['actions', 'Actions', actionId, ['Status', 'Due date', 'Owner id']],
      ['meetings', 'Meetings', null, ['Record id']],
    ]);
    const byKind = Object.fromEntries(issues.map((i) => [i.kind, i]));
    expect(byKind.cases).toMatchObject({ itemId: String(itemIdOf(sp.fake, 'cases', caseId)), title: `${ref} A.I.E.` });
    expect(byKind.cases!.problems.find((p) => p.field === 'nextReviewDate')).toEqual({
      field: 'nextReviewDate',
      column: 'Next review date',
      value: 'end of July',
      message: '"end of July" is not a date in Next review date; showing the last value RiskPanel saved.',
    });
    expect(byKind.meetings!.title).toBe('Extra panel typed in by hand');
  });
});

describe('the production code path end to end: a referral submitted over the API on SharePoint', () => {
  let sp: Running;
  beforeAll(async () => {
    sp = await startOnSharePoint();
  });
  afterAll(() => sp.close());

  it('is written to the Cases list (title: reference and initials only) and reads back through the API', async () => {
    const health = await (await sp.call('GET', '/healthz')).json();
    expect(health).toEqual({ status: 'ok', store: 'sharepoint', mode: 'local' });

    const created = await sp.call('POST', '/api/referrals', { as: 'police', json: referralInput() });
    expect(created.status).toBe(201);
    const referral = await created.json();
    expect(referral).toMatchObject({ ref: 'CASPA-2026-0001', status: 'submitted', initials: 'A.I.E.', version: 1 });

    const res = await sp.call('GET', `/api/cases/${referral.id}`, { as: 'police' });
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view.access).toBe('full');
    expect(view.case).toEqual(referral);
    expect(view.case).not.toHaveProperty('dataQuality');
    const byRef = await (await sp.call('GET', '/api/cases/by-ref/caspa-2026-1', { as: 'coordinator' })).json();
    expect(byRef.case.id).toBe(referral.id);
    const register = await (await sp.call('GET', '/api/cases', { as: 'coordinator' })).json();
    expect(register.items.map((i: { ref: string }) => i.ref)).toEqual(['CASPA-2026-0001']);

    // In SharePoint: one item, the visible columns free of the adult's name, the record whole in RecordJson.
    const items = [...sp.fake.list('Cases').items.values()];
    expect(items).toHaveLength(1);
    const { [RECORD_JSON]: json, ...visible } = items[0]!.fields;
    expect(visible).toMatchObject({ Title: 'CASPA-2026-0001 A.I.E.', Ref: 'CASPA-2026-0001', CaseStatus: 'Submitted', ReferrerAgencyId: 'ag-police' });
    expect(JSON.stringify(visible)).not.toMatch(/Alex|Imaginary|LU1 1AA/);
    expect(JSON.parse(String(json)).adult.name).toBe('Alex Imaginary Example');
    // The reads and the create were audited in the Audit trail list.
    const audited = [...sp.fake.list('Audit trail').items.values()].filter((i) => i.fields.SubjectRecordId === referral.id).map((i) => i.fields.AuditAction);
    expect(audited).toEqual(expect.arrayContaining(['Create', 'View']));
    // Every request went through the production Graph client: named in the User-Agent, with a bearer token.
    expect([...sp.fake.stats.userAgents]).toEqual([`NONISV|${ORG}|RiskPanel/${appVersion}`]);

    const quality = await sp.call('GET', '/api/data-quality', { as: 'coordinator' });
    expect(quality.status).toBe(200);
    expect(await quality.json()).toEqual([]);
  });
});
