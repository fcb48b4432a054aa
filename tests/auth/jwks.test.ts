import { generateKeyPairSync } from 'node:crypto';
import { UnauthenticatedError } from '../../src/domain/errors';
import { createEntraTokenValidator } from '../../src/auth/entraToken';
import { DEFAULT_RETRY_AFTER_FAILURE_MS, type FetchLike, SigningKeysUnavailableError, createSigningKeys, signingKeysOf } from '../../src/auth/jwks';
import { captureLogs } from '../../src/log';
import { APP_ID_URI, CLIENT_ID, TENANT, type TestKey, makeKey, signToken, startJwksServer, testClock, v2Claims } from './support/entraFixtures';

let keyA: TestKey;
let keyB: TestKey;
beforeAll(() => {
  keyA = makeKey('key-a');
  keyB = makeKey('key-b');
});

/** An injected fetch that answers from a script and counts calls. */
function scriptedFetch(answer: () => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const { status, body } = await answer();
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  return { fetch, calls };
}

describe('signingKeysOf', () => {
  it('keeps only RSA signing keys of at least 2048 bits that have a kid', () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const keys = signingKeysOf({
      keys: [
        keyA.jwk,
        { ...keyB.jwk, use: 'enc' },
        { ...keyB.jwk, kid: 'key-b-rs512', alg: 'RS512' },
        { ...keyB.jwk, kid: undefined },
        { ...weak, kid: 'weak', kty: 'RSA' },
        { ...ec, kid: 'ec' },
        { kty: 'RSA', kid: 'garbage', n: '!!', e: 'AQAB' },
        'not a key',
        { ...keyB.jwk, kid: 'key-b-no-use', use: undefined },
      ],
    });
    expect([...keys.keys()].sort()).toEqual(['key-a', 'key-b-no-use']);
    expect(signingKeysOf({ nope: true }).size).toBe(0);
    expect(signingKeysOf(null).size).toBe(0);
  });
});

describe('the signing key cache', () => {
  it('shares one fetch between concurrent callers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { fetch, calls } = scriptedFetch(async () => {
      await gate;
      return { status: 200, body: { keys: [keyA.jwk] } };
    });
    const keys = createSigningKeys({ uri: 'https://keys.example.test/', fetch, now: testClock().now });
    const pending = Promise.all([keys.get('key-a'), keys.get('key-a'), keys.get('key-a')]);
    release();
    const found = await pending;
    expect(found.every((k) => k !== undefined)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('fails as an outage (not a 401) when no keys were ever fetched, and does not retry in a tight loop', async () => {
    let status = 503;
    const { fetch, calls } = scriptedFetch(() => ({ status, body: { keys: [keyA.jwk] } }));
    const clock = testClock();
    const keys = createSigningKeys({ uri: 'https://keys.example.test/', fetch, now: clock.now });
    await expect(keys.get('key-a')).rejects.toThrow(SigningKeysUnavailableError);
    await expect(keys.get('key-a')).rejects.toThrow(SigningKeysUnavailableError);
    expect(calls).toHaveLength(1);
    status = 200;
    clock.advance(DEFAULT_RETRY_AFTER_FAILURE_MS);
    await expect(keys.get('key-a')).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it('treats a network error and an answer without usable keys as unavailable', async () => {
    const broken: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(createSigningKeys({ uri: 'https://keys.example.test/', fetch: broken }).get('key-a')).rejects.toThrow(SigningKeysUnavailableError);
    const empty = scriptedFetch(() => ({ status: 200, body: { keys: [] } }));
    await expect(createSigningKeys({ uri: 'https://keys.example.test/', fetch: empty.fetch }).get('key-a')).rejects.toThrow(/no usable RSA signing key/);
  });

  it('keeps using cached keys when a refresh after the TTL fails, and says so in the log', async () => {
    let status = 200;
    const { fetch, calls } = scriptedFetch(() => ({ status, body: { keys: [keyA.jwk] } }));
    const clock = testClock();
    const keys = createSigningKeys({ uri: 'https://keys.example.test/', fetch, now: clock.now, cacheTtlMs: 60_000 });
    await keys.get('key-a');
    status = 500;
    clock.advance(61_000);
    const logs = captureLogs();
    try {
      await expect(keys.get('key-a')).resolves.toBeDefined();
      expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'warn', component: 'auth', msg: expect.stringContaining('still using the cached keys') }));
    } finally {
      logs.stop();
    }
    expect(calls).toHaveLength(2);
  });

  it('does not replace working keys with an empty answer', async () => {
    let body: unknown = { keys: [keyA.jwk] };
    const { fetch } = scriptedFetch(() => ({ status: 200, body }));
    const clock = testClock();
    const keys = createSigningKeys({ uri: 'https://keys.example.test/', fetch, now: clock.now, cacheTtlMs: 60_000 });
    await keys.get('key-a');
    body = { keys: [] };
    clock.advance(61_000);
    await expect(keys.get('key-a')).resolves.toBeDefined();
  });
});

describe('the validator during a keys outage', () => {
  it('answers with an outage error, not a 401 blaming the user, when Entra ID keys cannot be fetched', async () => {
    const jwks = await startJwksServer([keyA]);
    try {
      jwks.failWith = 503;
      const validator = createEntraTokenValidator({ tenantId: TENANT, clientId: CLIENT_ID, appIdUri: APP_ID_URI, jwksUri: jwks.url, now: testClock().now });
      const err = await validator.validate(signToken(v2Claims(), keyA)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SigningKeysUnavailableError);
      expect(err).not.toBeInstanceOf(UnauthenticatedError);
      expect(jwks.requests).toBe(1);
    } finally {
      await jwks.close();
    }
  });
});
