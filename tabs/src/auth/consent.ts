import { ApiError } from '../api/client';

// Entra ID's words for "the user must consent or interact first" (SSO getAuthToken failures and on-behalf-of errors).
const CONSENT_MARKERS = ['consent_required', 'interaction_required', 'invalid_grant', 'aadsts65001', 'resourcedisabled'];

/** Whether a sign-in or API failure is one the user can fix by giving consent, rather than a dead end. */
export function isConsentError(error: unknown): boolean {
  if (error instanceof ApiError) return error.consentRequired;
  const message = (error instanceof Error ? error.message : typeof error === 'string' ? error : '').toLowerCase();
  return CONSENT_MARKERS.some((marker) => message.includes(marker));
}

export interface ConsentTarget {
  origin: string;
  clientId: string;
  /** The user's tenant from the Teams context; 'organizations' when unknown. */
  tenant?: string;
  loginHint?: string;
}

/** The consent popup's first page, which sends the user on to Entra ID's consent prompt. */
export function authStartUrl({ origin, clientId, tenant, loginHint }: ConsentTarget): string {
  const query = new URLSearchParams({ clientId, tenant: tenant || 'organizations' });
  if (loginHint) query.set('loginHint', loginHint);
  return `${origin}/auth-start.html?${query.toString()}`;
}

/** Teams' reason for a consent popup that did not succeed, in words a person can act on. */
export function consentFailureMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (/FailedToOpenWindow|popup|blocked/i.test(reason)) return 'The permission window could not open. Allow pop-ups for Teams, then try again.';
  if (/access_denied|declined/i.test(reason)) return 'Permission was not given. RiskPanel cannot sign you in without it.';
  return `Permission could not be given: ${reason.replace(/\.$/, '') || 'no reason was given'}.`;
}

/** The window closed itself (auth-end.html) or the user closed it: sign-in is retried to see whether consent was given. */
export const popupClosed = (error: unknown): boolean => /CancelledByUser/i.test(error instanceof Error ? error.message : String(error));

/** The app registration's client id, written into index.html by the deployment (empty until then). */
export const appClientId = (): string =>
  document.querySelector<HTMLMetaElement>('meta[name="riskpanel-client-id"]')?.content.trim() ?? '';
