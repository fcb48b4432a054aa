import { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';

// The dark and high-contrast themes, loaded only when asked for (themes.ts): most people open the tab in the light
// theme, which the first load carries.
export const otherThemes = { dark: webDarkTheme, contrast: teamsHighContrastTheme };
