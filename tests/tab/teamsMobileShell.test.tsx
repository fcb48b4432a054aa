/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { ApiClient } from '../../tabs/src/api/client';
import type { Session } from '../../tabs/src/auth/session';
import { Shell } from '../../tabs/src/components/Shell';
import { formFactorOf, type FormFactor } from '../../tabs/src/theme/teamsHost';
import type { HostKind } from '../../tabs/src/theme/HostThemeProvider';
import { partnerMe } from './support/renderTab';

// Inside Teams' mobile app the tab lays out for a phone because Teams says it is one (its webview may report a wide
// viewport in landscape), and local mode's chrome (persona switch, theme picker) never appears: Teams signs people in
// and picks the theme. In a plain wide browser the full navigation and local mode's controls are shown.

let host: { host: HostKind; theme: 'light'; formFactor: FormFactor; setTheme?: () => void };
jest.mock('../../tabs/src/theme/HostThemeProvider', () => ({ useHost: () => host }));

let narrow = false;
beforeEach(() => {
  window.matchMedia = ((query: string) => ({
    matches: narrow, media: query, addEventListener: () => undefined, removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia;
});

const nav = [
  { href: '#/', label: 'Home', current: true },
  { href: '#/cases', label: 'Cases', current: false },
];
const session = (extra: Partial<Session> = {}): Session => ({ client: new ApiClient({ kind: 'none' }), me: partnerMe, ...extra });
const renderShell = (s: Session) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Shell session={s} nav={nav}>
        <p>Page</p>
      </Shell>
    </FluentProvider>,
  );

it('reads Teams\' mobile clients as phones and an iPad as a tablet', () => {
  expect([formFactorOf('android'), formFactorOf('ios'), formFactorOf('ipados'), formFactorOf('web'), formFactorOf(undefined)])
    .toEqual(['phone', 'phone', 'tablet', 'desktop', 'desktop']);
});

it('in Teams on a phone, even with a wide viewport: one navigation menu, no persona switch, no theme picker', () => {
  narrow = false;
  host = { host: 'teams', theme: 'light', formFactor: formFactorOf('android') };
  renderShell(session());
  expect(screen.getByRole('button', { name: 'Menu' })).toBeTruthy();
  expect(screen.queryByRole('link', { name: 'Cases' })).toBeNull();
  expect(screen.queryByRole('button', { name: /persona|theme/i })).toBeNull();
  expect(screen.queryByText(/Switch persona/)).toBeNull();
});

it('in a wide plain browser in local mode: the navigation as links, the persona switch and the theme picker', () => {
  narrow = false;
  host = { host: 'browser', theme: 'light', formFactor: 'desktop', setTheme: () => undefined };
  renderShell(session({ switchPersona: () => undefined }));
  expect(screen.getByRole('link', { name: 'Cases' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Menu' })).toBeNull();
  expect(screen.getByRole('button', { name: 'Switch persona' })).toBeTruthy();
});

it('in a narrow plain browser in local mode: the navigation and local mode\'s controls fold into one menu each', () => {
  narrow = true;
  host = { host: 'browser', theme: 'light', formFactor: 'desktop', setTheme: () => undefined };
  renderShell(session({ switchPersona: () => undefined }));
  expect(screen.getByRole('button', { name: 'Menu' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Persona and theme' })).toBeTruthy();
  expect(screen.queryByRole('link', { name: 'Cases' })).toBeNull();
});
