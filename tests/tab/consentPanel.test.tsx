/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInGate } from '../../tabs/src/auth/SignInGate';
import { type Call, fakeServer, partnerMe } from './support/renderTab';

// Issue 5: inside Teams, a consent-type failure (Entra's SSO error, or the API's consentRequired problem) leads the
// user through Teams' consent popup and then signs in again, instead of "sign-in failed".

jest.mock('../../tabs/src/theme/HostThemeProvider', () => ({ useHost: () => ({ host: 'teams', theme: 'light' }) }));

const teams = {
  getAuthToken: jest.fn<Promise<string>, []>(),
  authenticate: jest.fn<Promise<string>, [{ url: string; width: number; height: number }]>(),
};
jest.mock('@microsoft/teams-js', () => ({
  app: { getContext: async () => ({ user: { tenant: { id: 'tenant-invented' }, loginHint: 'alex@invented.example' } }) },
  authentication: {
    getAuthToken: () => teams.getAuthToken(),
    authenticate: (params: { url: string; width: number; height: number }) => teams.authenticate(params),
  },
}));

const CLIENT_ID = '00000000-0000-4000-8000-00000000abcd';
const CONSENT_PROBLEM = { status: 403, body: { title: 'Consent required', status: 403, detail: 'RiskPanel needs your permission.', consentRequired: true } };

/** Production server: no personas; /api/me answers from `me` in turn (the last answer repeats). */
function server(...me: { status: number; body?: unknown }[]): Call[] {
  let n = 0;
  return fakeServer((call) => {
    if (call.url === '/api/personas') return { status: 404, body: { title: 'Not found', status: 404 } };
    if (call.url === '/api/me') return me[Math.min(n++, me.length - 1)];
    return undefined;
  });
}

const renderGate = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <SignInGate>
        <p>Signed in as Alex</p>
      </SignInGate>
    </FluentProvider>,
  );

beforeEach(() => {
  jest.clearAllMocks();
  document.head.innerHTML = `<meta name="riskpanel-client-id" content="${CLIENT_ID}">`;
  teams.getAuthToken.mockResolvedValue('sso-token');
});

test('a consentRequired problem shows the permission panel; Continue opens the consent popup, then sign-in is retried', async () => {
  const calls = server(CONSENT_PROBLEM, { status: 200, body: partnerMe });
  // auth-end.html closes the window itself, which Teams reports as a cancel.
  teams.authenticate.mockRejectedValue(new Error('CancelledByUser'));
  renderGate();

  expect(await screen.findByRole('heading', { level: 1, name: 'RiskPanel needs your permission' })).toBeTruthy();
  expect(screen.queryByText('Sign-in failed')).toBeNull();
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));

  expect(teams.authenticate).toHaveBeenCalledTimes(1);
  const { url, width, height } = teams.authenticate.mock.calls[0]![0];
  expect({ width, height }).toEqual({ width: 600, height: 535 });
  const start = new URL(url);
  expect(start.origin + start.pathname).toBe(`${window.location.origin}/auth-start.html`);
  expect(start.searchParams.get('clientId')).toBe(CLIENT_ID);
  expect(start.searchParams.get('tenant')).toBe('tenant-invented');

  expect(await screen.findByText('Signed in as Alex')).toBeTruthy();
  expect(calls.filter((c) => c.url === '/api/me')).toHaveLength(2);
});

test("Teams' own SSO consent error leads to the same panel, and a popup that fails says why with a retry", async () => {
  teams.getAuthToken.mockRejectedValueOnce(new Error('FAILED_TO_GET_TOKEN: AADSTS65001: The user has not consented'));
  server({ status: 200, body: partnerMe });
  teams.authenticate.mockRejectedValueOnce(new Error('FailedToOpenWindow')).mockResolvedValueOnce('');
  renderGate();

  await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/could not open\. Allow pop-ups for Teams/);
  expect(screen.queryByText('Signed in as Alex')).toBeNull();

  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Signed in as Alex')).toBeTruthy();
  expect(teams.authenticate).toHaveBeenCalledTimes(2);
});

test('when consent is still missing after the popup, the panel says so rather than failing', async () => {
  server(CONSENT_PROBLEM);
  teams.authenticate.mockRejectedValue(new Error('CancelledByUser'));
  renderGate();
  await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
  await waitFor(() => expect(screen.getByText('Permission not given yet')).toBeTruthy());
  expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
});

test('a refusal that is not about consent is still a sign-in failure', async () => {
  server({ status: 403, body: { title: 'Forbidden', status: 403, detail: 'You are not a member of this partnership.' } });
  renderGate();
  expect(await screen.findByText('Sign-in failed')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
});
