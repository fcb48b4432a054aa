import { Button, Menu, MenuItemLink, MenuList, MenuPopover, MenuTrigger, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, NavigationRegular } from '@fluentui/react-icons';
import type { NavItem } from '../Shell';

const useStyles = makeStyles({
  // A menu item is a touch target: at least 44 px tall on a phone, well over WCAG 2.5.8's 24 px.
  item: { minHeight: '44px' },
  current: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * The main navigation on a phone: one "Menu" button in the nav landmark instead of a row of links that would wrap
 * ("Refer an adult" onto three lines). The current page is marked, in words for screen readers too.
 */
export function NavMenu({ nav }: { nav: NavItem[] }) {
  const styles = useStyles();
  return (
    <nav aria-label="Main">
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<NavigationRegular />} appearance="subtle">
            Menu
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {nav.map((item) => (
              <MenuItemLink
                key={item.href}
                href={item.href}
                aria-current={item.current ? 'page' : undefined}
                className={item.current ? `${styles.item} ${styles.current}` : styles.item}
                icon={item.current ? <CheckmarkRegular /> : <span aria-hidden />}
              >
                {item.label}
              </MenuItemLink>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </nav>
  );
}
