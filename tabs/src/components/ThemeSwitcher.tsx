import { Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useHost } from '../theme/HostThemeProvider';
import { THEME_LABELS, THEME_NAMES, type ThemeName } from '../theme/themes';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  select: { minWidth: '9rem' },
});

/** Outside Teams only: inside, the tab follows the theme the user picked in Teams. */
export function ThemeSwitcher() {
  const { setTheme, theme } = useHost();
  const id = useId('theme');
  const styles = useStyles();
  if (!setTheme) return null;
  return (
    <div className={styles.root}>
      <label htmlFor={id}>Theme</label>
      <Select id={id} className={styles.select} value={theme} onChange={(_, data) => setTheme(data.value as ThemeName)}>
        {THEME_NAMES.map((name) => (
          <option key={name} value={name}>
            {THEME_LABELS[name]}
          </option>
        ))}
      </Select>
    </div>
  );
}
