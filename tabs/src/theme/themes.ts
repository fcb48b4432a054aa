import { type Theme, webLightTheme } from '@fluentui/react-components';
import { safeStorage } from '../safeStorage';

export const THEME_NAMES = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export const THEME_LABELS: Record<ThemeName, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

// Only the light theme is in the first load; the dark and high-contrast ones (otherThemes.ts) come when first asked for.
const loaded: Partial<Record<ThemeName, Theme>> = { light: webLightTheme };

/** The theme if it has loaded (the light one always has). */
export const loadedTheme = (name: ThemeName): Theme | undefined => loaded[name];

export async function loadTheme(name: ThemeName): Promise<Theme> {
  const have = loaded[name];
  if (have) return have;
  const { otherThemes } = await import('./otherThemes');
  const theme = name === 'light' ? webLightTheme : otherThemes[name];
  loaded[name] = theme;
  return theme;
}

const isThemeName = (value: string | null): value is ThemeName => THEME_NAMES.includes(value as ThemeName);

/** Teams names its themes 'default', 'dark' and 'contrast'. */
export const fromTeamsTheme = (teamsTheme: string | undefined): ThemeName =>
  teamsTheme === 'dark' ? 'dark' : teamsTheme === 'contrast' ? 'contrast' : 'light';

const STORAGE_KEY = 'riskpanel.theme';

/**
 * Outside Teams: `?theme=` in the address wins (links and tests can ask for a theme), then the user's saved
 * choice, then the system's forced-colours or dark preference.
 */
export function initialBrowserTheme(): ThemeName {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  if (isThemeName(fromUrl)) return fromUrl;
  const saved = safeStorage()?.getItem(STORAGE_KEY) ?? null;
  if (isThemeName(saved)) return saved;
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'light';
}

export function saveBrowserTheme(name: ThemeName): void {
  safeStorage()?.setItem(STORAGE_KEY, name);
}
