/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ConfigPage from '../../tabs/src/pages/config/ConfigPage';
import { fakeServer, partnerMe } from './support/renderTab';

// The configuration page inside a Teams meeting: it recognises the meeting from the Teams context, signs in through
// Teams, lists the RiskPanel meetings still to be held, and on Save stores the chosen meeting's side panel as the
// tab (which links the Teams meeting to it). Save stays disabled until a meeting is chosen.

jest.mock('../../tabs/src/theme/HostThemeProvider', () => ({ useHost: () => ({ host: 'teams', theme: 'light' }) }));

type SaveHandler = (event: { notifySuccess: () => void; notifyFailure: (reason?: string) => void }) => void;
const teams = {
  registerOnSaveHandler: jest.fn<void, [SaveHandler]>(),
  setValidityState: jest.fn<void, [boolean]>(),
  setConfig: jest.fn<Promise<void>, [unknown]>(),
};
jest.mock('@microsoft/teams-js', () => ({
  app: {
    initialize: async () => undefined,
    getContext: async () => ({ page: { frameContext: 'settings' }, meeting: { id: 'teams-meeting-invented' }, chat: { id: '19:meeting-invented' } }),
  },
  authentication: { getAuthToken: async () => 'invented-token' },
  pages: {
    config: {
      registerOnSaveHandler: (handler: SaveHandler) => teams.registerOnSaveHandler(handler),
      setValidityState: (valid: boolean) => teams.setValidityState(valid),
      setConfig: (config: unknown) => teams.setConfig(config),
    },
  },
}));

const meeting = (id: string, status: string, title: string) => ({
  id, version: 1, title, startsAt: '2027-01-12T10:00:00Z', status, chairId: 'm-pat', chairName: 'Pat Invented',
});

beforeEach(() => {
  jest.clearAllMocks();
  // Teams hosts mobile tabs in a webview that exposes nativeInterface: the page then asks teams-js for its context.
  (window as unknown as { nativeInterface: object }).nativeInterface = {};
});
afterEach(() => {
  delete (window as unknown as { nativeInterface?: object }).nativeInterface;
});

test('in a Teams meeting, the chosen RiskPanel meeting is saved as the side panel tab', async () => {
  const calls = fakeServer(({ url }) => {
    if (url === '/api/personas') return { status: 404, body: { title: 'Not found', status: 404 } };
    if (url === '/api/me') return { status: 200, body: partnerMe };
    if (url === '/api/meetings') {
      return { status: 200, body: [meeting('mt-held', 'held', 'Invented panel, December'), meeting('mt-next', 'agenda_published', 'Invented panel, January')] };
    }
    return undefined;
  });
  teams.setConfig.mockResolvedValue(undefined);
  render(
    <FluentProvider theme={webLightTheme}>
      <ConfigPage />
    </FluentProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Add RiskPanel to this meeting' }, { timeout: 15_000 });
  const choice = await screen.findByRole('radio', { name: /Invented panel, January/ }, { timeout: 15_000 });
  // Held meetings cannot be linked.
  expect(screen.queryByRole('radio', { name: /December/ })).toBeNull();
  // Signed in with the Teams token, not a demo persona.
  const me = calls.find((c) => c.url === '/api/me');
  expect(me).toBeDefined();
  await waitFor(() => expect(teams.registerOnSaveHandler).toHaveBeenCalledTimes(1));
  expect(teams.setValidityState).toHaveBeenLastCalledWith(false);

  fireEvent.click(choice);
  await waitFor(() => expect(teams.setValidityState).toHaveBeenLastCalledWith(true));
  const saveEvent = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
  teams.registerOnSaveHandler.mock.calls[0]![0](saveEvent);
  expect(teams.setConfig).toHaveBeenCalledWith({
    entityId: 'riskpanel-meeting-mt-next',
    contentUrl: `${window.location.origin}/#/meetings/mt-next/panel`,
    websiteUrl: `${window.location.origin}/#/meetings/mt-next`,
    suggestedDisplayName: 'RiskPanel',
  });
  await waitFor(() => expect(saveEvent.notifySuccess).toHaveBeenCalled());
});

test('Save pressed before a meeting is chosen is refused with a reason, and nothing is saved', async () => {
  fakeServer(({ url }) => {
    if (url === '/api/personas') return { status: 404, body: { title: 'Not found', status: 404 } };
    if (url === '/api/me') return { status: 200, body: partnerMe };
    if (url === '/api/meetings') return { status: 200, body: [meeting('mt-next', 'planned', 'Invented panel, January')] };
    return undefined;
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <ConfigPage />
    </FluentProvider>,
  );
  await screen.findByRole('radio', { name: /Invented panel, January/ }, { timeout: 15_000 });
  await waitFor(() => expect(teams.registerOnSaveHandler).toHaveBeenCalled());
  const saveEvent = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
  teams.registerOnSaveHandler.mock.calls[0]![0](saveEvent);
  expect(saveEvent.notifyFailure).toHaveBeenCalledWith('Choose the RiskPanel meeting first.');
  expect(teams.setConfig).not.toHaveBeenCalled();
});
