import http from 'node:http';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { addConversations, conversation } from '../notify/support/outboxWorld';
import { createWorld, MEMBERS, referralInput, type World } from '../support/world';
import { type ChildServer, startChildServer } from './support/childServer';
import { HoldingConnector } from './support/holdingConnector';

/*
 * SIGTERM to a real server process (src/main.ts) with a request and a card in flight: the request is answered, the
 * card's post completes and is recorded once, the outbox lease is released, the process exits 0. Nothing here waits
 * on the clock: each step waits for the event that proves the one before (the card held at the connector, the 100
 * Continue that shows the server is reading the request, the "stopping" log line).
 */

jest.setTimeout(120_000);

/** A POST whose body is sent only when the test says: `Expect: 100-continue` proves the server is handling it. */
function slowPost(url: string, email: string, body: unknown): { continued: Promise<void>; send(): Promise<{ status: number; text: string }> } {
  const payload = Buffer.from(JSON.stringify(body));
  const req = http.request(`${url}/api/referrals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Dev ${email}`, expect: '100-continue', connection: 'close' },
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  const continued = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  req.flushHeaders();
  return {
    continued,
    send: () => {
      req.end(payload);
      return response;
    },
  };
}

describe('graceful shutdown of a real server process', () => {
  let world: World;
  let connector: HoldingConnector;
  let child: ChildServer | undefined;

  beforeAll(async () => {
    connector = await HoldingConnector.start();
    world = await createWorld();
    await addConversations(world.store, conversation('panel', connector.serviceUrl));
    // The child process owns the file from here on.
    await world.store.close();
  });
  afterAll(async () => {
    child?.kill();
    await connector.close();
    await world.close().catch(() => undefined);
  });

  it('answers the request in flight, finishes the card in flight once, releases the lease and exits 0', async () => {
    child = await startChildServer({ SQLITE_PATH: world.file, OUTBOX_INTERVAL_SECONDS: '1' });

    // Referral A queues its new-referral card; the sender posts it and the connector holds the post open.
    const first = await fetch(`${child.url}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Dev ${MEMBERS.police.email}` },
      body: JSON.stringify(referralInput()),
    });
    expect(first.status).toBe(201);
    await connector.arrived(1);

    // Referral B is in flight: the server has its headers and waits for the body.
    const second = slowPost(child.url, MEMBERS.health.email, referralInput({ adult: { name: 'Sam Invented Person', dateOfBirth: '1961-04-05', postcode: 'LU2 2BB' } }));
    await second.continued;

    const signalledAt = Date.now();
    child.process.kill('SIGTERM');
    await child.waitFor(/RiskPanel stopping/);

    const answered = await second.send();
    expect(answered.status).toBe(201);
    connector.releaseAll();

    const { code } = await child.exited;
    const exitMs = Date.now() - signalledAt;
    expect(code).toBe(0);
    const drain = /"drainMs":(\d+)/.exec(child.output());
    expect(drain).not.toBeNull();
    // The figure for the report (not asserted: it depends on the machine).
    process.stdout.write(`graceful shutdown: ${drain![1]} ms from SIGTERM to stopped inside the process, ${exitMs} ms to exit seen by the parent\n`);

    // Posted once, recorded as sent; B's card waits for the next start; the outbox lease is free.
    expect(connector.received).toHaveLength(1);
    const store = new SqliteStore(world.file);
    try {
      const rows = await store.transaction((tx) => tx.find('outbox'));
      const cards = rows.filter((r) => r.kind === 'newReferral');
      expect(cards).toHaveLength(2);
      const sent = cards.filter((r) => r.status === 'sent');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.deliveries?.map((d) => [d.state, d.attempts, d.key])).toEqual([['sent', 1, connector.received[0]!.deliveryKey]]);
      const pending = cards.filter((r) => r.status === 'pending');
      expect(pending).toHaveLength(1);
      expect(pending[0]!.deliveries ?? []).toEqual([]);
      const lease = await store.transaction((tx) => tx.get('leases', 'job:outbox'));
      expect(lease).toBeDefined();
      expect(Date.parse(lease!.expiresAt)).toBeLessThanOrEqual(Date.now());
    } finally {
      await store.close();
    }
  });
});
