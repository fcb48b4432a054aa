import { type KeyObject, createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Invented identifiers: no real tenant or app. */
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const APP_ID_URI = `api://riskpanel.example.test/${CLIENT_ID}`;
export const USER_OID = '0f0e0d0c-0b0a-4009-8008-070605040302';
export const TEAMS_DESKTOP_CLIENT = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const NOW = new Date('2026-06-15T09:00:00Z');
export const nowSeconds = (at: Date = NOW) => Math.floor(at.getTime() / 1000);

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as a JWKS entry, shaped like Entra ID's. */
  jwk: Record<string, unknown>;
}

export function makeKey(kid: string, modulusLength = 2048): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  const { n, e } = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, n, e } };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs claims as RS256 with the key's kid (or the header given). */
export function signToken(claims: Record<string, unknown>, key: TestKey, header: Record<string, unknown> = {}): string {
  const input = `${b64({ typ: 'JWT', alg: 'RS256', kid: key.kid, ...header })}.${b64(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** The algorithm-confusion forgery: HS256 with the server's own public key (PEM text) as the HMAC secret. */
export function hs256Token(claims: Record<string, unknown>, key: TestKey): string {
  const secret = key.publicKey.export({ format: 'pem', type: 'spki' });
  const input = `${b64({ typ: 'JWT', alg: 'HS256', kid: key.kid })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function unsignedToken(claims: Record<string, unknown>, alg = 'none', kid?: string): string {
  return `${b64({ typ: 'JWT', alg, ...(kid ? { kid } : {}) })}.${b64(claims)}.`;
}

/** The claims of a v2 access token Teams would hand the tab for our API. */
export function v2Claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const t = nowSeconds();
  return {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: t - 300,
    nbf: t - 300,
    exp: t + 3600,
    azp: TEAMS_DESKTOP_CLIENT,
    name: 'Test Health',
    oid: USER_OID,
    preferred_username: 'health@example.test',
    scp: 'access_as_user',
    sub: 'invented-subject',
    tid: TENANT,
    ver: '2.0',
    ...overrides,
  };
}

/** The same user's token as a v1 token (requested for the api:// URI). */
export function v1Claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { preferred_username: _p, azp: _a, ...rest } = v2Claims();
  return {
    ...rest,
    aud: APP_ID_URI,
    iss: `https://sts.windows.net/${TENANT}/`,
    appid: TEAMS_DESKTOP_CLIENT,
    upn: 'health@example.test',
    ver: '1.0',
    ...overrides,
  };
}

/** A real JWKS endpoint on 127.0.0.1, counting the requests it answers. */
export interface JwksServer {
  url: string;
  requests: number;
  keys: TestKey[];
  /** Answer with this status instead of the keys (e.g. 503 for an outage). */
  failWith?: number;
  close(): Promise<void>;
}

export async function startJwksServer(keys: TestKey[]): Promise<JwksServer> {
  const state = { requests: 0, keys, failWith: undefined as number | undefined };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    if (req.method !== 'GET' || req.url !== '/discovery/v2.0/keys') {
      res.writeHead(404).end();
      return;
    }
    if (state.failWith) {
      res.writeHead(state.failWith, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;
  return Object.defineProperties(
    {
      url,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    },
    {
      requests: { get: () => state.requests, enumerable: true },
      keys: { get: () => state.keys, set: (k: TestKey[]) => (state.keys = k), enumerable: true },
      failWith: { get: () => state.failWith, set: (s: number | undefined) => (state.failWith = s), enumerable: true },
    },
  ) as JwksServer;
}

/** A clock the test moves. */
export function testClock(start: Date = NOW) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}
