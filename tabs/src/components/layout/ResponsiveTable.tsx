import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, type Ref, Fragment } from 'react';
import { useStaticRowStyles } from '../tableStyles';
import { ScrollBox } from './ScrollBox';
import { useCompactLayout } from './useCompactLayout';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS, ':focus': { outline: 'none' } },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // Long references, names and notes wrap inside the card instead of pushing the page sideways.
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  details: { display: 'grid', gridTemplateColumns: 'minmax(4.5rem, max-content) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0 },
  action: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ResponsiveColumn<T> {
  key: string;
  /** The column's header; on a phone, the label beside the value (plain text, so it reads as a term). */
  header: string;
  cell: (row: T) => ReactNode;
  /** A class for the column's header cell on wide screens (its width). */
  headerClassName?: string;
}

/** How a row reads on a phone: who or what it is and its state first, the main action last, nothing off to the side. */
export interface StackedRow<T> {
  /** The first line: the reference (a link) and initials, or whatever names the row. */
  title: (row: T) => ReactNode;
  /** The row's state (status, overdue), beside the title. */
  state?: (row: T) => ReactNode;
  /** Columns shown as "header: value" lines under the title, in this order (by key). */
  details: string[];
  /** The row's main action(s), at the foot of the card, full width. */
  action?: (row: T) => ReactNode;
}

export interface ResponsiveTableProps<T> {
  /** The accessible name of the table (wide) or the list (phone). */
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: ResponsiveColumn<T>[];
  stacked: StackedRow<T>;
  /** The wide table's minimum width: wider than the screen, it scrolls inside its own box, never the page. */
  tableClassName?: string;
  /** The table or list element, for focus rescue (it gets tabIndex -1). */
  containerRef?: Ref<HTMLTableElement & HTMLUListElement>;
  size?: 'small' | 'medium';
}

/**
 * A table on wide screens and a list of stacked cards on a phone (or in the 320 px meeting side panel), from one
 * description of the columns. Pages use this for any list of records whose rows carry an action, so nobody has to
 * scroll sideways to find the reference, the state or the button.
 */
export function ResponsiveTable<T>({ label, rows, rowKey, columns, stacked, tableClassName, containerRef, size }: ResponsiveTableProps<T>) {
  const styles = useStyles();
  const rowStyles = useStaticRowStyles();
  const compact = useCompactLayout();
  const byKey = new Map(columns.map((c) => [c.key, c]));
  if (compact) {
    return (
      // role="list": list-style none makes some browsers drop the list role.
      <ul role="list" className={styles.list} aria-label={label} ref={containerRef} tabIndex={-1}>
        {rows.map((row) => (
          <li key={rowKey(row)} className={styles.card}>
            <div className={styles.head}>
              {stacked.title(row)}
              {stacked.state?.(row)}
            </div>
            {stacked.details.length > 0 && (
              <dl className={styles.details}>
                {stacked.details.map((key) => {
                  const column = byKey.get(key);
                  if (!column) return null;
                  return (
                    <Fragment key={key}>
                      <dt className={styles.term}>{column.header}</dt>
                      <dd className={styles.value}>{column.cell(row)}</dd>
                    </Fragment>
                  );
                })}
              </dl>
            )}
            {stacked.action && <div className={styles.action}>{stacked.action(row)}</div>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ScrollBox label={label}>
      <Table ref={containerRef} tabIndex={-1} aria-label={label} className={tableClassName} size={size}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.key} className={c.headerClassName}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} className={rowStyles.row}>
              {columns.map((c) => (
                <TableCell key={c.key}>{c.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}
