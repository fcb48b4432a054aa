import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { UserText } from './UserText';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Term and value pairs as a description list; an empty value says "Not recorded" rather than leaving a gap. Text
 * values are isolated (UserText): most are what someone typed.
 */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd>{value === '' || value === undefined || value === null ? <span className={styles.muted}>Not recorded</span> : typeof value === 'string' ? <UserText>{value}</UserText> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
