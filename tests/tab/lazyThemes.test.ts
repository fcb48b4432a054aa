import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { loadedTheme, loadTheme } from '../../tabs/src/theme/themes';

// Only the light theme is in the tab's first load; the dark and high-contrast themes arrive when first asked for and
// are then at hand.

test('the light theme is there from the start; the others once loaded', async () => {
  expect(loadedTheme('light')).toBe(webLightTheme);
  expect(loadedTheme('dark')).toBeUndefined();
  expect(loadedTheme('contrast')).toBeUndefined();
  await expect(loadTheme('dark')).resolves.toBe(webDarkTheme);
  expect(loadedTheme('dark')).toBe(webDarkTheme);
  await expect(loadTheme('contrast')).resolves.toBe(teamsHighContrastTheme);
  expect(loadedTheme('contrast')).toBe(teamsHighContrastTheme);
});
