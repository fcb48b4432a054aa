import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonSwapRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { ThemeSwitcher } from '../../components/ThemeSwitcher';
import { UserText } from '../../components/UserText';

const useStyles = makeStyles({
  header: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { flexGrow: 1 },
  main: { padding: tokens.spacingHorizontalM, ':focus': { outline: 'none' } },
  stageMain: { padding: tokens.spacingHorizontalXXL, minHeight: '100vh', boxSizing: 'border-box', ':focus': { outline: 'none' } },
});

/**
 * The frame of the meeting surfaces, which Teams shows without the tab's navigation: the side panel (320 pixels
 * wide) gets a one-line banner (who is signed in, the persona switch and theme in local mode); the stage, seen by a
 * room, gets nothing but its content.
 */
export function SurfaceFrame({ children, surface }: { children: ReactNode; surface: 'panel' | 'stage' }) {
  const styles = useStyles();
  const session = useSession();
  if (surface === 'stage') {
    return (
      <main id="main" tabIndex={-1} className={styles.stageMain}>
        {children}
      </main>
    );
  }
  return (
    <>
      <header className={styles.header}>
        <Text className={styles.who} size={200}>
          RiskPanel: <UserText>{session.me.member.name}</UserText>, {session.me.agency.shortName}
        </Text>
        {session.switchPersona && (
          <Button size="small" appearance="subtle" icon={<PersonSwapRegular />} onClick={session.switchPersona}>
            Switch persona
          </Button>
        )}
        <ThemeSwitcher />
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </>
  );
}
