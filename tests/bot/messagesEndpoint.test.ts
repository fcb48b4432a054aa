import { captureLogs } from '../../src/log';
import { botServices } from '../../src/server/app';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SHARED_NOTE } from '../../bot/chat/status';
import { NOT_A_MEMBER } from '../../bot/host';
import { mountBot } from '../../bot/mountBot';
import type { Config } from '../../src/config';
import { CASE_NOT_FOUND } from '../../src/queries';
import { createOpenCase } from '../support/cases';
import { createWorld, MEMBERS, type Persona, type World } from '../support/world';
import { parseCard, textRuns } from './cardSupport';

// The bot over real HTTP: express + JSON parser + mountBot on 127.0.0.1, a real SQLite world, the real Agents SDK.

const CLIENT_ID = '0b0b0b0b-1111-4222-8333-444444444444';
const TENANT_ID = '7e7e7e7e-1111-4222-8333-444444444444';

function configFor(world: World, mode: Config['mode'], bot: Config['bot'] = {}): Config {
  return {
    mode,
    host: '127.0.0.1',
    port: 0,
    store: 'sqlite',
    sqlitePath: world.file,
    refPrefix: 'CASPA',
    seedDemo: false,
    tabDir: '/nonexistent',
    bot,
    publicUrl: 'http://localhost:3978',
  };
}

interface Running {
  url: string;
  close(): Promise<void>;
}

async function serve(config: Config, world: World): Promise<Running> {
  const app = express();
  app.use(express.json());
  mountBot(app, botServices(config, world.store));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/messages`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const message = (persona: Persona | { aadObjectId: string }, text: string, conversationType = 'personal') => {
  const aadObjectId = typeof persona === 'string' ? MEMBERS[persona].aadObjectId : persona.aadObjectId;
  return {
    type: 'message',
    id: 'activity-1',
    text,
    from: { id: `29:user-${aadObjectId}`, aadObjectId, name: 'Someone' },
    recipient: { id: '28:riskpanel-bot', name: 'RiskPanel' },
    conversation: { id: `conversation-${aadObjectId}`, conversationType },
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
  };
};

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}
async function repliesOf(res: Response): Promise<ReplyActivity[]> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities: ReplyActivity[] };
  expect(Array.isArray(body.activities)).toBe(true);
  return body.activities;
}
function cardIn(activities: ReplyActivity[]): Record<string, unknown> {
  expect(activities).toHaveLength(1);
  const [attachment] = activities[0]?.attachments ?? [];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(parseCard(attachment!.content).problems).toEqual([]);
  return attachment!.content;
}

const ADULT_DETAILS = ['Alex', 'Imaginary', 'LU1 1AA', 'hoarding blocks', 'stay at home'];
const countAudit = (world: World, action: string) =>
  world.store.transaction((tx) => tx.find('audit')).then((rows) => rows.filter((r) => r.action === action).length);

describe('POST /api/messages in local mode (anonymous, as the Agents Playground calls it)', () => {
  let world: World;
  let server: Running;
  let ref: string;
  let caseId: string;
  beforeAll(async () => {
    world = await createWorld();
    ({ ref, id: caseId } = await createOpenCase(world, { referrer: 'police', riskLevel: 'high', nextReviewDate: '2026-07-20' }));
    server = await serve(configFor(world, 'local'), world);
  });
  afterAll(async () => {
    await server.close();
    await world.close();
  });

  it('answers the coordinator with the full status card in the response body (expectReplies)', async () => {
    const card = cardIn(await repliesOf(await post(server.url, message('coordinator', `status ${ref}`))));
    const runs = textRuns(card);
    expect(runs.slice(0, 6)).toEqual(['CASPA-2026-0001', ' \u00b7 ', 'A.I.E.', 'Open', 'High', 'Police']);
    // mountBot runs on the real clock, so the review date may already have passed.
    expect(runs[6]).toMatch(/^20 Jul 2026( \(overdue\))?$/);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in RiskPanel', url: `http://localhost:3978/#/cases/${caseId}` }]);
    for (const detail of ADULT_DETAILS) expect(JSON.stringify(card)).not.toContain(detail);
  });

  it('answers the referring partner, whose mention in a channel is stripped, with the shared card', async () => {
    const card = cardIn(await repliesOf(await post(server.url, message('police', `<at>RiskPanel</at> status ${ref.toLowerCase()}`, 'channel'))));
    expect(textRuns(card)).toEqual(['CASPA-2026-0001', ' \u00b7 ', 'A.I.E.', 'Open', SHARED_NOTE]);
    for (const detail of [...ADULT_DETAILS, '20 Jul']) expect(JSON.stringify(card)).not.toContain(detail);
  });

  it('tells a partner of an uninvolved agency only that no such case can be shown', async () => {
    const denied = await countAudit(world, 'denied');
    const activities = await repliesOf(await post(server.url, message('fire', `status ${ref}`)));
    expect(activities).toEqual([expect.objectContaining({ type: 'message', text: CASE_NOT_FOUND })]);
    expect(activities[0]?.attachments ?? []).toEqual([]);
    expect(await countAudit(world, 'denied')).toBe(denied + 1);
  });

  it('asks someone who is not a member to see their coordinator', async () => {
    const activities = await repliesOf(await post(server.url, message({ aadObjectId: '99999999-8888-4777-8666-555555555555' }, `status ${ref}`)));
    expect(activities.map((a) => a.text)).toEqual([NOT_A_MEMBER]);
  });

  it('shows help, and says so when it does not understand', async () => {
    const help = await repliesOf(await post(server.url, message('health', 'help')));
    expect(textRuns(cardIn(help))).toContain('status <reference>');
    const unknown = await repliesOf(await post(server.url, message('health', 'tell me everything')));
    expect(unknown[0]?.text).toMatch(/did not understand/);
    expect(unknown).toHaveLength(2);
  });

  it('accepts other activities without answering them', async () => {
    const update = { ...message('coordinator', ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:riskpanel-bot' }] };
    expect(await repliesOf(await post(server.url, update))).toEqual([]);
  });

  it('refuses a body that is not an activity with 400, not 500', async () => {
    for (const body of [{}, { type: 'message' }, { type: 'message', conversation: { id: 'c' }, text: 42 }, []]) {
      const res = await post(server.url, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('POST /api/messages outside local mode', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
    await createOpenCase(world, { referrer: 'police' });
  });
  afterAll(() => world.close());

  it('refuses a request without a Bot Framework token with 401, and reads nothing', async () => {
    const server = await serve(configFor(world, 'production', { clientId: CLIENT_ID, tenantId: TENANT_ID }), world);
    try {
      const views = await countAudit(world, 'view');
      const attempts: Record<string, string>[] = [{}, { authorization: `Dev ${MEMBERS.coordinator.email}` }, { authorization: 'Bearer' }, { authorization: 'Bearer not-a-jwt' }];
      for (const headers of attempts) {
        const res = await post(server.url, message('coordinator', 'status CASPA-2026-0001'), headers);
        expect(res.status).toBe(401);
        expect(await res.text()).not.toContain('CASPA');
      }
      // A well-formed token for another audience is refused before any key is fetched.
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const foreign = `${part({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${part({ aud: 'someone-else', iss: 'https://api.botframework.com' })}.c2ln`;
      const res = await post(server.url, message('coordinator', 'status CASPA-2026-0001'), { authorization: `Bearer ${foreign}` });
      expect(res.status).toBe(401);
      expect(await countAudit(world, 'view')).toBe(views);
    } finally {
      await server.close();
    }
  });

  it('refuses every request with 401 when no bot client id is configured (never anonymous)', async () => {
    const logs = captureLogs();
    const server = await serve(configFor(world, 'production'), world);
    try {
      const res = await post(server.url, message('coordinator', 'help'));
      expect(res.status).toBe(401);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/no client id/);
      expect(logs.lines.map((l) => l.event)).toContain('bot.notConfigured');
    } finally {
      logs.stop();
      await server.close();
    }
  });
});

describe('POST /api/messages with an activity it cannot answer (issue 8 item 6)', () => {
  let world: World;
  let server: Running;
  beforeAll(async () => {
    world = await createWorld();
    server = await serve(configFor(world, 'local'), world);
  });
  afterAll(async () => {
    await server.close();
    world.close();
  });

  const withoutReplies = (activity: Record<string, unknown>) => {
    const { deliveryMode: _mode, ...rest } = activity;
    return rest;
  };

  it.each([
    ['no recipient', (a: Record<string, unknown>) => ({ ...a, recipient: undefined }), 'recipient'],
    ['no serviceUrl (replies would be posted)', (a: Record<string, unknown>) => withoutReplies({ ...a, serviceUrl: undefined }), 'serviceUrl'],
    ['a serviceUrl that is not loopback, in local mode', (a: Record<string, unknown>) => ({ ...a, serviceUrl: 'https://smba.example.net/teams/' }), 'loopback'],
    ['a serviceUrl on a private address, in local mode', (a: Record<string, unknown>) => ({ ...a, serviceUrl: 'http://10.0.0.8:8080/' }), 'loopback'],
  ])('answers %s with a 400 problem, logs why with no personal data, and runs no turn', async (_name, change, said) => {
    const logs = captureLogs();
    try {
      const views = await countAudit(world, 'view');
      const res = await post(server.url, change(message('coordinator', 'status CASPA-2026-0001')));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(await res.json())).toContain(said);
      expect(logs.lines.map((l) => l.event)).toContain('bot.activityRefused');
      expect(logs.text()).not.toContain('CASPA-2026-0001');
      expect(await countAudit(world, 'view')).toBe(views);
    } finally {
      logs.stop();
    }
  });

  it('accepts a loopback serviceUrl in local mode (127.0.0.0/8, ::1, localhost)', async () => {
    for (const serviceUrl of ['http://127.0.0.1:1/', 'http://127.8.9.10:1/', 'http://[::1]:1/', 'http://localhost:1/']) {
      const res = await post(server.url, { ...message('coordinator', 'help'), serviceUrl });
      expect(res.status).toBe(200);
    }
  });

  it('answers an activity whose serviceUrl cannot be reached with a handled 200 and no reply, never a 500, and logs why', async () => {
    const logs = captureLogs();
    try {
      // Port 1 on loopback refuses connections: the reply cannot be posted.
      const res = await post(server.url, withoutReplies(message('coordinator', 'help')));
      expect(res.status).toBeLessThan(500);
      expect(logs.lines.some((l) => typeof l.event === 'string' && l.event.startsWith('bot.'))).toBe(true);
    } finally {
      logs.stop();
    }
  });
});

describe('POST /api/messages: the Agents SDK\'s own 401 bodies (issue 8 item 8)', () => {
  it('become problem+json with no internal detail', async () => {
    const world = await createWorld();
    const server = await serve(configFor(world, 'production', { clientId: CLIENT_ID, tenantId: TENANT_ID }), world);
    try {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
        body: JSON.stringify(message('coordinator', 'help')),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const text = await res.text();
      expect(text).not.toContain('jwt-auth-error');
      expect(JSON.parse(text)).toMatchObject({ status: 401, title: 'Sign-in required' });
    } finally {
      await server.close();
      world.close();
    }
  });
});
