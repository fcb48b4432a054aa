import {
  Button, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, makeStyles,
} from '@fluentui/react-components';
import { PersonCircleRegular, PersonSwapRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useHost } from '../../theme/HostThemeProvider';
import { THEME_LABELS, THEME_NAMES, type ThemeName } from '../../theme/themes';

const useStyles = makeStyles({ item: { minHeight: '44px' } });

/**
 * Local mode's own controls on a phone, folded into one menu: who you are, switch persona, the theme. Inside
 * Teams there is neither (Teams signs you in and picks the theme), so the menu is not shown at all.
 */
export function LocalModeMenu({ signedInAs, switchPersona }: { signedInAs?: ReactNode; switchPersona?: () => void }) {
  const styles = useStyles();
  const { theme, setTheme } = useHost();
  if (!switchPersona && !setTheme) return null;
  return (
    <Menu
      checkedValues={{ theme: [theme] }}
      onCheckedValueChange={(_, data) => {
        const next = data.checkedItems[0];
        if (next && setTheme) setTheme(next as ThemeName);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<PersonCircleRegular />} appearance="subtle" aria-label={signedInAs ? 'Persona and theme' : 'Theme'} title={signedInAs ? 'Persona and theme' : 'Theme'} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {signedInAs && (
            <MenuGroup>
              <MenuGroupHeader>{signedInAs}</MenuGroupHeader>
              {switchPersona && (
                <MenuItem className={styles.item} icon={<PersonSwapRegular />} onClick={switchPersona}>
                  Switch persona
                </MenuItem>
              )}
            </MenuGroup>
          )}
          {setTheme && (
            <>
              {signedInAs && <MenuDivider />}
              <MenuGroup>
                <MenuGroupHeader>Theme</MenuGroupHeader>
                {THEME_NAMES.map((name) => (
                  <MenuItemRadio key={name} className={styles.item} name="theme" value={name}>
                    {THEME_LABELS[name]}
                  </MenuItemRadio>
                ))}
              </MenuGroup>
            </>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
