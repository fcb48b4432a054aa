import { UnauthenticatedError } from '../../src/domain/errors';
import { CLOCK_SKEW_MS, createEntraTokenValidator, defaultJwksUri, type EntraTokenValidatorOptions } from '../../src/auth/entraToken';
import { DEFAULT_MIN_REFRESH_INTERVAL_MS } from '../../src/auth/jwks';
import { TOKEN_MESSAGES, type TokenRejection, TokenRejectedError } from '../../src/auth/tokenRejection';
import { ConfigError } from '../../src/config';
import {
  APP_ID_URI,
  CLIENT_ID,
  type JwksServer,
  NOW,
  OTHER_TENANT,
  TENANT,
  type TestKey,
  USER_OID,
  hs256Token,
  makeKey,
  nowSeconds,
  signToken,
  startJwksServer,
  testClock,
  unsignedToken,
  v1Claims,
  v2Claims,
} from './support/entraFixtures';

let entraKey: TestKey;
let rolloverKey: TestKey;
let attackerKey: TestKey;
let jwks: JwksServer;

beforeAll(async () => {
  entraKey = makeKey('entra-key-1');
  rolloverKey = makeKey('entra-key-2');
  attackerKey = makeKey('entra-key-1'); // same kid as the real key, different private key
  jwks = await startJwksServer([entraKey]);
});
afterAll(() => jwks.close());
beforeEach(() => {
  jwks.keys = [entraKey];
  jwks.failWith = undefined;
});

function validatorWith(overrides: Partial<EntraTokenValidatorOptions> = {}) {
  const clock = testClock();
  const validator = createEntraTokenValidator({ tenantId: TENANT, clientId: CLIENT_ID, appIdUri: APP_ID_URI, jwksUri: jwks.url, now: clock.now, ...overrides });
  return { validator, clock };
}

/** Asserts the token is refused as a 401 for the given reason, with the person-facing message. */
async function expectRejected(promise: Promise<unknown>, reason: TokenRejection): Promise<TokenRejectedError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnauthenticatedError);
  expect(err).toBeInstanceOf(TokenRejectedError);
  const rejected = err as TokenRejectedError;
  expect(rejected.status).toBe(401);
  expect(rejected.reason).toBe(reason);
  expect(rejected.message).toBe(TOKEN_MESSAGES[reason]);
  return rejected;
}

describe('a valid Teams SSO token', () => {
  it('is accepted as a v2 token, naming the user, and the keys are fetched once and then cached', async () => {
    const { validator } = validatorWith();
    const before = jwks.requests;
    const user = await validator.validate(signToken(v2Claims(), entraKey));
    expect(user).toEqual({ oid: USER_OID, tid: TENANT, name: 'Test Health', preferredUsername: 'health@example.test', scopes: ['access_as_user'] });
    await validator.validate(signToken(v2Claims({ scp: 'User.Read access_as_user' }), entraKey));
    expect(jwks.requests - before).toBe(1);
  });

  it('is accepted as a v1 token (sts.windows.net issuer, api:// audience)', async () => {
    const { validator } = validatorWith();
    const user = await validator.validate(signToken(v1Claims(), entraKey));
    expect(user).toMatchObject({ oid: USER_OID, tid: TENANT, preferredUsername: 'health@example.test' });
  });

  it('refetches the keys after the cache TTL', async () => {
    const { validator, clock } = validatorWith({ cacheTtlMs: 60_000 });
    const before = jwks.requests;
    await validator.validate(signToken(v2Claims(), entraKey));
    clock.advance(30_000);
    await validator.validate(signToken(v2Claims(), entraKey));
    expect(jwks.requests - before).toBe(1);
    clock.advance(31_000);
    await validator.validate(signToken(v2Claims({ exp: nowSeconds() + 7200 }), entraKey));
    expect(jwks.requests - before).toBe(2);
  });

  it('uses the tenant\'s own Entra ID keys endpoint unless told otherwise', async () => {
    const urls: string[] = [];
    const validator = createEntraTokenValidator({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      appIdUri: APP_ID_URI,
      now: () => NOW,
      fetch: async (url) => {
        urls.push(url);
        return { ok: true, status: 200, json: async () => ({ keys: [entraKey.jwk] }) };
      },
    });
    await validator.validate(signToken(v2Claims(), entraKey));
    expect(urls).toEqual([`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`]);
    expect(defaultJwksUri(TENANT)).toBe(urls[0]);
  });
});

describe('lifetime', () => {
  it('refuses an expired token, allowing five minutes of clock skew', async () => {
    const { validator } = validatorWith();
    const t = nowSeconds();
    await expectRejected(validator.validate(signToken(v2Claims({ exp: t - 301, iat: t - 4000, nbf: t - 4000 }), entraKey)), 'expired');
    await expectRejected(validator.validate(signToken(v2Claims({ exp: t - 86400 }), entraKey)), 'expired');
    // Inside the skew it still passes: the boundary is real, not an accident of the fixture.
    await expect(validator.validate(signToken(v2Claims({ exp: t - 240 }), entraKey))).resolves.toMatchObject({ oid: USER_OID });
    expect(CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
  });

  it('refuses a token that becomes valid more than five minutes from now', async () => {
    const { validator } = validatorWith();
    const t = nowSeconds();
    await expectRejected(validator.validate(signToken(v2Claims({ nbf: t + 301, exp: t + 4000 }), entraKey)), 'not_yet_valid');
    await expect(validator.validate(signToken(v2Claims({ nbf: t + 240, exp: t + 4000 }), entraKey))).resolves.toMatchObject({ oid: USER_OID });
  });

  it('refuses a token with no expiry', async () => {
    const { validator } = validatorWith();
    const { exp: _exp, ...claims } = v2Claims();
    await expectRejected(validator.validate(signToken(claims, entraKey)), 'claims');
  });

  it('refuses a token that has expired by the validator\'s clock later on', async () => {
    const { validator, clock } = validatorWith();
    const token = signToken(v2Claims(), entraKey);
    await validator.validate(token);
    clock.advance(3600_000 + CLOCK_SKEW_MS);
    await expectRejected(validator.validate(token), 'expired');
  });
});

describe('audience, tenant and issuer', () => {
  it('refuses a token for another app', async () => {
    const { validator } = validatorWith();
    for (const aud of ['00000003-0000-0000-c000-000000000000', 'api://riskpanel.example.test/12345678-1234-4234-8234-123456789012', 'https://graph.microsoft.com', '']) {
      await expectRejected(validator.validate(signToken(v2Claims({ aud }), entraKey)), 'audience');
    }
    const { aud: _aud, ...noAudience } = v2Claims();
    await expectRejected(validator.validate(signToken(noAudience, entraKey)), 'audience');
  });

  it('accepts our audience inside an audience list, and refuses a list without it', async () => {
    const { validator } = validatorWith();
    await expect(validator.validate(signToken(v2Claims({ aud: ['https://other.example', CLIENT_ID] }), entraKey))).resolves.toBeTruthy();
    await expectRejected(validator.validate(signToken(v2Claims({ aud: ['https://other.example'] }), entraKey)), 'audience');
  });

  it('refuses a token from another organisation, whether the tid, the issuer or both name it, without naming it back', async () => {
    const { validator } = validatorWith();
    const cases = [
      { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
      { tid: OTHER_TENANT },
      { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
      { iss: `https://sts.windows.net/${OTHER_TENANT}/` },
    ];
    for (const overrides of cases) {
      const err = await expectRejected(validator.validate(signToken(v2Claims(overrides), entraKey)), 'tenant');
      expect(err.message).toBe('This sign-in is for another organisation. Sign in to Teams with your account for this partnership.');
      expect(err.message).not.toContain(OTHER_TENANT);
    }
    const { tid: _tid, ...noTenant } = v2Claims();
    await expectRejected(validator.validate(signToken(noTenant, entraKey)), 'claims');
  });

  it('refuses a token whose issuer is not Entra ID', async () => {
    const { validator } = validatorWith();
    for (const iss of [
      `https://evil.example/${TENANT}/v2.0`,
      `https://login.microsoftonline.com/${TENANT}/v2.0/`,
      `http://login.microsoftonline.com/${TENANT}/v2.0`,
      `https://login.microsoftonline.com/common/v2.0`,
      `https://login.microsoftonline.com/{tenantid}/v2.0`,
      `https://sts.windows.net/${TENANT}`,
      `https://login.microsoftonline.com.evil.example/${TENANT}/v2.0`,
    ]) {
      await expectRejected(validator.validate(signToken(v2Claims({ iss }), entraKey)), 'issuer');
    }
    const { iss: _iss, ...noIssuer } = v2Claims();
    await expectRejected(validator.validate(signToken(noIssuer, entraKey)), 'issuer');
  });
});

describe('signature and algorithm', () => {
  it('refuses a token signed by another key under a known kid', async () => {
    const { validator } = validatorWith();
    await expectRejected(validator.validate(signToken(v2Claims(), attackerKey)), 'signature');
  });

  it('refuses a validly signed token whose payload was changed afterwards', async () => {
    const { validator } = validatorWith();
    const [h, , s] = signToken(v2Claims(), entraKey).split('.');
    const forgedPayload = Buffer.from(JSON.stringify(v2Claims({ oid: '12345678-1234-4234-8234-123456789012' }))).toString('base64url');
    await expectRejected(validator.validate(`${h}.${forgedPayload}.${s}`), 'signature');
  });

  it('refuses alg none without fetching any key', async () => {
    const { validator } = validatorWith();
    const before = jwks.requests;
    await expectRejected(validator.validate(unsignedToken(v2Claims())), 'algorithm');
    await expectRejected(validator.validate(unsignedToken(v2Claims(), 'None', entraKey.kid)), 'algorithm');
    // A none header glued to a real RS256 signature is still refused.
    const [, p, s] = signToken(v2Claims(), entraKey).split('.');
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', kid: entraKey.kid })).toString('base64url');
    await expectRejected(validator.validate(`${noneHeader}.${p}.${s}`), 'algorithm');
    expect(jwks.requests).toBe(before);
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const { validator } = validatorWith();
    await expectRejected(validator.validate(hs256Token(v2Claims(), entraKey)), 'algorithm');
  });

  it('refuses every algorithm other than RS256, and a token with no alg', async () => {
    const { validator } = validatorWith();
    for (const alg of ['RS512', 'PS256', 'ES256', 'HS512', 'rs256']) {
      await expectRejected(validator.validate(signToken(v2Claims(), entraKey, { alg })), 'algorithm');
    }
    await expectRejected(validator.validate(signToken(v2Claims(), entraKey, { alg: undefined })), 'algorithm');
  });

  it('refuses a token without a key id', async () => {
    const { validator } = validatorWith();
    await expectRejected(validator.validate(signToken(v2Claims(), entraKey, { kid: undefined })), 'malformed');
  });
});

describe('unknown key ids', () => {
  it('refetches the keys once for an unknown kid, then refuses; a flood of bad kids does not refetch again', async () => {
    const { validator, clock } = validatorWith();
    await validator.validate(signToken(v2Claims(), entraKey));
    const warm = jwks.requests;
    // Keys are cached (12 h TTL) and the last fetch is older than the refetch rate limit.
    clock.advance(DEFAULT_MIN_REFRESH_INTERVAL_MS);
    await expectRejected(validator.validate(signToken(v2Claims(), makeKeyLike(entraKey, 'made-up-1'))), 'unknown_key');
    expect(jwks.requests).toBe(warm + 1);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => expectRejected(validator.validate(signToken(v2Claims(), makeKeyLike(entraKey, `made-up-${i + 2}`))), 'unknown_key')),
    );
    expect(jwks.requests).toBe(warm + 1);
    // The known key keeps working throughout.
    await expect(validator.validate(signToken(v2Claims(), entraKey))).resolves.toMatchObject({ oid: USER_OID });
  });

  it('picks up a rolled-over key with one refetch, once the rate limit allows', async () => {
    const { validator, clock } = validatorWith();
    await validator.validate(signToken(v2Claims(), entraKey));
    const warm = jwks.requests;
    jwks.keys = [entraKey, rolloverKey];
    // Within the rate-limit window of the first fetch the new kid is refused without a fetch...
    await expectRejected(validator.validate(signToken(v2Claims(), rolloverKey)), 'unknown_key');
    expect(jwks.requests).toBe(warm);
    // ...and after it, one refetch finds it.
    clock.advance(DEFAULT_MIN_REFRESH_INTERVAL_MS);
    await expect(validator.validate(signToken(v2Claims({ exp: nowSeconds() + 7200 }), rolloverKey))).resolves.toMatchObject({ oid: USER_OID });
    expect(jwks.requests).toBe(warm + 1);
  });

  it('on a cold cache, fetches once and refuses an unknown kid without a second fetch', async () => {
    const { validator } = validatorWith();
    const before = jwks.requests;
    await expectRejected(validator.validate(signToken(v2Claims(), rolloverKey)), 'unknown_key');
    expect(jwks.requests).toBe(before + 1);
  });
});

/** A token header naming kid, signed by the given key (the signature is irrelevant: the kid is unknown). */
function makeKeyLike(key: TestKey, kid: string): TestKey {
  return { ...key, kid };
}

describe('scope', () => {
  it('refuses a token without the access_as_user scope', async () => {
    const { validator } = validatorWith();
    for (const scp of ['User.Read', 'access_as_user_extra', 'Access_As_User', '']) {
      await expectRejected(validator.validate(signToken(v2Claims({ scp }), entraKey)), 'scope');
    }
    // An app-only token has roles, not scp: it does not act for a user.
    const { scp: _scp, ...appOnly } = v2Claims({ roles: ['access_as_user'], idtyp: 'app' });
    await expectRejected(validator.validate(signToken(appOnly, entraKey)), 'scope');
  });
});

describe('malformed tokens', () => {
  it('refuses strings that are not a signed JWT, without fetching keys', async () => {
    const { validator } = validatorWith();
    const good = signToken(v2Claims(), entraKey);
    const [h, p, s] = good.split('.') as [string, string, string];
    const before = jwks.requests;
    const bad = [
      '',
      '   ',
      'not-a-jwt',
      'a.b',
      `${h}.${p}`,
      `${h}.${p}.${s}.extra`,
      `${h}..${s}`,
      `.${p}.${s}`,
      `${h}.${p}.${s}!`,
      `${h}.${p}+/.${s}`,
      `${Buffer.from('not json').toString('base64url')}.${p}.${s}`,
      `${h}.${Buffer.from('[1,2]').toString('base64url')}.${s}`,
      `${Buffer.from('null').toString('base64url')}.${p}.${s}`,
      `${h}.${p}.${s}${'A'.repeat(20_000)}`,
    ];
    for (const token of bad) await expectRejected(validator.validate(token), 'malformed');
    expect(jwks.requests).toBe(before);
  });

  it('refuses claims of the wrong type', async () => {
    const { validator } = validatorWith();
    await expectRejected(validator.validate(signToken(v2Claims({ exp: String(nowSeconds() + 3600) }), entraKey)), 'malformed');
    await expectRejected(validator.validate(signToken(v2Claims({ tid: 42 }), entraKey)), 'malformed');
  });

  it('refuses a token that names nobody', async () => {
    const { validator } = validatorWith();
    const { oid: _oid, ...noOid } = v2Claims();
    await expectRejected(validator.validate(signToken(noOid, entraKey)), 'claims');
    await expectRejected(validator.validate(signToken(v2Claims({ oid: '' }), entraKey)), 'claims');
  });
});

describe('configuration', () => {
  it('refuses settings that cannot be right, naming the setting', () => {
    const base = { tenantId: TENANT, clientId: CLIENT_ID, appIdUri: APP_ID_URI };
    expect(() => createEntraTokenValidator({ ...base, tenantId: 'common' })).toThrow(ConfigError);
    expect(() => createEntraTokenValidator({ ...base, tenantId: 'common' })).toThrow(/tenantId/);
    expect(() => createEntraTokenValidator({ ...base, clientId: 'riskpanel' })).toThrow(/clientId/);
    expect(() => createEntraTokenValidator({ ...base, appIdUri: `https://riskpanel.example.test/${CLIENT_ID}` })).toThrow(/appIdUri/);
    expect(() => createEntraTokenValidator({ ...base, jwksUri: 'file:///etc/passwd' })).toThrow(/jwksUri/);
  });
});
