import { makeStyles, tokens } from '@fluentui/react-components';
import type { ImportResult, ImportRow } from '../../../../src/contract';
import { ResponsiveTable } from '../../components/layout/ResponsiveTable';
import { caseHref } from '../../routing/useHashRoute';
import { KIND_LABELS, PREVIEW_OUTCOMES, RESULT_OUTCOMES } from './importLabels';

const useStyles = makeStyles({
  table: { minWidth: '40rem' },
  refused: { fontWeight: tokens.fontWeightSemibold },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  title: { fontWeight: tokens.fontWeightSemibold },
});

type ResultRow = ImportResult['rows'][number];

/** The file's rows, each with what it holds and what happens (or happened) to it, and why. */
export function ImportRowsTable({ label, rows, done }: { label: string; rows: (ImportRow | ResultRow)[]; done: boolean }) {
  const styles = useStyles();
  const outcomes = done ? RESULT_OUTCOMES : PREVIEW_OUTCOMES;
  const outcome = (r: ImportRow) => <span className={r.outcome === 'refused' ? styles.refused : undefined}>{outcomes[r.outcome]}</span>;
  const reference = (r: ImportRow | ResultRow) => {
    const created = 'caseId' in r && r.caseId && r.ref;
    // Once imported, a row links to its case in RiskPanel (an action row to the case it was added to).
    return created ? <a href={caseHref(r.caseId!)}>{r.reference ? `${r.reference} (now ${r.ref})` : r.ref}</a> : (r.reference ?? '—');
  };
  const reasons = (r: ImportRow) =>
    r.reasons.length === 0 ? '' : r.reasons.length === 1 ? r.reasons[0] : <ul className={styles.reasons}>{r.reasons.map((x) => <li key={x}>{x}</li>)}</ul>;
  return (
    <ResponsiveTable
      label={label}
      rows={rows}
      rowKey={(r) => String(r.row)}
      tableClassName={styles.table}
      size="small"
      columns={[
        { key: 'row', header: 'Row', cell: (r) => r.row },
        { key: 'kind', header: 'Holds', cell: (r) => KIND_LABELS[r.kind] },
        { key: 'reference', header: 'Reference', cell: reference },
        { key: 'outcome', header: 'Outcome', cell: outcome },
        { key: 'reasons', header: 'Why', cell: reasons },
      ]}
      stacked={{
        title: (r) => <span className={styles.title}>Row {r.row}</span>,
        state: outcome,
        details: ['kind', 'reference', 'reasons'],
      }}
    />
  );
}
