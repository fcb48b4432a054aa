import { type CryptoKey, type JWK, importJWK } from 'jose';
import { z } from 'zod';
import { AppError } from '../domain/errors';
import { logger } from '../log';

const log = logger('auth');

/** The part of `fetch` the key cache uses; the global fetch fits, and tests may inject their own. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface SigningKeyOptions {
  uri: string;
  fetch?: FetchLike;
  now?: () => Date;
  /** How long fetched keys are trusted before a routine refresh (Entra rolls keys over with notice). */
  cacheTtlMs?: number;
  /** Least time between fetches caused by an unknown `kid`, so a flood of made-up kids cannot hammer Entra ID. */
  minRefreshIntervalMs?: number;
  /** Least time between retries while the keys cannot be fetched at all. */
  retryAfterFailureMs?: number;
  timeoutMs?: number;
}

export const DEFAULT_CACHE_TTL_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_MIN_REFRESH_INTERVAL_MS = 5 * 60 * 1000;
export const DEFAULT_RETRY_AFTER_FAILURE_MS = 30 * 1000;
const DEFAULT_TIMEOUT_MS = 10 * 1000;
/** Smaller RSA keys are not accepted as signing keys, whatever the endpoint serves. */
const MIN_RSA_BITS = 2048;

/** The signing keys could not be fetched and none are cached: a server-side outage, not the user's fault (503). */
export class SigningKeysUnavailableError extends AppError {
  override readonly name = 'SigningKeysUnavailableError';
  readonly status = 503;
  readonly title = 'Sign-in is unavailable';
}

const JwksDocument = z.object({ keys: z.array(z.unknown()) });
const RsaJwk = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1).max(256),
  use: z.string().optional(),
  alg: z.string().optional(),
  n: z.string().min(1),
  e: z.string().min(1),
});

/** The modulus length of an RSA JWK, from its base64url `n` (jose itself refuses RS256 keys under 2048 bits at use). */
const modulusBits = (n: string): number => Buffer.from(n, 'base64url').length * 8;

/**
 * The usable RSA signing keys of a JWKS document, by kid, as JWKs: keys for encryption, of other types, for other
 * algorithms or too short are left out. jose imports them (createSigningKeys) and verifies with them (entraToken).
 */
export function signingKeysOf(document: unknown): Map<string, JWK> {
  const keys = new Map<string, JWK>();
  const parsed = JwksDocument.safeParse(document);
  if (!parsed.success) return keys;
  for (const raw of parsed.data.keys) {
    const jwk = RsaJwk.safeParse(raw);
    if (!jwk.success) continue;
    const { kid, use, alg, n, e } = jwk.data;
    if ((use !== undefined && use !== 'sig') || (alg !== undefined && alg !== 'RS256')) continue;
    if (modulusBits(n) < MIN_RSA_BITS) continue;
    keys.set(kid, { kty: 'RSA', kid, n, e, alg: 'RS256', use: 'sig' });
  }
  return keys;
}

/** Imports each JWK with jose; a key jose cannot read is simply not one we can verify with. */
async function importAll(jwks: Map<string, JWK>): Promise<Map<string, CryptoKey>> {
  const imported = new Map<string, CryptoKey>();
  for (const [kid, jwk] of jwks) {
    try {
      const key = await importJWK(jwk, 'RS256');
      if (typeof key !== 'object' || key instanceof Uint8Array) continue;
      imported.set(kid, key);
    } catch {
      // left out
    }
  }
  return imported;
}

export interface SigningKeys {
  /** The key with this kid, refetching once (rate-limited) when it is not known; undefined if there is none. */
  get(kid: string): Promise<CryptoKey | undefined>;
}

/**
 * Entra ID's signing keys, fetched from a JWKS endpoint and cached. Our own cache (rather than jose's
 * createRemoteJWKSet) because it keeps verifying with the cached keys while Entra ID cannot be reached, answers an
 * outage with a 503 rather than a 401, and runs on an injectable clock and fetch; jose parses and imports the keys.
 */
export function createSigningKeys(options: SigningKeyOptions): SigningKeys {
  const fetchJson: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const now = () => (options.now ?? (() => new Date()))().getTime();
  const ttl = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const minRefresh = options.minRefreshIntervalMs ?? DEFAULT_MIN_REFRESH_INTERVAL_MS;
  const retryAfterFailure = options.retryAfterFailureMs ?? DEFAULT_RETRY_AFTER_FAILURE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let keys: Map<string, CryptoKey> | undefined;
  let fetchedAt = 0;
  let lastAttemptAt: number | undefined;
  let inflight: Promise<void> | undefined;

  async function download(): Promise<Map<string, CryptoKey>> {
    const res = await fetchJson(options.uri, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) throw new SigningKeysUnavailableError(`The signing keys endpoint answered HTTP ${res.status}.`);
    const found = await importAll(signingKeysOf(await res.json()));
    // An empty or unreadable answer must not wipe keys that still work.
    if (found.size === 0) throw new SigningKeysUnavailableError('The signing keys endpoint returned no usable RSA signing key.');
    return found;
  }

  /** One fetch at a time: concurrent callers share it. */
  function refresh(): Promise<void> {
    inflight ??= (async () => {
      lastAttemptAt = now();
      try {
        keys = await download();
        fetchedAt = now();
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  const sinceLastAttempt = () => (lastAttemptAt === undefined ? Infinity : now() - lastAttemptAt);

  async function tryRefresh(): Promise<void> {
    try {
      await refresh();
    } catch (err) {
      if (!keys) {
        throw err instanceof SigningKeysUnavailableError
          ? err
          : new SigningKeysUnavailableError(`Entra ID's signing keys could not be fetched: ${err instanceof Error ? err.message : String(err)}`);
      }
      // Keep verifying with the keys we have rather than lock everyone out during an Entra or network blip.
      log.warn({ errorName: err instanceof Error ? err.name : typeof err, error: err instanceof Error ? err.message : String(err) }, 'Entra ID signing keys could not be refreshed; still using the cached keys');
    }
  }

  return {
    async get(kid) {
      if (inflight) await inflight.catch(() => undefined);
      if (!keys || now() - fetchedAt >= ttl) {
        if (sinceLastAttempt() >= retryAfterFailure) await tryRefresh();
        if (!keys) throw new SigningKeysUnavailableError("Entra ID's signing keys are not available yet; retrying shortly.");
      }
      const known = keys.get(kid);
      if (known) return known;
      // An unknown kid may be a key rollover we have not seen: look once more, but not more often than minRefresh.
      if (sinceLastAttempt() < minRefresh) return undefined;
      await tryRefresh();
      return keys.get(kid);
    },
  };
}
