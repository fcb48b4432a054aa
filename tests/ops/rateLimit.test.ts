import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, loadConfig } from '../../src/config';
import { testConfig } from '../api/server';
import { createWorld, FIXED_NOW, MEMBERS, type Persona, type World } from '../support/world';

// The per-member API limit over real HTTP, with a limit of 3 a minute so the test reaches it in a few calls.

const LIMIT = 3;

describe('per-member rate limit on the API', () => {
  let world: World;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    world = await createWorld();
    const app = createApp({ config: testConfig(world.file), store: world.store, now: () => FIXED_NOW, rateLimit: { limit: LIMIT } });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await world.close();
  });

  const me = (as: Persona | undefined, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/me`, { headers: { ...(as ? { authorization: `Dev ${MEMBERS[as].email}` } : {}), ...headers } });
  const referralCount = () => world.store.transaction((tx) => tx.find('cases')).then((rows) => rows.length);

  it('serves a member up to the limit, then answers 429 problem+json with Retry-After, and runs nothing more', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const ok = await me('police');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-policy')).toContain(`q=${LIMIT}`);
    }
    const before = await referralCount();
    const refused = await fetch(`${url}/api/referrals`, {
      method: 'POST',
      headers: { authorization: `Dev ${MEMBERS.police.email}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const problem = (await refused.json()) as { status: number; title: string; detail: string };
    expect(problem).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(problem.detail).toMatch(/try again/i);
    expect(await referralCount()).toBe(before);
  });

  it('keys by the signed-in member, not the address: another member from the same address is still served', async () => {
    // Every call here comes from 127.0.0.1; police has used its allowance above.
    expect((await me('police')).status).toBe(429);
    expect((await me('health')).status).toBe(200);
    // A forwarded-for header changes nothing: the member is the key.
    expect((await me('police', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
  });

  it('does not count requests refused at sign-in, nor public routes', async () => {
    for (let i = 0; i < LIMIT + 2; i++) expect((await me(undefined)).status).toBe(401);
    for (let i = 0; i < LIMIT + 2; i++) expect((await fetch(`${url}/api/personas`)).status).toBe(200);
    expect((await me('fire')).status).toBe(200);
  });
});

describe('API_RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to a generous limit and reads a whole number', () => {
    expect(loadConfig({}).apiRateLimitPerMinute).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    expect(DEFAULT_RATE_LIMIT_PER_MINUTE).toBeGreaterThanOrEqual(300);
    expect(loadConfig({ API_RATE_LIMIT_PER_MINUTE: '120' }).apiRateLimitPerMinute).toBe(120);
  });

  it('refuses anything else with a message naming the variable', () => {
    for (const bad of ['0', '-5', '1.5', 'lots', '100001']) {
      expect(() => loadConfig({ API_RATE_LIMIT_PER_MINUTE: bad })).toThrow(`API_RATE_LIMIT_PER_MINUTE is "${bad}": must be a whole number from 1 to 100000`);
    }
  });
});
