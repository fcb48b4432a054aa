import { AppError } from '../domain/errors';

export const CONSENT_REQUIRED_MESSAGE =
  'RiskPanel needs your permission to reach Microsoft 365 on your behalf. Select "Continue" to give it, then try again.';

/**
 * Entra ID needs the user (or an admin) to consent, or to interact (MFA, conditional access), before RiskPanel can
 * act for them. Not a dead end: the tab sees `consentRequired` and shows a consent prompt
 * (teams-js `authentication.authenticate`), passing `claims` on when Entra sent a claims challenge.
 */
export class ConsentRequiredError extends AppError {
  readonly status = 403;
  readonly title = 'Consent required';
  readonly consentRequired = true as const;
  constructor(
    message: string = CONSENT_REQUIRED_MESSAGE,
    readonly claims?: string,
  ) {
    super(message);
  }
}
