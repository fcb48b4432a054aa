/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import type { HostKind } from '../../tabs/src/theme/HostThemeProvider';
import ConfigPage from '../../tabs/src/pages/config/ConfigPage';

// The channel tab's configuration page (#/config): in a plain browser it explains itself; inside Teams' "add a
// tab" dialog it enables Save and, on Save, stores the register as the tab's content.

let host: HostKind = 'browser';
jest.mock('../../tabs/src/theme/HostThemeProvider', () => ({
  useHost: () => ({ host, theme: 'light' }),
}));

type SaveHandler = (event: { notifySuccess: () => void; notifyFailure: (reason?: string) => void }) => void;
const teams = {
  registerOnSaveHandler: jest.fn<void, [SaveHandler]>(),
  setValidityState: jest.fn<void, [boolean]>(),
  setConfig: jest.fn<Promise<void>, [unknown]>(),
};
jest.mock('@microsoft/teams-js', () => ({
  pages: {
    config: {
      registerOnSaveHandler: (handler: SaveHandler) => teams.registerOnSaveHandler(handler),
      setValidityState: (valid: boolean) => teams.setValidityState(valid),
      setConfig: (config: unknown) => teams.setConfig(config),
    },
  },
}));

const renderPage = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <ConfigPage />
    </FluentProvider>,
  );

beforeEach(() => jest.clearAllMocks());

test('outside Teams it says what the page is for and links to the register, in landmarks', () => {
  host = 'browser';
  renderPage();
  expect(screen.getByRole('heading', { level: 1, name: 'Add RiskPanel to this channel' })).toBeTruthy();
  const main = screen.getByRole('main');
  expect(main.textContent).toMatch(/used by Microsoft Teams when RiskPanel is added to a channel/);
  expect(screen.getByRole('link', { name: 'case register' }).getAttribute('href')).toBe('#/register');
  expect(screen.getByRole('banner')).toBeTruthy();
  expect(teams.registerOnSaveHandler).not.toHaveBeenCalled();
});

test('inside Teams, Save stores the register as the channel tab and reports success', async () => {
  host = 'teams';
  teams.setConfig.mockResolvedValue(undefined);
  renderPage();
  expect(screen.getByText(/Select Save to add the RiskPanel case register/)).toBeTruthy();
  await waitFor(() => expect(teams.setValidityState).toHaveBeenCalledWith(true));
  expect(teams.registerOnSaveHandler).toHaveBeenCalledTimes(1);
  // Not saved until Teams' Save is pressed.
  expect(teams.setConfig).not.toHaveBeenCalled();

  const saveEvent = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
  teams.registerOnSaveHandler.mock.calls[0]![0](saveEvent);
  const url = `${window.location.origin}/#/register`;
  expect(teams.setConfig).toHaveBeenCalledWith({ entityId: 'riskpanel-register', contentUrl: url, websiteUrl: url, suggestedDisplayName: 'RiskPanel' });
  await waitFor(() => expect(saveEvent.notifySuccess).toHaveBeenCalled());
  expect(saveEvent.notifyFailure).not.toHaveBeenCalled();
});

test('inside Teams, a refused save is reported to Teams as a failure', async () => {
  host = 'teams';
  teams.setConfig.mockRejectedValue(new Error('Not allowed here'));
  renderPage();
  await waitFor(() => expect(teams.registerOnSaveHandler).toHaveBeenCalled());
  const saveEvent = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
  teams.registerOnSaveHandler.mock.calls[0]![0](saveEvent);
  await waitFor(() => expect(saveEvent.notifyFailure).toHaveBeenCalledWith('Not allowed here'));
  expect(saveEvent.notifySuccess).not.toHaveBeenCalled();
});
