import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { NavigationRegular, PersonCircleRegular, PersonSwapRegular, ShieldTaskRegular } from '@fluentui/react-icons';
import { lazy, type MouseEvent, type ReactNode, Suspense } from 'react';
import type { Session } from '../auth/session';
import { useHost } from '../theme/HostThemeProvider';
import { ROLE_LABELS } from '../labels';
import { ON_PHONE } from './layout/breakpoints';
import { useCompactLayout } from './layout/useCompactLayout';
import { ThemeSwitcher } from './ThemeSwitcher';
import { UserText } from './UserText';

// Fluent's Menu (with its positioning engine) is only needed on a phone: its own chunk, not part of every first load.
// Until it arrives its trigger is shown disabled in its place, so the banner does not shift.
const NavMenu = lazy(() => import('./layout/NavMenu').then((m) => ({ default: m.NavMenu })));
const LocalModeMenu = lazy(() => import('./layout/LocalModeMenu').then((m) => ({ default: m.LocalModeMenu })));

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 10,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // On a phone the banner is one line (brand, menu, local-mode menu): the content starts about 50 px down.
  compactHeader: {
    flexWrap: 'nowrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  brandIcon: { fontSize: '24px', color: tokens.colorBrandForeground1 },
  nav: { display: 'flex', gap: tokens.spacingHorizontalXS, flexGrow: 1 },
  navLink: {
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  navCurrent: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
  spacer: { flexGrow: 1 },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '1280px',
    margin: '0 auto',
    ':focus': { outline: 'none' },
    [ON_PHONE]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
});

export interface NavItem { href: string; label: string; current: boolean }

const signedInLine = (session: Session): ReactNode => (
  <>
    Signed in as <UserText>{session.me.member.name}</UserText>, {session.me.agency.shortName} ({session.me.member.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(', ')})
  </>
);

/**
 * The page frame: skip link, banner (who you are, theme), navigation and the one main region. On a phone (or in
 * Teams' mobile app) the navigation and local mode's controls fold into a menu each (NavMenu, LocalModeMenu).
 */
export function Shell({ children, session, nav = [] }: { children: ReactNode; session?: Session; nav?: NavItem[] }) {
  const styles = useStyles();
  const compact = useCompactLayout();
  return (
    <>
      <a className={styles.skip} href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      {compact ? (
        <header className={mergeClasses(styles.header, styles.compactHeader)}>
          <span className={styles.brand}>
            <ShieldTaskRegular className={styles.brandIcon} aria-hidden />
            <Text weight="semibold" size={400}>
              RiskPanel
            </Text>
          </span>
          <span className={styles.spacer} />
          {nav.length > 0 && (
            <Suspense
              fallback={
                <nav aria-label="Main">
                  <Button icon={<NavigationRegular />} appearance="subtle" disabled>
                    Menu
                  </Button>
                </nav>
              }
            >
              <NavMenu nav={nav} />
            </Suspense>
          )}
          <Suspense fallback={<LocalModeMenuLoading signedIn={Boolean(session)} />}>
            <LocalModeMenu signedInAs={session && signedInLine(session)} switchPersona={session?.switchPersona} />
          </Suspense>
        </header>
      ) : (
        <header className={styles.header}>
          <span className={styles.brand}>
            <ShieldTaskRegular className={styles.brandIcon} aria-hidden />
            <Text weight="semibold" size={400}>
              RiskPanel
            </Text>
          </span>
          {nav.length > 0 ? (
            <nav aria-label="Main" className={styles.nav}>
              {nav.map((item) => (
                <a
                  key={item.href}
                  href={item.href}
                  aria-current={item.current ? 'page' : undefined}
                  className={mergeClasses(styles.navLink, item.current && styles.navCurrent)}
                >
                  {item.label}
                </a>
              ))}
            </nav>
          ) : (
            <span className={styles.spacer} />
          )}
          {session && (
            <div className={styles.who}>
              <Text>
                Signed in as <strong><UserText>{session.me.member.name}</UserText></strong>, {session.me.agency.shortName} ({session.me.member.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(', ')})
              </Text>
              {session.switchPersona && (
                <Button appearance="subtle" icon={<PersonSwapRegular />} onClick={session.switchPersona}>
                  Switch persona
                </Button>
              )}
            </div>
          )}
          <ThemeSwitcher />
        </header>
      )}
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </>
  );
}

/** LocalModeMenu's trigger while its code loads; none inside Teams, where the menu is not shown either. */
function LocalModeMenuLoading({ signedIn }: { signedIn: boolean }) {
  const { setTheme } = useHost();
  if (!setTheme) return null;
  const label = signedIn ? 'Persona and theme' : 'Theme';
  return <Button icon={<PersonCircleRegular />} appearance="subtle" aria-label={label} title={label} disabled />;
}

// The hash holds the route, so the skip link must move focus itself rather than navigate to "#main".
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
