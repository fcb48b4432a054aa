import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config';
import { makeKey, signToken, type TestKey, unsignedToken } from '../auth/support/entraFixtures';
import { createOpenCase } from '../support/cases';
import { createWorld, type World } from '../support/world';
import { localConfig, messageActivity, post, repliesOf, type Running, serveBot } from './botHttp';

/*
 * POST /api/messages in production, with the Agents SDK's own token validation (signature against the issuer's
 * signing keys, audience, expiry, issuer, tenant binding) and keys generated here. The SDK fetches the signing keys
 * of an Entra-issued token from `<authorityEndpoint>/discovery/v2.0/keys`; its documented `authorityEndpoint`
 * setting (read from the environment, re-read per adapter under TEST_MODE) points that at a JWKS served on
 * 127.0.0.1, so nothing leaves the machine. (Tokens issued by api.botframework.com are checked by the same code
 * against login.botframework.com's keys, which cannot be served locally.)
 *
 * Nothing may leave the machine: the activities carry no serviceUrl (with expectReplies the SDK then needs no
 * connector client, so it asks for no token of its own), and the managed-identity endpoint the SDK would ask
 * otherwise is pointed at 127.0.0.1 as a safety net, where it is refused.
 */

const CLIENT_ID = '0b0b0b0b-1111-4222-8333-444444444444';
const TENANT = '7e7e7e7e-1111-4222-8333-444444444444';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';

interface Jwks {
  authority: string;
  requests: number;
  close(): Promise<void>;
}

/** The tenant's signing keys at <authority>/discovery/v2.0/keys, as Entra ID serves them. */
async function serveJwks(keys: TestKey[]): Promise<Jwks> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    if (req.url !== `/${TENANT}/discovery/v2.0/keys`) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    authority: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${TENANT}`,
    get requests() {
      return requests;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const now = () => Math.floor(Date.now() / 1000);
/** What Entra ID issues the bot's caller for the bot's app (a v1 token of the bot's own tenant). */
const claims = (overrides: Record<string, unknown> = {}) => ({
  aud: CLIENT_ID,
  iss: `https://sts.windows.net/${TENANT}/`,
  tid: TENANT,
  appid: '11111111-2222-4333-8444-000000000001',
  iat: now() - 60,
  nbf: now() - 60,
  exp: now() + 3600,
  ver: '1.0',
  ...overrides,
});

const productionConfig = (world: World): Config => ({ ...localConfig(world), mode: 'production', bot: { clientId: CLIENT_ID, tenantId: TENANT } });

describe('POST /api/messages in production: the Agents SDK validates the Bot Framework token', () => {
  const key = makeKey('bot-signing-key');
  const impostor = makeKey('bot-signing-key');
  const saved = {
    TEST_MODE: process.env.TEST_MODE,
    authorityEndpoint: process.env.authorityEndpoint,
    IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT,
    IDENTITY_HEADER: process.env.IDENTITY_HEADER,
  };
  let jwks: Jwks;
  let world: World;
  let server: Running;
  let ref: string;

  beforeAll(async () => {
    jwks = await serveJwks([key]);
    process.env.TEST_MODE = 'true';
    process.env.authorityEndpoint = jwks.authority;
    process.env.IDENTITY_ENDPOINT = `${jwks.authority}/no-managed-identity-here`;
    process.env.IDENTITY_HEADER = 'test';
    world = await createWorld();
    ({ ref } = await createOpenCase(world, { referrer: 'police' }));
    server = await serveBot(world, productionConfig(world));
  });
  afterAll(async () => {
    await server.close();
    await world.close();
    await jwks.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const views = () => world.store.transaction((tx) => tx.find('audit')).then((rows) => rows.filter((r) => r.action === 'view').length);
  const activity = () => {
    const { serviceUrl: _none, ...rest } = messageActivity('coordinator', `status ${ref}`);
    return rest;
  };
  const ask = (token: string | undefined) => post(server.url, activity(), token === undefined ? {} : { authorization: `Bearer ${token}` });

  it('serves a valid token: the coordinator gets the status card, and the view is audited', async () => {
    const before = await views();
    const replies = await repliesOf(await ask(signToken(claims(), key)));
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0])).toContain(ref);
    expect(await views()).toBe(before + 1);
    expect(jwks.requests).toBeGreaterThanOrEqual(1);
  });

  const refusals: [string, () => string | undefined][] = [
    ['no token at all', () => undefined],
    ['an expired token (an hour past expiry, beyond the SDK\'s five minutes of clock skew)', () => signToken(claims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }), key)],
    ['a token signed with another key under the same key id', () => signToken(claims(), impostor)],
    ['a token signed with a key the tenant does not publish', () => signToken(claims(), makeKey('unknown-key'))],
    ['a token for another audience', () => signToken(claims({ aud: 'api://someone-else' }), key)],
    ['a token issued by another tenant', () => signToken(claims({ iss: `https://sts.windows.net/${OTHER_TENANT}/`, tid: OTHER_TENANT }), key)],
    ['a token whose tenant does not match its issuer', () => signToken(claims({ tid: OTHER_TENANT }), key)],
    ['an unsigned token (alg none)', () => unsignedToken(claims())],
    ['a token that is not yet valid', () => signToken(claims({ nbf: now() + 3600, iat: now() + 3600, exp: now() + 7200 }), key)],
  ];

  it.each(refusals)('refuses %s with 401, and reads nothing', async (_what, token) => {
    const before = await views();
    const res = await ask(token());
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(ref);
    expect(await views()).toBe(before);
  });
});
