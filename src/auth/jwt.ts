import { type KeyObject, verify } from 'node:crypto';

/** A compact JWS split into its parts. Nothing in it is trusted until the signature has been checked. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `<header>.<payload>` exactly as received: the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

/** Entra access tokens are a few kB; anything far larger is not one, and is refused before any parsing. */
export const MAX_TOKEN_LENGTH = 16 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function jsonObjectOf(segment: string): Record<string, unknown> | undefined {
  if (!segment || !BASE64URL.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Splits a token, or answers undefined when it is not a three-part JWS with JSON-object header and payload. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  // An empty signature is let through here so that `alg: none` is reported as the algorithm refusal it is.
  if (!BASE64URL.test(s)) return undefined;
  const header = jsonObjectOf(h);
  const payload = jsonObjectOf(p);
  if (!header || !payload) return undefined;
  return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

/** RSASSA-PKCS1-v1_5 with SHA-256 (JWS "RS256") against an RSA public key; any error is a failed check. */
export function verifyRs256(jwt: Pick<DecodedJwt, 'signingInput' | 'signature'>, key: KeyObject): boolean {
  if (key.type !== 'public' || key.asymmetricKeyType !== 'rsa' || jwt.signature.length === 0) return false;
  try {
    return verify('RSA-SHA256', Buffer.from(jwt.signingInput, 'ascii'), key, jwt.signature);
  } catch {
    return false;
  }
}
