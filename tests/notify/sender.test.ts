import { type BotConnector, ConnectorError } from '../../src/notify/connector';
import { dailyKey } from '../../src/kernel/dailyKey';
import { sentDeliveries } from '../../src/notify/deliveries';
import { HttpBotConnector } from '../../src/notify/httpConnector';
import { CONVERSATION_LOST } from '../../src/notify/render';
import { processOutbox, type ProcessOutboxOptions } from '../../src/notify/sender';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { createWorld, type World } from '../support/world';
import { crashAfterSend, FakeConnector, SimulatedCrash } from './support/fakeConnector';
import { addConversations, conversation, conversationRow, outboxOfKind, outboxRow, queue, renderNote } from './support/outboxWorld';
import { VirtualClock } from './support/virtualClock';
import { busiestWindow } from './support/windows';

let world: World;
let fake: FakeConnector;
let clock: VirtualClock;
const GENERAL = '19:general@thread.tacv2';
const OTHER = '19:other@thread.tacv2';

beforeEach(async () => {
  world = await createWorld();
  fake = await FakeConnector.start({ token: 'bot-token' });
  clock = new VirtualClock('2026-06-15T09:00:00Z');
  await addConversations(world.store, conversation('general', fake.serviceUrl), conversation('other', fake.serviceUrl));
});
afterEach(async () => {
  await fake.close();
  await world.close();
});

/** The production connector over real HTTP to the fake, with the fake's lookup plugged in. */
const httpConnector = (withLookup = true) =>
  new HttpBotConnector({ getToken: async () => 'bot-token', ...(withLookup ? { findSent: fake.findSent } : {}) });

const run = (overrides: Partial<ProcessOutboxOptions> = {}) =>
  processOutbox({
    store: world.store,
    connector: httpConnector(),
    render: renderNote,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...overrides,
  });

describe('processOutbox', () => {
  it('sends pending rows oldest first and records each activity id for later in-place updates', async () => {
    await queue(world.store, 'b-second', '2026-06-15T08:00:02.000Z', { text: 'second', to: ['general'] });
    await queue(world.store, 'a-third', '2026-06-15T08:00:03.000Z', { text: 'third', to: ['general'] });
    await queue(world.store, 'c-first', '2026-06-15T08:00:01.000Z', { text: 'first', to: ['general', 'other'] });

    const report = await run();

    expect(report).toEqual({ processed: 3, sent: 3, failed: 0, pending: 0 });
    expect(fake.postsTo(GENERAL).map((p) => p.activity.text)).toEqual(['first', 'second', 'third']);
    const first = await outboxRow(world.store, 'c-first');
    expect(first.status).toBe('sent');
    expect(first.sentAt).toBe(clock.now().toISOString());
    expect(first.deliveries).toHaveLength(2);
    const toGeneral = first.deliveries!.find((d) => d.conversationRefId === 'general')!;
    expect(toGeneral).toMatchObject({ state: 'sent', attempts: 1, conversationId: GENERAL, key: 'c-first:general' });
    expect(toGeneral.activityId).toBe(fake.postsTo(GENERAL)[0]!.activityId);
    // What an in-place update of that card looks up by the key it was queued with.
    const found = await world.store.transaction((tx) => sentDeliveries(tx, 'note:c-first'));
    expect(found.map((d) => [d.conversationRefId, d.activityId])).toEqual([
      ['general', toGeneral.activityId],
      ['other', fake.postsTo(OTHER)[0]!.activityId],
    ]);
    expect(await world.store.transaction((tx) => sentDeliveries(tx, 'note:unknown'))).toEqual([]);
    // A second run finds nothing to do and posts nothing.
    expect(await run()).toEqual({ processed: 0, sent: 0, failed: 0, pending: 0 });
    expect(fake.posted).toHaveLength(4);
  });

  it('honours Retry-After on 429 and sends the card once', async () => {
    fake.failNext(GENERAL, { status: 429, retryAfter: '7' });
    await queue(world.store, 'row-1', '2026-06-15T08:00:00.000Z', { text: 'digest', to: ['general'] });
    const t0 = clock.now().getTime();

    await run();

    const attempts = fake.requests.filter((r) => r.conversationId === GENERAL);
    expect(attempts.map((r) => r.status)).toEqual([429, 201]);
    expect(clock.sleeps).toContain(7_000);
    expect(clock.now().getTime() - t0).toBeGreaterThanOrEqual(7_000);
    expect(fake.postsTo(GENERAL)).toHaveLength(1);
    expect(await outboxRow(world.store, 'row-1')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries 412, 502 and 504 with growing, jittered backoff', async () => {
    fake.failNext(GENERAL, { status: 412 }, { status: 502 }, { status: 504 });
    await queue(world.store, 'row-1', '2026-06-15T08:00:00.000Z', { text: 'digest', to: ['general'] });

    await run({ random: () => 0 });

    // base 1 s doubling, jitter between 50 % and 100 % (random 0 → the lower half).
    expect(clock.sleeps).toEqual([500, 1_000, 2_000]);
    expect(fake.postsTo(GENERAL)).toHaveLength(1);
    expect(await outboxRow(world.store, 'row-1')).toMatchObject({ status: 'sent', attempts: 4 });
  });

  it('gives up after maxAttempts and marks the row failed with the last error', async () => {
    fake.failNext(GENERAL, ...Array.from({ length: 10 }, () => ({ status: 502 })));
    await queue(world.store, 'row-1', '2026-06-15T08:00:00.000Z', { text: 'digest', to: ['general'] });
    await queue(world.store, 'row-2', '2026-06-15T08:00:01.000Z', { text: 'for other', to: ['other'] });

    const report = await run({ maxAttempts: 3, connector: httpConnector(false) });

    expect(report).toEqual({ processed: 2, sent: 1, failed: 1, pending: 0 });
    expect(fake.requests.filter((r) => r.conversationId === GENERAL)).toHaveLength(3);
    const row = await outboxRow(world.store, 'row-1');
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/502/);
    expect(fake.postsTo(OTHER)).toHaveLength(1);
  });

  it('on 403 BotNotInConversationRoster: conversation inactive, row failed, one notice for the coordinators, no retry', async () => {
    fake.removeBot(GENERAL);
    await queue(world.store, 'row-1', '2026-06-15T08:00:00.000Z', { text: 'new referral', to: ['general'] });
    await queue(world.store, 'row-2', '2026-06-15T08:00:01.000Z', { text: 'digest', to: ['general'] });
    await queue(world.store, 'row-3', '2026-06-15T08:00:02.000Z', { text: 'reminder', to: ['other'] });

    const report = await run();

    expect(report).toEqual({ processed: 3, sent: 1, failed: 2, pending: 0 });
    // Exactly one request to the lost conversation: never retried, and the second row is not even tried.
    expect(fake.requests.filter((r) => r.conversationId === GENERAL).map((r) => r.status)).toEqual([403]);
    const ref = await conversationRow(world.store, 'general');
    expect(ref).toMatchObject({ active: false, deactivatedAt: clock.now().toISOString(), deactivatedReason: '403 BotNotInConversationRoster' });
    expect(await outboxRow(world.store, 'row-1')).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/Conversation lost/) });
    expect(await outboxRow(world.store, 'row-2')).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/inactive/) });
    expect(fake.postsTo(OTHER)).toHaveLength(1);

    const notices = await outboxOfKind(world.store, CONVERSATION_LOST);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      status: 'pending',
      payload: { conversationRefId: 'general', conversationType: 'channel', isPartnershipChannel: true, reason: '403 BotNotInConversationRoster' },
    });
    const audit = await world.store.transaction((tx) => tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: 'general' }] }));
    expect(audit).toHaveLength(1);

    // Later runs do not retry the failed rows nor queue another notice.
    await run({ render: async (m, tx) => (m.kind === CONVERSATION_LOST ? [] : renderNote(m, tx)) });
    expect(fake.requests.filter((r) => r.conversationId === GENERAL)).toHaveLength(1);
    expect(await outboxOfKind(world.store, CONVERSATION_LOST)).toHaveLength(1);
  });

  it('posts every card exactly once after a crash between the send and its record', async () => {
    for (let i = 1; i <= 5; i++) {
      await queue(world.store, `row-${i}`, `2026-06-15T08:00:0${i}.000Z`, { text: `card ${i}`, to: ['general'] });
    }

    await expect(run({ connector: crashAfterSend(httpConnector(), 3) })).rejects.toThrow(SimulatedCrash);
    expect(fake.posted).toHaveLength(3);
    const inDoubt = await outboxRow(world.store, 'row-3');
    expect(inDoubt.status).toBe('pending');
    expect(inDoubt.deliveries).toEqual([expect.objectContaining({ state: 'sending', attempts: 1 })]);

    // Restart: a fresh process, i.e. a new connection to the same database file and a new connector.
    const restarted = new SqliteStore(world.file);
    try {
      const report = await processOutbox({ store: restarted, connector: httpConnector(), render: renderNote, now: clock.now, sleep: clock.sleep });
      expect(report).toEqual({ processed: 3, sent: 3, failed: 0, pending: 0 });
    } finally {
      await restarted.close();
    }

    expect(fake.posted.map((p) => p.activity.text)).toEqual(['card 1', 'card 2', 'card 3', 'card 4', 'card 5']);
    const keys = fake.posted.map((p) => p.deliveryKey);
    expect(new Set(keys).size).toBe(5);
    const recovered = await outboxRow(world.store, 'row-3');
    expect(recovered).toMatchObject({ status: 'sent' });
    expect(recovered.deliveries![0]!.activityId).toBe(fake.posted[2]!.activityId);
  });

  it('without a lookup, re-sends an in-doubt card rather than lose it (the documented at-least-once window)', async () => {
    await queue(world.store, 'row-1', '2026-06-15T08:00:01.000Z', { text: 'card 1', to: ['general'] });
    await expect(run({ connector: crashAfterSend(httpConnector(false), 1) })).rejects.toThrow(SimulatedCrash);

    await run({ connector: httpConnector(false) });

    expect(fake.posted.map((p) => p.deliveryKey)).toEqual(['row-1:general', 'row-1:general']);
    expect(await outboxRow(world.store, 'row-1')).toMatchObject({ status: 'sent' });
  });

  it('looks up an in-doubt send after a 504 instead of posting it twice', async () => {
    // The gateway timed out although the service posted the card: simulate by posting first, then answering 504.
    await queue(world.store, 'row-1', '2026-06-15T08:00:01.000Z', { text: 'card 1', to: ['general'] });
    const connector = httpConnector();
    let first = true;
    const gatewayTimesOutOnce: BotConnector = {
      send: async (ref, activity, options) => {
        const sent = await connector.send(ref, activity, options);
        if (!first) return sent;
        first = false;
        throw new ConnectorError(504, 'Gateway timeout');
      },
      update: (ref, activityId, activity, conversationId) => connector.update(ref, activityId, activity, conversationId),
      findSent: fake.findSent,
    };

    await run({ connector: gatewayTimesOutOnce });

    expect(fake.posted).toHaveLength(1);
    expect(await outboxRow(world.store, 'row-1')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('replaces a card in place and starts channel threads when the renderer asks', async () => {
    await queue(world.store, 'row-1', '2026-06-15T08:00:01.000Z', { text: 'new referral: 0 answers', to: ['general'], newThread: true });
    await run();
    const posted = (await outboxRow(world.store, 'row-1')).deliveries![0]!;
    expect(posted.conversationId).toBe(`${GENERAL};messageid=${posted.activityId}`);

    await queue(world.store, 'row-2', '2026-06-15T08:00:02.000Z', {
      text: 'new referral: 2 answers',
      to: ['general'],
      replaces: { activityId: posted.activityId, conversationId: posted.conversationId },
    });
    await run();

    expect(fake.posted).toHaveLength(1);
    expect(fake.posted[0]!.activity.text).toBe('new referral: 2 answers');
    expect(await outboxRow(world.store, 'row-2')).toMatchObject({ status: 'sent' });
  });

  it('fails rows it cannot render without blocking the rows behind them', async () => {
    await queue(world.store, 'row-1', '2026-06-15T08:00:01.000Z', {}, 'unknownKind');
    await queue(world.store, 'row-2', '2026-06-15T08:00:02.000Z', {}, 'broken');
    await queue(world.store, 'row-3', '2026-06-15T08:00:03.000Z', { text: 'nothing to say', to: [] });
    await queue(world.store, 'row-4', '2026-06-15T08:00:04.000Z', { text: 'fine', to: ['general'] });

    expect(await run()).toEqual({ processed: 4, sent: 2, failed: 2, pending: 0 });
    expect(await outboxRow(world.store, 'row-1')).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/Not rendered/) });
    expect(await outboxRow(world.store, 'row-2')).toMatchObject({ status: 'failed', lastError: 'Not rendered: template missing' });
    const nothing = await outboxRow(world.store, 'row-3');
    expect(nothing.status).toBe('sent');
    expect(nothing.deliveries ?? []).toEqual([]);
    expect(fake.posted.map((p) => p.activity.text)).toEqual(['fine']);
  });

  it('keeps 100 cards to one channel within 7 a second and 60 in 30 seconds', async () => {
    for (let i = 0; i < 100; i++) {
      await queue(world.store, `row-${String(i).padStart(3, '0')}`, `2026-06-15T08:00:00.${String(i).padStart(3, '0')}Z`, { text: `card ${i}`, to: ['general'] });
    }

    await run();

    const rows = (await world.store.transaction((tx) => tx.find('outbox'))).filter((r) => r.kind === 'note');
    const sentAt = rows.map((r) => Date.parse(r.deliveries![0]!.sentAt!));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(fake.posted).toHaveLength(100);
    expect(busiestWindow(sentAt, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(sentAt, 30_000)).toBeLessThanOrEqual(60);
    expect(busiestWindow(sentAt, 30_000)).toBe(60);
  });

  it('does not post the same overdue digest twice on one UK day (dailyKey as the idempotency key)', async () => {
    const morning = new Date('2026-06-15T08:00:00Z');
    const again = new Date('2026-06-15T15:00:00Z');
    const key = (at: Date) => dailyKey('overdue', 'general', at);
    const first = await queue(world.store, 'scan-1', morning.toISOString(), { text: 'overdue: 3 actions', to: ['general'] }, 'note', key(morning));
    await run();
    const second = await queue(world.store, 'scan-2', again.toISOString(), { text: 'overdue: 3 actions', to: ['general'] }, 'note', key(again));
    await run();

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(fake.posted).toHaveLength(1);
    // Next UK day: a new digest.
    const tomorrow = new Date('2026-06-15T23:30:00Z');
    expect(key(tomorrow)).toBe('overdue:general:2026-06-16');
    expect((await queue(world.store, 'scan-3', tomorrow.toISOString(), { text: 'overdue', to: ['general'] }, 'note', key(tomorrow))).created).toBe(true);
  });

  it('stops between rows when the heartbeat says the lease is lost, leaving the rest pending', async () => {
    await queue(world.store, 'row-1', '2026-06-15T08:00:01.000Z', { text: 'one', to: ['general'] });
    await queue(world.store, 'row-2', '2026-06-15T08:00:02.000Z', { text: 'two', to: ['general'] });
    await expect(run({ heartbeat: async () => { throw new Error('lease lost'); } })).rejects.toThrow('lease lost');
    expect(fake.posted).toHaveLength(1);
    expect((await outboxRow(world.store, 'row-2')).status).toBe('pending');
  });
});

describe('dailyKey', () => {
  it('uses the UK date, not the UTC one', () => {
    expect(dailyKey('overdue', 'chan', new Date('2026-06-15T22:59:59Z'))).toBe('overdue:chan:2026-06-15');
    expect(dailyKey('overdue', 'chan', new Date('2026-06-15T23:00:00Z'))).toBe('overdue:chan:2026-06-16');
    expect(dailyKey('overdue', 'chan', new Date('2026-01-15T23:30:00Z'))).toBe('overdue:chan:2026-01-15');
    expect(dailyKey('overdue', 'chan', new Date('2026-03-29T00:30:00Z'))).toBe('overdue:chan:2026-03-29');
    expect(() => dailyKey('', 'chan', new Date())).toThrow();
  });
});
