import { NOT_A_MEMBER } from '../../bot/host';
import { type DemoServer, PERSONAS, startDemoServer } from '../support/demoServer';
import { press, say } from '../support/botCalls';

// Issue 13: a leaver loses access at once, sessions and cards included. A coordinator deactivates a partner through
// the admin API; the very next API request, chat message and card press by that partner are refused, and the press
// changes nothing. Reactivated, they are let back in.

jest.setTimeout(120_000);

let srv: DemoServer;
beforeAll(async () => {
  srv = await startDemoServer();
});
afterAll(async () => {
  await srv?.close();
});

const persona = (key: string) => PERSONAS.find((p) => p.key === key)!;

it('a deactivated member is refused by the API, the bot and a card press; reactivated, they are back', async () => {
  const coordinator = PERSONAS.find((p) => p.roles.includes('coordinator'))!;
  const police = PERSONAS.find((p) => p.agencyId === 'ag-police' && p.roles.includes('partner') && !p.agencyLead) ?? persona('police');
  const action = (await srv.actions()).find((a) => a.ownerId === police.id && a.status !== 'completed' && a.status !== 'cancelled')!;
  const kase = (await srv.cases()).find((c) => c.status === 'open' && c.referrerAgencyId === police.agencyId && !c.restricted)!;
  expect(action).toBeDefined();

  // Before: all three work.
  expect((await srv.call('GET', '/api/me', { as: police })).status).toBe(200);
  expect((await say(srv, police, `status ${kase.ref}`, 'personal')).cards.length).toBe(1);

  const off = await srv.call('PATCH', `/api/admin/members/${police.id}`, { as: coordinator, json: { active: false, reason: 'Invented: left the force.' } });
  expect(off.status).toBe(200);

  const api = await srv.call('GET', '/api/actions', { as: police });
  expect(api.status).toBe(401);
  expect(api.headers.get('content-type')).toMatch(/problem\+json/);
  expect(await say(srv, police, `status ${kase.ref}`, 'personal')).toMatchObject({ texts: [NOT_A_MEMBER], cards: [] });
  const pressed = await press(srv, police, 'completeAction', { card: 'reminder', actionId: action.id }, 'personal');
  expect(JSON.stringify(pressed.invoke ?? pressed.texts)).toContain(NOT_A_MEMBER);
  expect(pressed.cards).toEqual([]);
  const after = await srv.store.transaction((tx) => tx.get('actions', action.id));
  expect(after).toMatchObject({ status: action.status, version: action.version });

  const on = await srv.call('PATCH', `/api/admin/members/${police.id}`, { as: coordinator, json: { active: true } });
  expect(on.status).toBe(200);
  expect((await srv.call('GET', '/api/actions', { as: police })).status).toBe(200);
});
