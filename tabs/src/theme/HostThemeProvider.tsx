import { FluentProvider, type Theme } from '@fluentui/react-components';
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { hashForSubPage, replaceHash } from '../routing/useHashRoute';
import { detectTeams, type FormFactor } from './teamsHost';
import { initialBrowserTheme, loadedTheme, loadTheme, saveBrowserTheme, type ThemeName } from './themes';

export type HostKind = 'detecting' | 'browser' | 'teams';

interface HostState {
  host: HostKind;
  theme: ThemeName;
  /** Teams' mobile apps say 'phone' (the tab then lays out for a phone whatever the width); a browser says 'desktop'. */
  formFactor: FormFactor;
  /** Only outside Teams: inside, Teams decides the theme. */
  setTheme?: (theme: ThemeName) => void;
}

const HostContext = createContext<HostState>({ host: 'detecting', theme: 'light', formFactor: 'desktop' });
export const useHost = (): HostState => useContext(HostContext);

/** Finds out whether the tab is inside Teams and applies the theme Teams (or the user, outside Teams) chose. */
export function HostThemeProvider({ children }: { children: ReactNode }) {
  const [host, setHost] = useState<HostKind>('detecting');
  const [theme, setThemeState] = useState<ThemeName>(initialBrowserTheme);
  const [formFactor, setFormFactor] = useState<FormFactor>('desktop');

  useEffect(() => {
    let live = true;
    void detectTeams().then((teams) => {
      if (!live) return;
      if (!teams) return setHost('browser');
      // A deep link into the tab (a card's "Open") names its page in the context rather than in the address.
      const deepLink = hashForSubPage(teams.subPageId);
      if (deepLink) replaceHash(deepLink);
      setHost('teams');
      setFormFactor(teams.formFactor);
      setThemeState(teams.theme);
      teams.onThemeChange((next) => live && setThemeState(next));
    });
    return () => {
      live = false;
    };
  }, []);

  const state = useMemo<HostState>(
    () => ({
      host,
      theme,
      formFactor,
      setTheme:
        host === 'teams'
          ? undefined
          : (next) => {
              saveBrowserTheme(next);
              setThemeState(next);
            },
    }),
    [host, theme, formFactor],
  );

  // A theme not yet loaded is fetched; meanwhile the one shown stays (at the start, nothing is drawn rather than a
  // flash of the wrong colours).
  const [applied, setApplied] = useState<{ name: ThemeName; theme: Theme } | undefined>(() => {
    const shown = loadedTheme(theme);
    return shown && { name: theme, theme: shown };
  });
  useEffect(() => {
    let live = true;
    loadTheme(theme).then(
      (loadedOne) => live && setApplied({ name: theme, theme: loadedOne }),
      // Offline before the theme came: the light theme is better than nothing.
      () => live && setApplied((shown) => shown ?? { name: 'light', theme: loadedTheme('light')! }),
    );
    return () => {
      live = false;
    };
  }, [theme]);

  // The page behind the provider takes the shown theme's colours too, so no white edges show in dark or contrast;
  // it follows the theme drawn, not the one asked for, so the page and the provider never disagree while one loads.
  // Before paint (a layout effect), so no one ever sees the provider in one theme and the page in another.
  const shownName = applied?.name;
  useLayoutEffect(() => {
    if (!shownName) return;
    document.documentElement.dataset.theme = shownName;
    document.documentElement.style.colorScheme = shownName === 'light' ? 'light' : 'dark';
  }, [shownName]);

  return (
    <HostContext.Provider value={state}>
      {applied && (
        <FluentProvider theme={applied.theme} applyStylesToPortals style={{ minHeight: '100vh' }}>
          {children}
        </FluentProvider>
      )}
    </HostContext.Provider>
  );
}
