import { ApiError } from '../../tabs/src/api/client';
import { authStartUrl, consentFailureMessage, isConsentError, popupClosed } from '../../tabs/src/auth/consent';

// Which sign-in failures lead the user through consent (issue 5) rather than to "sign-in failed".

test("Teams SSO failures naming consent or interaction are consent errors, whatever their case", () => {
  expect(isConsentError(new Error('consent_required'))).toBe(true);
  expect(isConsentError(new Error('FAILED_TO_GET_TOKEN: interaction_required'))).toBe(true);
  expect(isConsentError(new Error('invalid_grant: AADSTS50076 MFA needed'))).toBe(true);
  expect(isConsentError(new Error('aadsts65001: The user or administrator has not consented'))).toBe(true);
  expect(isConsentError('resourceDisabled')).toBe(true);
});

test('other failures are not consent errors', () => {
  expect(isConsentError(new Error('CancelledByUser'))).toBe(false);
  expect(isConsentError(new Error('App resource defined in manifest and iframe origin do not match'))).toBe(false);
  expect(isConsentError(undefined)).toBe(false);
  expect(isConsentError({ message: 'consent_required' })).toBe(false);
});

test('an API problem is a consent error only when the server says consentRequired', () => {
  expect(isConsentError(new ApiError(403, 'RiskPanel needs your permission', [], 'Consent required', true))).toBe(true);
  expect(isConsentError(new ApiError(403, 'You are not permitted (consent_required is not the reason)', [], 'Forbidden'))).toBe(false);
  expect(isConsentError(new ApiError(401, 'Sign in again'))).toBe(false);
});

test('the consent popup starts at auth-start.html with the client id and tenant', () => {
  const url = new URL(authStartUrl({ origin: 'https://tab.invalid', clientId: 'c1d2', tenant: 't-1', loginHint: 'a@invented.example' }));
  expect(url.origin + url.pathname).toBe('https://tab.invalid/auth-start.html');
  expect(Object.fromEntries(url.searchParams)).toEqual({ clientId: 'c1d2', tenant: 't-1', loginHint: 'a@invented.example' });
  expect(new URL(authStartUrl({ origin: 'https://tab.invalid', clientId: 'c1d2' })).searchParams.get('tenant')).toBe('organizations');
});

test('a closed popup is told apart from a failure, and failures are put in plain words', () => {
  expect(popupClosed(new Error('CancelledByUser'))).toBe(true);
  expect(popupClosed(new Error('FailedToOpenWindow'))).toBe(false);
  expect(consentFailureMessage(new Error('FailedToOpenWindow'))).toMatch(/Allow pop-ups/);
  expect(consentFailureMessage(new Error('Something odd.'))).toBe('Permission could not be given: Something odd.');
});
