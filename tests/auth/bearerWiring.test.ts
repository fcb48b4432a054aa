import { createEntraTokenValidator, entraBearerVerifier } from '../../src/auth/entraToken';
import { TOKEN_MESSAGES } from '../../src/auth/tokenRejection';
import { type TestServer, problemOf, startServer } from '../api/server';
import { MEMBERS } from '../support/world';
import { APP_ID_URI, CLIENT_ID, type JwksServer, OTHER_TENANT, TENANT, type TestKey, makeKey, nowSeconds, signToken, startJwksServer, v2Claims } from './support/entraFixtures';

/**
 * The validator plugged into the real server exactly as production wires it (createApp's verifyBearer), so a
 * Teams token reaches /api/me as the member whose Entra object id it carries.
 */
let key: TestKey;
let jwks: JwksServer;
let server: TestServer;

beforeAll(async () => {
  key = makeKey('wired-key');
  jwks = await startJwksServer([key]);
  const validator = createEntraTokenValidator({ tenantId: TENANT, clientId: CLIENT_ID, appIdUri: APP_ID_URI, jwksUri: jwks.url });
  server = await startServer({ mode: 'production', verifyBearer: entraBearerVerifier(validator) });
});
afterAll(async () => {
  await server?.close();
  await jwks?.close();
});

// The server's clock is pinned, but token lifetimes are checked against the validator's real clock.
const claimsFor = (oid: string, overrides: Record<string, unknown> = {}) => {
  const t = nowSeconds(new Date());
  return v2Claims({ oid, iat: t - 60, nbf: t - 60, exp: t + 3600, ...overrides });
};
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('Teams SSO through the server', () => {
  it('signs in the member named by the token\'s object id', async () => {
    const res = await server.call('GET', '/api/me', bearer(signToken(claimsFor(MEMBERS.health.aadObjectId), key)));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { member: { id: string } }).member.id).toBe('health');
  });

  it('answers 401 with the reason for an expired, foreign or forged token', async () => {
    const t = nowSeconds(new Date());
    const tokens: [string, string][] = [
      [signToken(claimsFor(MEMBERS.health.aadObjectId, { exp: t - 3600 }), key), TOKEN_MESSAGES.expired],
      [signToken(claimsFor(MEMBERS.health.aadObjectId, { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), key), TOKEN_MESSAGES.tenant],
      [signToken(claimsFor(MEMBERS.health.aadObjectId, { aud: 'api://elsewhere.example/app' }), key), TOKEN_MESSAGES.audience],
      [signToken(claimsFor(MEMBERS.health.aadObjectId), makeKey('wired-key')), TOKEN_MESSAGES.signature],
    ];
    for (const [token, message] of tokens) {
      const res = await server.call('GET', '/api/me', bearer(token));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect((await problemOf(res)).detail).toBe(message);
    }
  });

  it('tells a valid Entra user who is not a member to ask their coordinator', async () => {
    const res = await server.call('GET', '/api/me', bearer(signToken(claimsFor('0f0e0d0c-0b0a-4009-8008-0000000000ff'), key)));
    expect(res.status).toBe(401);
    expect((await problemOf(res)).detail).toMatch(/Ask your panel coordinator to add you/);
  });

  it('refuses an inactive member even with a valid token', async () => {
    const res = await server.call('GET', '/api/me', bearer(signToken(claimsFor(MEMBERS.inactive.aadObjectId), key)));
    expect(res.status).toBe(401);
  });
});
