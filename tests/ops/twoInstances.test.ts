import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import type { Store } from '../../src/store/port';
import { invokeActivity, post, repliesOf } from '../bot/botHttp';
import { FakeConnector } from '../notify/support/fakeConnector';
import { addConversations, conversation } from '../notify/support/outboxWorld';
import { createActionOn, createOpenCase } from '../support/cases';
import { createWorld, MEMBERS, referralInput, type World } from '../support/world';
import { type ChildServer, startChildServer } from './support/childServer';

/*
 * Two real server processes on one SQLite file, as two App Service instances share one store: both start with the
 * day's overdue scan due (a catch-up), both run the outbox sender every second, referrals arrive at both, and the
 * same Complete button is pressed on both at once. The scan runs once, every card is posted once, the action is
 * completed once. Waits are for conditions in the store (bounded), never for a length of time.
 */

jest.setTimeout(180_000);

const CHANNEL = '19:panel@thread.tacv2';
const COMPLETED = 'Marked as completed. Thank you.';

/** The London wall-clock time two minutes ago, 'HH:MM': the day's scan is then due at start (catch-up). */
function londonTimeTwoMinutesAgo(): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(Date.now() - 120_000),
  );
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, limitMs = 90_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}: ${JSON.stringify(value).slice(0, 3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('two server processes on one SQLite file', () => {
  let world: World;
  let connector: FakeConnector;
  let reader: Store;
  const servers: ChildServer[] = [];
  let actionIds: string[];

  beforeAll(async () => {
    connector = await FakeConnector.start();
    world = await createWorld();
    const openCase = await createOpenCase(world, { referrer: 'police' });
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    actionIds = [];
    for (let i = 0; i < 2; i++) {
      const action = await createActionOn(world, openCase.id, 'police');
      await world.store.transaction(async (tx) => tx.update('actions', { ...(await tx.get('actions', action.id))!, dueDate: tenDaysAgo }));
      actionIds.push(action.id);
    }
    await addConversations(world.store, conversation('panel', connector.serviceUrl));
    await world.store.close();

    const env = { SQLITE_PATH: world.file, OUTBOX_INTERVAL_SECONDS: '1', SCAN_TIME: londonTimeTwoMinutesAgo() };
    // One after the other, so both have started (and tried the catch-up) before anything else happens.
    servers.push(await startChildServer(env));
    servers.push(await startChildServer(env));
    reader = new SqliteStore(world.file);
  });

  afterAll(async () => {
    await reader?.close();
    for (const s of servers) s.kill();
    await connector.close();
    await world.close().catch(() => undefined);
  });

  const outbox = () => reader.transaction((tx) => tx.find('outbox'));

  it('runs the day\'s overdue scan once and posts its digest once', async () => {
    const rows = await until('the digest to be sent', outbox, (r) => r.some((m) => m.kind === 'overdueDigest' && m.status === 'sent'));
    expect(rows.filter((m) => m.kind === 'overdueDigest')).toHaveLength(1);
    // The scan leaves one completion marker for the occurrence; the instance that came second found it and skipped.
    const markers = await reader.transaction((tx) => tx.find('leases')).then((l) => l.filter((x) => x.id.startsWith('done:overdueScan:')));
    expect(markers).toHaveLength(1);
    expect(connector.postsTo(CHANNEL).filter((p) => p.deliveryKey?.startsWith(rows.find((m) => m.kind === 'overdueDigest')!.id))).toHaveLength(1);
  });

  it('completes an action once when Complete is pressed on both instances at the same moment', async () => {
    const digest = (await outbox()).find((m) => m.kind === 'overdueDigest')!;
    const data = { card: 'overdueDigest', digestId: digest.id, actionId: actionIds[0] };
    const [a, b] = servers;
    const responses = await Promise.all([
      post(`${a!.url}/api/messages`, invokeActivity('police', 'completeAction', data)),
      post(`${b!.url}/api/messages`, invokeActivity('coordinator', 'completeAction', data)),
    ]);
    const answers = await Promise.all(responses.map(async (res) => JSON.stringify(await repliesOf(res))));
    expect(answers.filter((text) => text.includes(COMPLETED))).toHaveLength(1);
    expect(answers.filter((text) => text.includes('already completed'))).toHaveLength(1);
    const action = await reader.transaction((tx) => tx.get('actions', actionIds[0]!));
    expect(action?.status).toBe('completed');
    const completions = (await reader.transaction((tx) => tx.find('audit'))).filter(
      (e) => e.recordId === actionIds[0] && (e.change as { status?: { to?: string } } | undefined)?.status?.to === 'completed',
    );
    expect(completions).toHaveLength(1);
  });

  it('posts every new-referral card once, whichever instance took the referral, and both stop cleanly', async () => {
    const people = ['police', 'health', 'fire', 'coordinator'] as const;
    // The open case made in setup was a referral too: its card is already in the outbox.
    const earlier = (await outbox()).filter((m) => m.kind === 'newReferral').length;
    await Promise.all(
      people.map(async (who, i) => {
        const res = await fetch(`${servers[i % 2]!.url}/api/referrals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Dev ${MEMBERS[who].email}` },
          body: JSON.stringify(referralInput({ adult: { name: `Invented Person ${i}`, dateOfBirth: '1955-01-0' + (i + 1), postcode: 'LU1 1AA' } })),
        });
        expect(res.status).toBe(201);
      }),
    );
    const rows = await until(
      'every card to be settled',
      () => outbox().then((r) => r.map((m) => ({ ...m, payload: undefined }))),
      // Referral cards only: other rows (a personal card for a member with no chat captured) may wait for a retry.
      (r) => {
        const cards = r.filter((m) => m.kind === 'newReferral');
        return cards.length === earlier + people.length && cards.every((m) => m.status !== 'pending');
      },
    );

    for (const s of servers) s.process.kill('SIGTERM');
    const exits = await Promise.all(servers.map((s) => s.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);

    const keys = connector.posted.map((p) => p.deliveryKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of rows.filter((m) => m.kind === 'newReferral' || m.kind === 'overdueDigest')) {
      expect(row.status).toBe('sent');
      for (const d of row.deliveries ?? []) expect(connector.posted.filter((p) => p.deliveryKey === d.key)).toHaveLength(1);
    }
    expect(connector.posted.filter((p) => p.channelData?.channel?.id === CHANNEL || p.conversationId.startsWith(CHANNEL)).length).toBeGreaterThanOrEqual(people.length + 1);
  });
});
