import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReportTable as Table } from '../../../../src/domain/indicators/tables';
import { ScrollBox } from '../../components/layout/ScrollBox';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', minWidth: '16rem' },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
});

/** One indicator table: a real table with a caption and column headings, so screen readers can walk it. */
export function ReportTable({ table }: { table: Table }) {
  const styles = useStyles();
  return (
    <ScrollBox label={table.title}>
      <table className={styles.table}>
        <caption className={styles.caption}>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col" className={styles.cell}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr><td className={styles.cell} colSpan={table.columns.length}>None in this period.</td></tr>
          ) : table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (c === 0
                ? <th key={c} scope="row" className={styles.cell}>{cell ?? '–'}</th>
                : <td key={c} className={`${styles.cell} ${typeof cell === 'number' ? styles.number : ''}`}>{cell ?? '–'}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
