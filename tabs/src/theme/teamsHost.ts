import { fromTeamsTheme, type ThemeName } from './themes';

/** What kind of screen the tab is on: Teams says so in its context; a plain browser is taken as a desktop. */
export type FormFactor = 'desktop' | 'tablet' | 'phone';

/** Teams' clientType (app.host.clientType): its mobile apps are 'android' and 'ios'; 'ipados' is a tablet. */
export function formFactorOf(clientType: string | undefined): FormFactor {
  if (clientType === 'android' || clientType === 'ios') return 'phone';
  if (clientType === 'ipados') return 'tablet';
  return 'desktop';
}

export interface TeamsHost {
  theme: ThemeName;
  formFactor: FormFactor;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The page a deep link asked for (context.page.subPageId, e.g. "cases/<id>"), if any. */
  subPageId?: string;
}

/**
 * Teams hosts a tab in a frame (web, desktop) or a native webview (mobile); a top-level browser window is never
 * Teams, and teams-js itself refuses to start there.
 */
export const mayBeInTeams = (): boolean => window.parent !== window || Boolean(window.opener) || 'nativeInterface' in window;

/**
 * Resolves to the Teams host when the tab runs inside Teams, or undefined in a plain browser. teams-js is loaded
 * only when Teams is possible: on import it fetches its list of valid hosts from a Microsoft CDN, which a plain
 * browser has no use for. Inside a frame that is not Teams it would wait for ever, hence the timeout.
 */
export async function detectTeams(timeoutMs = 2000): Promise<TeamsHost | undefined> {
  if (!mayBeInTeams()) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Teams did not answer')), timeoutMs);
  });
  try {
    const { app } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout]);
    const context = await Promise.race([app.getContext(), timeout]);
    app.notifySuccess();
    return {
      theme: fromTeamsTheme(context.app.theme),
      formFactor: formFactorOf(context.app.host?.clientType),
      subPageId: context.page.subPageId || undefined,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((teamsTheme) => handler(fromTeamsTheme(teamsTheme))),
    };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
