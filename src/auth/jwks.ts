import { AppError } from '../domain/errors';
import { type KeyObject, createPublicKey } from 'node:crypto';
import { z } from 'zod';

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

/** Usable RSA signing keys by kid; keys for encryption, of other types or too short are left out. */
export function signingKeysOf(document: unknown): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const parsed = JwksDocument.safeParse(document);
  if (!parsed.success) return keys;
  for (const raw of parsed.data.keys) {
    const jwk = RsaJwk.safeParse(raw);
    if (!jwk.success) continue;
    const { kid, use, alg, n, e } = jwk.data;
    if ((use !== undefined && use !== 'sig') || (alg !== undefined && alg !== 'RS256')) continue;
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) continue;
      keys.set(kid, key);
    } catch {
      // A key Node cannot read is simply not one we can verify with.
    }
  }
  return keys;
}

export interface SigningKeys {
  /** The key with this kid, refetching once (rate-limited) when it is not known; undefined if there is none. */
  get(kid: string): Promise<KeyObject | undefined>;
}

/** Entra ID's signing keys, fetched from a JWKS endpoint and cached. */
export function createSigningKeys(options: SigningKeyOptions): SigningKeys {
  const fetchJson: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const now = () => (options.now ?? (() => new Date()))().getTime();
  const ttl = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const minRefresh = options.minRefreshIntervalMs ?? DEFAULT_MIN_REFRESH_INTERVAL_MS;
  const retryAfterFailure = options.retryAfterFailureMs ?? DEFAULT_RETRY_AFTER_FAILURE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let keys: Map<string, KeyObject> | undefined;
  let fetchedAt = 0;
  let lastAttemptAt: number | undefined;
  let inflight: Promise<void> | undefined;

  async function download(): Promise<Map<string, KeyObject>> {
    const res = await fetchJson(options.uri, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) throw new SigningKeysUnavailableError(`The signing keys endpoint answered HTTP ${res.status}.`);
    const found = signingKeysOf(await res.json());
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
      console.warn(`[riskpanel] Entra ID signing keys could not be refreshed; still using the cached keys. ${err instanceof Error ? err.message : ''}`);
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
