import { appClientId, authStartUrl } from './consent';

/**
 * Opens Teams' authentication popup at auth-start.html, which asks Entra ID for the user's consent. Resolves when the
 * popup reports success; rejects with Teams' reason otherwise ("CancelledByUser" when the window closed).
 */
export async function askForConsent(): Promise<void> {
  const clientId = appClientId();
  if (!clientId) throw new Error('RiskPanel is not fully set up (no app client id). Ask your administrator to finish the set-up.');
  const { app, authentication } = await import('@microsoft/teams-js');
  const context = await app.getContext();
  const url = authStartUrl({
    origin: window.location.origin,
    clientId,
    tenant: context.user?.tenant?.id,
    loginHint: context.user?.loginHint,
  });
  await authentication.authenticate({ url, width: 600, height: 535 });
}
