import {
  Badge, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RegisterItem } from '../../../../src/contract';
import { RiskBadge, StatusBadge } from '../../components/CaseBadges';
import { useCompactLayout } from '../../components/layout/useCompactLayout';
import { useStaticRowStyles } from '../../components/tableStyles';
import { formatDay } from '../../format';
import { useDirectory } from '../../hooks/useDirectory';
import { caseHref } from '../../routing/useHashRoute';
import type { SortField, SortOrder } from './registerQuery';
import { UserText } from '../../components/UserText';

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    maxHeight: 'max(24rem, calc(100vh - 21rem))',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // Rows scroll under the header; the header stays.
    overscrollBehavior: 'contain',
  },
  table: { minWidth: '960px', tableLayout: 'fixed' },
  // A phone's register: two columns that fit 320 px, the case and its state; the rest is on the case page.
  compactTable: { tableLayout: 'fixed', width: '100%' },
  caseColumn: { width: '56%' },
  stateCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  compactRef: { overflowWrap: 'anywhere' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `0 ${tokens.strokeWidthThin} 0 ${tokens.colorNeutralStroke1}`,
  },
  refColumn: { width: '17rem' },
  narrow: { width: '7rem' },
  medium: { width: '10rem' },
  refCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  ref: { fontWeight: tokens.fontWeightSemibold },
  summaryNote: {
    display: 'inline-flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  noteIcon: { flexShrink: 0, fontSize: '16px', color: tokens.colorBrandForeground1 },
  due: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  spacer: { padding: 0, border: 'none' },
  empty: { padding: tokens.spacingVerticalXL, textAlign: 'center' },
});

export const COLUMNS: { label: string; sort?: SortField; width?: 'ref' | 'narrow' | 'medium' }[] = [
  { label: 'Reference', sort: 'ref', width: 'ref' },
  { label: 'Initials', width: 'narrow' },
  { label: 'Status', sort: 'status', width: 'medium' },
  { label: 'Risk level', sort: 'riskLevel', width: 'narrow' },
  { label: 'Lead agency', width: 'narrow' },
  { label: 'Next review', sort: 'nextReviewDate', width: 'medium' },
  { label: 'Received', sort: 'receivedAt', width: 'medium' },
];

/** On a phone: the case (reference, initials, notes) and its state (status, risk, review due). */
export const COMPACT_COLUMNS: { label: string; sort: SortField }[] = [
  { label: 'Case', sort: 'ref' },
  { label: 'Status', sort: 'status' },
];

/** The server's "review due" filter counts a review due within 14 days (REVIEW_DUE_WITHIN_DAYS); the badge agrees. */
const REVIEW_DUE_WITHIN_DAYS = 14;
const LIVE = new Set(['open', 'escalated']);
/** How many rows PageUp and PageDown move. */
const PAGE_STEP = 10;
/** The next page is asked for when the last row rendered is this close to the last row fetched. */
const NEAR_END_ROWS = 40;

export interface VirtualCaseTableProps {
  rows: RegisterItem[];
  /** Every case that matches, fetched or not (for aria-rowcount); the rows fetched when not given. */
  total?: number;
  busy: boolean;
  sort: SortField;
  order: SortOrder;
  onSort: (field: SortField) => void;
  /** Ids of what explains the keys (arrow keys move between cases). */
  describedBy?: string;
  /** Called once the first rows are on screen (the benchmark's "first render"). */
  onRowsRendered?: () => void;
  /** Called whenever the rows in view come near the last row fetched: time to fetch the next page. */
  onNearEnd?: () => void;
}

/**
 * The register as a table that renders only the rows in view (and a few either side), so thousands of cases scroll
 * as smoothly as twenty; as the rows in view near the last one fetched it says so (onNearEnd), and the rows of the
 * next page join the end of the table. Keyboard: the table is one Tab stop (the current case's reference link); the arrow keys,
 * PageUp/PageDown and Home/End move between cases, scrolling them into view; Enter opens one.
 */
export function VirtualCaseTable({ rows, total, busy, sort, order, onSort, describedBy, onRowsRendered, onNearEnd }: VirtualCaseTableProps) {
  const styles = useStyles();
  const compact = useCompactLayout();
  const columnCount = compact ? COMPACT_COLUMNS.length : COLUMNS.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const reviewHorizon = new Date(Date.now() + REVIEW_DUE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 53,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const rendered = new Set(items.map((i) => i.index));
  // Exactly one reference link is in the Tab order: the current one, or the first in view when it has scrolled away.
  const tabbable = rendered.has(active) ? active : (items[0]?.index ?? 0);

  // A new query starts at the top.
  const firstId = rows[0]?.id;
  useEffect(() => setActive(0), [firstId]);
  const hasRows = rows.length > 0;
  const rowsRendered = useRef(onRowsRendered);
  rowsRendered.current = onRowsRendered;
  useEffect(() => {
    if (hasRows) rowsRendered.current?.();
  }, [hasRows]);

  // Scrolling (or the keys) brought the last rows fetched near: ask for more. Asked again as the view moves, and
  // the register ignores a request while a page is on its way.
  const lastRendered = items.at(-1)?.index ?? -1;
  const nearEnd = useRef(onNearEnd);
  nearEnd.current = onNearEnd;
  useEffect(() => {
    if (rows.length > 0 && lastRendered >= rows.length - NEAR_END_ROWS) nearEnd.current?.();
  }, [lastRendered, rows.length]);

  // Focus follows the keys once the row asked for has been rendered.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const link = scrollRef.current?.querySelector<HTMLElement>(`[data-row-link="${index}"]`);
    if (link) {
      pendingFocus.current = null;
      link.focus();
    }
  });

  function move(to: number) {
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setActive(index);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    const at = target.dataset.rowLink;
    if (at === undefined) return;
    const index = Number(at);
    const step: Record<string, number | 'first' | 'last'> = {
      ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP, Home: 'first', End: 'last',
    };
    const s = step[event.key];
    if (s === undefined) return;
    event.preventDefault();
    move(s === 'first' ? 0 : s === 'last' ? rows.length - 1 : index + s);
  }

  return (
    <div ref={scrollRef} className={styles.scroller}>
      <Table
        sortable
        aria-label="Cases"
        aria-rowcount={Math.max(total ?? 0, rows.length) + 1}
        aria-busy={busy}
        aria-describedby={describedBy}
        className={compact ? styles.compactTable : styles.table}
      >
        <TableHeader className={styles.head}>
          <TableRow aria-rowindex={1}>
            {compact && COMPACT_COLUMNS.map((col, i) => (
              <TableHeaderCell
                key={col.label}
                className={i === 0 ? styles.caseColumn : undefined}
                sortDirection={sort === col.sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                onClick={() => onSort(col.sort)}
              >
                {col.label}
              </TableHeaderCell>
            ))}
            {!compact && COLUMNS.map((col) => {
              const width = col.width === 'ref' ? styles.refColumn : col.width === 'narrow' ? styles.narrow : styles.medium;
              return col.sort ? (
                <TableHeaderCell
                  key={col.label}
                  className={width}
                  sortDirection={sort === col.sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                  onClick={() => onSort(col.sort!)}
                >
                  {col.label}
                </TableHeaderCell>
              ) : (
                <TableHeaderCell key={col.label} className={width}>
                  {col.label}
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" data-spacer>
              <td colSpan={columnCount} className={styles.spacer} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <RegisterTableRow
                key={item.key}
                row={row}
                index={item.index}
                measure={virtualizer.measureElement}
                tabbable={item.index === tabbable}
                onFocus={() => setActive(item.index)}
                reviewHorizon={reviewHorizon}
                compact={compact}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" data-spacer>
              <td colSpan={columnCount} className={styles.spacer} style={{ height: paddingBottom }} />
            </tr>
          )}
          {rows.length === 0 && !busy && (
            <TableRow>
              <TableCell colSpan={columnCount} className={styles.empty}>
                No cases match these filters.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}

function RegisterTableRow({
  row, index, measure, tabbable, onFocus, reviewHorizon, compact,
}: {
  compact: boolean;
  row: RegisterItem;
  index: number;
  measure: (element: Element | null) => void;
  tabbable: boolean;
  onFocus: () => void;
  reviewHorizon: string;
}) {
  const styles = useStyles();
  const directory = useDirectory();
  const rowStyles = useStaticRowStyles();
  const lead = directory.agency(row.leadAgencyId);
  const reviewDue = row.access === 'full' && row.status !== undefined && LIVE.has(row.status) && row.nextReviewDate && row.nextReviewDate <= reviewHorizon;
  const reviewBadge = reviewDue && (
    <Badge appearance="tint" color="warning" shape="rounded">
      Review due
    </Badge>
  );
  const link = (
    <Link href={caseHref(row.id)} className={compact ? `${styles.ref} ${styles.compactRef}` : styles.ref} tabIndex={tabbable ? 0 : -1} data-row-link={index} onFocus={onFocus}>
      {row.ref}
    </Link>
  );
  // The same notes and status in both layouts; a summary row carries no status (surface rule 1).
  const rowNotes = (
    <>
      {row.access === 'summary' && (
        <span className={styles.summaryNote}>
          <InfoRegular aria-hidden className={styles.noteIcon} />
          Summary only — say whether known to your agency
        </span>
      )}
      {(row.overdueActions ?? 0) > 0 && (
        <Badge appearance="tint" color="danger" shape="rounded">
          {row.overdueActions === 1 ? '1 overdue action' : `${row.overdueActions} overdue actions`}
        </Badge>
      )}
    </>
  );
  const status = row.status ? <StatusBadge status={row.status} /> : <span aria-label="Status not shown on a summary">—</span>;
  if (compact) {
    return (
      <TableRow ref={measure} data-index={index} aria-rowindex={index + 2} className={rowStyles.row}>
        <TableCell>
          <div className={styles.refCell}>
            {link}
            <UserText>{row.initials}</UserText>
            {rowNotes}
          </div>
        </TableCell>
        <TableCell>
          <div className={styles.stateCell}>
            {status}
            <RiskBadge level={row.riskLevel} />
            {reviewBadge}
          </div>
        </TableCell>
      </TableRow>
    );
  }
  return (
    <TableRow ref={measure} data-index={index} aria-rowindex={index + 2} className={rowStyles.row}>
      <TableCell>
        <div className={styles.refCell}>
          {link}
          {rowNotes}
        </div>
      </TableCell>
      <TableCell>
        <UserText>{row.initials}</UserText>
      </TableCell>
      <TableCell>
        {status}
      </TableCell>
      <TableCell>
        <RiskBadge level={row.riskLevel} />
      </TableCell>
      <TableCell>{lead ? <abbr title={lead.name}>{lead.shortName}</abbr> : ''}</TableCell>
      <TableCell>
        <span className={styles.due}>
          {formatDay(row.nextReviewDate)}
          {reviewBadge}
        </span>
      </TableCell>
      <TableCell>{formatDay(row.receivedAt)}</TableCell>
    </TableRow>
  );
}
