import { type JWTPayload, type JWSHeaderParameters, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { ConfigError } from '../configError';
import type { BearerVerifier } from './bearerAuth';
import { type FetchLike, type SigningKeys, SigningKeysUnavailableError, createSigningKeys } from './jwks';
import { type TokenRejection, TokenRejectedError } from './tokenRejection';

export interface EntraTokenValidatorOptions {
  /** The organisation's Entra tenant (a GUID): tokens from any other tenant are refused. */
  tenantId: string;
  /** The app registration's client id: the audience of v2 tokens. */
  clientId: string;
  /** `api://<host>/<clientId>`, the Application ID URI Teams asks tokens for: the audience of v1 tokens. */
  appIdUri: string;
  /** Defaults to the tenant's v2 keys endpoint. */
  jwksUri?: string;
  fetch?: FetchLike;
  now?: () => Date;
  /** The delegated scope the Teams clients are pre-authorised for. */
  requiredScope?: string;
  clockSkewMs?: number;
  cacheTtlMs?: number;
  minRefreshIntervalMs?: number;
}

/** Who a verified token names. `oid` is the stable key for a member; the other names are for display only. */
export interface EntraUser {
  oid: string;
  tid: string;
  name?: string;
  preferredUsername?: string;
  scopes: string[];
}

export interface EntraTokenValidator {
  /** Resolves with the user, or throws TokenRejectedError (an UnauthenticatedError, 401) saying what to do. */
  validate(token: string): Promise<EntraUser>;
}

export const REQUIRED_SCOPE = 'access_as_user';
/** Entra access tokens are a few kB; anything far larger is not one, and is refused before any parsing. */
export const MAX_TOKEN_LENGTH = 16 * 1024;
/** Three base64url segments; the signature may be empty so that `alg: none` is reported as the algorithm refusal it is. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const defaultJwksUri = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;

const GUID = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const Options = z.object({
  tenantId: GUID,
  clientId: GUID,
  appIdUri: z.string().regex(/^api:\/\/\S+$/, 'must be an api:// Application ID URI'),
  jwksUri: z.url({ protocol: /^https?$/ }).optional(),
});

// v2 tokens name the tenant in a login.microsoftonline.com issuer; v1 tokens (requested for an api:// URI) in sts.windows.net.
const V2_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([0-9a-f-]{36})\/v2\.0$/i;
const V1_ISSUER = /^https:\/\/sts\.windows\.net\/([0-9a-f-]{36})\/$/i;

const optionalString = z.string().optional();
/** Claim types; a claim of the wrong type makes the token malformed. Which claims must be present is checked in order below. */
const Claims = z.object({
  iss: optionalString,
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  tid: optionalString,
  oid: optionalString,
  exp: z.number().optional(),
  nbf: z.number().optional(),
  scp: optionalString,
  name: optionalString,
  preferred_username: optionalString,
  upn: optionalString,
});

/**
 * Validates the token `authentication.getAuthToken()` gives the tab (PLATFORM.md, Tab SSO): structure, RS256 only,
 * signature against Entra ID's published keys and lifetime (all by jose's jwtVerify), then issuer (v1 or v2),
 * tenant, audience, the delegated scope and `oid` (Entra-specific, here). Nothing in the token is read as fact until
 * the signature has been checked.
 */
export function createEntraTokenValidator(options: EntraTokenValidatorOptions): EntraTokenValidator {
  const checked = Options.safeParse(options);
  if (!checked.success) {
    throw new ConfigError(`Teams SSO settings: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const tenantId = options.tenantId.toLowerCase();
  const audiences = new Set([options.clientId.toLowerCase(), options.appIdUri]);
  const requiredScope = options.requiredScope ?? REQUIRED_SCOPE;
  const skew = options.clockSkewMs ?? CLOCK_SKEW_MS;
  const now = options.now ?? (() => new Date());
  const keys: SigningKeys = createSigningKeys({
    uri: options.jwksUri ?? defaultJwksUri(tenantId),
    fetch: options.fetch,
    now,
    cacheTtlMs: options.cacheTtlMs,
    minRefreshIntervalMs: options.minRefreshIntervalMs,
  });

  const audienceMatches = (aud: string) => audiences.has(aud) || audiences.has(aud.toLowerCase());

  /** jose's key lookup: the cached Entra key with the token's kid, or a refusal naming why there is none. */
  const keyFor = async (header: JWSHeaderParameters) => {
    const key = await keys.get(header.kid as string);
    if (!key) throw new TokenRejectedError('unknown_key');
    return key;
  };

  return {
    async validate(raw) {
      const token = raw.trim();
      if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw new TokenRejectedError('malformed');
      // Read (unverified) before any key is fetched, so junk and forbidden algorithms cost no call to Entra ID.
      const header = readUnverified(() => decodeProtectedHeader(token));
      readUnverified(() => decodeJwt(token));
      // Only RS256: refuses `none`, and HS256 signed with the public key as the secret (algorithm confusion).
      if (header.alg !== 'RS256') throw new TokenRejectedError('algorithm');
      const kid = header.kid;
      if (typeof kid !== 'string' || !kid || kid.length > 256) throw new TokenRejectedError('malformed');

      // jose checks the signature (RS256 only, keys of 2048 bits or more) and the lifetime (exp required, nbf).
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keyFor, {
          algorithms: ['RS256'],
          currentDate: now(),
          clockTolerance: Math.floor(skew / 1000),
          requiredClaims: ['exp'],
        }));
      } catch (err) {
        throw rejectionOf(err);
      }

      const parsed = Claims.safeParse(payload);
      if (!parsed.success) throw new TokenRejectedError('malformed');
      const claims = parsed.data;

      const issuerTenant = (V2_ISSUER.exec(claims.iss ?? '') ?? V1_ISSUER.exec(claims.iss ?? ''))?.[1]?.toLowerCase();
      if (!issuerTenant) throw new TokenRejectedError('issuer');
      if (!claims.tid) throw new TokenRejectedError('claims');
      if (issuerTenant !== tenantId || claims.tid.toLowerCase() !== tenantId) throw new TokenRejectedError('tenant');

      const aud = claims.aud === undefined ? [] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!aud.some(audienceMatches)) throw new TokenRejectedError('audience');

      const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
      if (!scopes.includes(requiredScope)) throw new TokenRejectedError('scope');

      // Entra's oid is a GUID; only sanity is checked here, as the signature already vouches for it.
      if (!claims.oid || !/^[\w-]{1,64}$/.test(claims.oid)) throw new TokenRejectedError('claims');
      const preferredUsername = claims.preferred_username ?? claims.upn;
      return {
        oid: claims.oid,
        tid: claims.tid.toLowerCase(),
        ...(claims.name ? { name: claims.name } : {}),
        ...(preferredUsername ? { preferredUsername } : {}),
        scopes,
      };
    },
  };
}

/** Decodes without verifying (only to refuse early); any failure is a malformed token. */
function readUnverified<T>(decode: () => T): T {
  try {
    return decode();
  } catch {
    throw new TokenRejectedError('malformed');
  }
}

/** jose's verdicts as our refusal reasons; an outage and our own refusals pass through unchanged. */
function rejectionOf(err: unknown): Error {
  if (err instanceof TokenRejectedError || err instanceof SigningKeysUnavailableError) return err;
  const reason: TokenRejection =
    err instanceof errors.JOSEAlgNotAllowed ? 'algorithm'
    : err instanceof errors.JWSSignatureVerificationFailed ? 'signature'
    : err instanceof errors.JWTExpired ? 'expired'
    : err instanceof errors.JWTClaimValidationFailed ? (err.reason === 'missing' ? 'claims' : err.claim === 'nbf' && err.reason === 'check_failed' ? 'not_yet_valid' : 'malformed')
    : err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid ? 'malformed'
    // Anything else jose refuses with (e.g. a key it will not use) means the signature was not verified.
    : 'signature';
  return new TokenRejectedError(reason);
}

/**
 * Plugs the validator into the server's bearer authentication: the member is found by Entra object id, never by
 * the (changeable, not unique) username in the token.
 */
export function entraBearerVerifier(validator: EntraTokenValidator): BearerVerifier {
  return async (token) => ({ aadObjectId: (await validator.validate(token)).oid });
}
