import { UnauthenticatedError } from '../domain/errors';

/** Why a Teams SSO token was refused: for tests and logs. The person only ever sees the message. */
export type TokenRejection =
  | 'malformed'
  | 'algorithm'
  | 'unknown_key'
  | 'signature'
  | 'issuer'
  | 'tenant'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'scope'
  | 'claims';

/**
 * What the person is told. Deliberately says nothing about the token's contents (which tenant, which audience,
 * which key) so a refused request teaches an attacker nothing; the reason code carries the detail for logs.
 */
export const TOKEN_MESSAGES: Record<TokenRejection, string> = {
  malformed: 'Your Teams sign-in could not be read. Reload the tab.',
  algorithm: 'Your Teams sign-in could not be verified. Reload the tab.',
  unknown_key: 'Your Teams sign-in could not be verified. Reload the tab.',
  signature: 'Your Teams sign-in could not be verified. Reload the tab.',
  issuer: 'This sign-in was not issued by Microsoft Entra ID. Open RiskPanel from Teams.',
  tenant: 'This sign-in is for another organisation. Sign in to Teams with your account for this partnership.',
  audience: 'This sign-in is for a different app, not RiskPanel. Reload the tab.',
  expired: 'Your Teams sign-in has expired. Reload the tab.',
  not_yet_valid: "Your Teams sign-in is not valid yet. Check your device's clock, then reload the tab.",
  scope: 'This sign-in does not let RiskPanel act for you. Reload the tab and accept the permission prompt.',
  claims: 'Your Teams sign-in does not say who you are. Reload the tab.',
};

export class TokenRejectedError extends UnauthenticatedError {
  constructor(readonly reason: TokenRejection) {
    super(TOKEN_MESSAGES[reason]);
  }
}
