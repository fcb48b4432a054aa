import { keepConnectionsAlive } from '../../src/server/keepAlive';
import { botServices } from '../../src/server/app';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mountBot } from '../../bot/mountBot';
import type { Config } from '../../src/config';
import { MEMBERS, type Persona, type World } from '../support/world';
import { parseCard } from './cardSupport';

// The bot over real HTTP: express + JSON parser + mountBot on 127.0.0.1, a real SQLite world, the real Agents SDK,
// in local mode (anonymous, as the Agents Playground calls it) with deliveryMode expectReplies, so the replies (and an
// invoke's response) come back in the response body.

export function localConfig(world: World): Config {
  return {
    mode: 'local',
    host: '127.0.0.1',
    port: 0,
    store: 'sqlite',
    sqlitePath: world.file,
    refPrefix: 'CASPA',
    seedDemo: false,
    tabDir: '/nonexistent',
    bot: {},
    publicUrl: 'http://localhost:3978',
  };
}

export interface Running {
  url: string;
  close(): Promise<void>;
}

export async function serveBot(world: World, config: Config = localConfig(world)): Promise<Running> {
  const app = express();
  app.use(express.json());
  mountBot(app, botServices(config, world.store));
  const server: Server = await new Promise((resolve) => {
    const s = keepConnectionsAlive(app.listen(0, '127.0.0.1', () => resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/messages`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type Who = Persona | { aadObjectId: string };
const aadOf = (who: Who) => (typeof who === 'string' ? MEMBERS[who].aadObjectId : who.aadObjectId);

let counter = 0;
const base = (who: Who, conversationType: string) => {
  const aadObjectId = aadOf(who);
  return {
    id: `activity-${++counter}`,
    from: { id: `29:user-${aadObjectId}`, aadObjectId, name: 'Someone' },
    recipient: { id: '28:riskpanel-bot', name: 'RiskPanel' },
    conversation: { id: conversationType === 'personal' ? `conversation-${aadObjectId}` : '19:partnership@thread.tacv2', conversationType },
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
  };
};

export const messageActivity = (who: Who, text: string, conversationType = 'personal') => ({ ...base(who, conversationType), type: 'message', text });

/** What Teams sends when someone presses an Action.Execute button (or a card refreshes). */
export const invokeActivity = (who: Who, verb: string, data: Record<string, unknown>, conversationType = 'channel', trigger = 'manual') => ({
  ...base(who, conversationType),
  type: 'invoke',
  name: 'adaptiveCard/action',
  replyToId: 'card-activity-1',
  value: { action: { type: 'Action.Execute', verb, data }, trigger },
});

/** What an older client sends for the Action.Submit fallback: a message with no text and the verb in its value. */
export const submitActivity = (who: Who, data: Record<string, unknown>, conversationType = 'channel') => ({
  ...base(who, conversationType),
  type: 'message',
  replyToId: 'card-activity-1',
  value: data,
});

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

export interface ReplyActivity {
  type: string;
  text?: string;
  value?: { status: number; body: { statusCode: number; type: string; value: unknown } };
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export async function repliesOf(res: Response): Promise<ReplyActivity[]> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities: ReplyActivity[] };
  expect(Array.isArray(body.activities)).toBe(true);
  return body.activities;
}

/** The one card among the replies, checked by the Adaptive Cards parser. */
export function cardIn(activities: ReplyActivity[]): Record<string, unknown> {
  expect(activities).toHaveLength(1);
  const [attachment] = activities[0]?.attachments ?? [];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(parseCard(attachment!.content).problems).toEqual([]);
  return attachment!.content;
}

/**
 * The invoke response of an invoke sent with expectReplies: the SDK puts it among the replies as an 'invokeResponse'
 * activity whose value is {status, body}; body is what Teams receives ({statusCode, type, value}).
 */
export function invokeResponseIn(activities: ReplyActivity[]): { statusCode: number; type: string; value: unknown } {
  const responses = activities.filter((a) => a.type === 'invokeResponse');
  expect(responses).toHaveLength(1);
  expect(responses[0]!.value!.status).toBe(200);
  return responses[0]!.value!.body;
}
