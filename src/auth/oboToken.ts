import { type AuthenticationResult, ConfidentialClientApplication, InteractionRequiredAuthError, type OnBehalfOfRequest } from '@azure/msal-node';
import { ConsentRequiredError } from './consentRequiredError';

/** The one MSAL call used; tests pass a stub with this shape. */
export interface OboClient {
  acquireTokenOnBehalfOf(request: OnBehalfOfRequest): Promise<AuthenticationResult | null>;
}

export interface OboToken {
  accessToken: string;
  expiresOn: Date | null;
  scopes: string[];
}

// invalid_grant covers consent not given (AADSTS65001) and a user assertion that now needs MFA or conditional access;
// Microsoft's Teams SSO guidance answers all of these with a consent prompt, not an error page.
const CONSENT_ERROR_CODES = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required']);
const AADSTS_CONSENT = /\bAADSTS65001\b/;

/** The ConsentRequiredError an MSAL on-behalf-of failure calls for, or undefined when it is some other failure. */
export function consentErrorOf(err: unknown): ConsentRequiredError | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const e = err as { errorCode?: unknown; subError?: unknown; errorMessage?: unknown; message?: unknown; errorNo?: unknown; claims?: unknown };
  const text = [e.errorMessage, e.message].filter((t): t is string => typeof t === 'string').join(' ');
  const needsConsent =
    err instanceof InteractionRequiredAuthError ||
    (typeof e.errorCode === 'string' && CONSENT_ERROR_CODES.has(e.errorCode)) ||
    e.subError === 'consent_required' ||
    String(e.errorNo ?? '') === '65001' ||
    AADSTS_CONSENT.test(text);
  if (!needsConsent) return undefined;
  const claims = typeof e.claims === 'string' && e.claims ? e.claims : undefined;
  return new ConsentRequiredError(undefined, claims);
}

/**
 * Exchanges the user's validated SSO token for a delegated token to another API (Graph), on behalf of the user.
 * Only for features that need the user's own Graph access; the store uses the app's identity instead.
 */
export class OnBehalfOfTokens {
  constructor(private readonly client: OboClient) {}

  async acquire(userToken: string, scopes: string[]): Promise<OboToken> {
    let result: AuthenticationResult | null;
    try {
      result = await this.client.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes });
    } catch (err) {
      throw consentErrorOf(err) ?? err;
    }
    if (!result?.accessToken) throw new Error('Entra ID returned no on-behalf-of token.');
    return { accessToken: result.accessToken, expiresOn: result.expiresOn, scopes: result.scopes };
  }
}

export interface OboCredentials {
  tenantId: string;
  clientId: string;
  /** A certificate is preferred over a secret (same as the store's app credential). */
  clientCertificate?: { thumbprintSha256: string; privateKey: string; x5c?: string };
  clientSecret?: string;
}

/** The real MSAL client for production wiring. Building it makes no network call. */
export function createOnBehalfOfTokens(credentials: OboCredentials): OnBehalfOfTokens {
  const { tenantId, clientId, clientCertificate, clientSecret } = credentials;
  if (!clientCertificate && !clientSecret) throw new Error('On-behalf-of needs a client certificate or secret.');
  const client = new ConfidentialClientApplication({
    auth: {
      clientId,
      authority: `https://login.microsoftonline.com/${tenantId}`,
      ...(clientCertificate ? { clientCertificate } : { clientSecret }),
    },
  });
  return new OnBehalfOfTokens(client);
}
