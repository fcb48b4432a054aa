import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError, parseRetryAfter } from '../../src/notify/connector';
import { HttpBotConnector } from '../../src/notify/httpConnector';
import { FakeConnector } from './support/fakeConnector';
import { conversation } from './support/outboxWorld';

let fake: FakeConnector;
beforeEach(async () => (fake = await FakeConnector.start({ token: 'token-123' })));
afterEach(() => fake.close());

const connector = () => new HttpBotConnector({ getToken: async () => 'token-123', botId: '28:bot-app-id' });
const card = (text: string) => ({ type: 'message' as const, text });

describe('HttpBotConnector against the fake Bot Connector', () => {
  it('posts into the conversation with the bearer token and the delivery key, and returns the activity id', async () => {
    const ref = conversation('general', fake.serviceUrl);
    const sent = await connector().send(ref, card('CASPA-2026-0001 A.B.'), { deliveryKey: 'row-1:general' });
    expect(sent.conversationId).toBe('19:general@thread.tacv2');
    expect(fake.posted).toHaveLength(1);
    expect(fake.posted[0]).toMatchObject({ conversationId: ref.conversationId, activityId: sent.activityId, deliveryKey: 'row-1:general' });
    expect(fake.posted[0]!.activity).toMatchObject({ type: 'message', text: 'CASPA-2026-0001 A.B.', conversation: { id: ref.conversationId } });
    expect(fake.requests[0]!.authorization).toBe('Bearer token-123');
  });

  it('is refused without the token (the fake checks it), as the real service would', async () => {
    const ref = conversation('general', fake.serviceUrl);
    const error = await new HttpBotConnector().send(ref, card('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).status).toBe(401);
    expect((error as ConnectorError).transient).toBe(false);
  });

  it('round-trips conversation ids with the characters Teams uses (: @ ; =)', async () => {
    const ref = conversation('general', fake.serviceUrl, { conversationId: '19:abc@thread.tacv2;messageid=1700000000000' });
    await connector().send(ref, card('reply in thread'));
    expect(fake.posted[0]!.conversationId).toBe('19:abc@thread.tacv2;messageid=1700000000000');
  });

  it('starts a new channel thread with channelData.channel.id and returns the thread conversation', async () => {
    const ref = conversation('general', fake.serviceUrl);
    const sent = await connector().send(ref, card('New referral'), { newThread: true });
    expect(sent.conversationId).toBe(`${ref.channelId};messageid=${sent.activityId}`);
    expect(fake.posted[0]!.channelData).toMatchObject({ channel: { id: ref.channelId } });
    expect(fake.posted[0]!.activity).toMatchObject({ text: 'New referral' });
  });

  it('updates a card in place (PUT) so everyone sees the new one', async () => {
    const ref = conversation('general', fake.serviceUrl);
    const sent = await connector().send(ref, card('2 agencies answered'));
    await connector().update(ref, sent.activityId, card('3 agencies answered'));
    expect(fake.posted).toHaveLength(1);
    expect(fake.posted[0]!.activity).toMatchObject({ text: '3 agencies answered', id: sent.activityId });
    const missing = await connector().update(ref, '999', card('x')).catch((e: ConnectorError) => e);
    expect(missing).toMatchObject({ status: 404, code: 'ActivityNotFound', conversationLost: false });
  });

  it('turns 429 + Retry-After, 403 roster and 502 into typed errors', async () => {
    const ref = conversation('general', fake.serviceUrl);
    fake.failNext(ref.conversationId, { status: 429, retryAfter: '3' }, { status: 502 }, { status: 412 });
    const throttled = await connector().send(ref, card('x')).catch((e: ConnectorError) => e);
    expect(throttled).toMatchObject({ status: 429, retryAfterMs: 3000, transient: true, inDoubt: false });
    const gateway = await connector().send(ref, card('x')).catch((e: ConnectorError) => e);
    expect(gateway).toMatchObject({ status: 502, transient: true, inDoubt: true });
    const stale = await connector().send(ref, card('x')).catch((e: ConnectorError) => e);
    expect(stale).toMatchObject({ status: 412, transient: true, inDoubt: false });
    fake.removeBot(ref.conversationId);
    const removed = await connector().send(ref, card('x')).catch((e: ConnectorError) => e);
    expect(removed).toMatchObject({ status: 403, code: 'BotNotInConversationRoster', conversationLost: true, transient: false });
    expect(fake.posted).toHaveLength(0);
  });

  it('reports no answer as status 0 (in doubt), e.g. a connection dropped mid-request', async () => {
    const dropper = http.createServer((req) => req.socket.destroy());
    await new Promise<void>((r) => dropper.listen(0, '127.0.0.1', r));
    const ref = conversation('general', `http://127.0.0.1:${(dropper.address() as AddressInfo).port}/`);
    const error = await connector().send(ref, card('x')).catch((e: ConnectorError) => e);
    await new Promise((r) => dropper.close(r));
    expect(error).toMatchObject({ status: 0, inDoubt: true, transient: true });
  });

  it('never sends the token to a plain-http service URL that is not loopback', async () => {
    let calls = 0;
    const spy = new HttpBotConnector({ getToken: async () => 'secret', fetch: (async () => { calls++; return new Response('{}'); }) as typeof fetch });
    const error = await spy.send(conversation('general', 'http://evil.example.test/'), card('x')).catch((e: ConnectorError) => e);
    expect(error).toMatchObject({ status: 400 });
    expect(calls).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-06-15T09:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Mon, 15 Jun 2026 09:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
