import { Card, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalM, alignContent: 'start' },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

/** A titled card that is also a landmark-free section: its h2 names it for screen readers' heading lists. */
export function Section({ title, id, children, tools }: { title: string; id: string; children: ReactNode; tools?: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={id} id={`${id}-section`}>
      <Card className={styles.card}>
        <div className={styles.head}>
          <h2 id={id} className={styles.h2} tabIndex={-1}>
            {title}
          </h2>
          {tools}
        </div>
        {children}
      </Card>
    </section>
  );
}

export const useMutedStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  secondary: { color: tokens.colorNeutralForeground2 },
});
