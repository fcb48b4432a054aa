import {
  Badge, Button, Checkbox, Field, Link, SearchBox, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell,
  TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, DismissRegular, InfoRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { CASE_STATUSES, RISK_LEVELS } from '../../../src/domain/enums';
import { registerPageSchema, type RegisterRow } from '../api/schemas';
import { RiskBadge, StatusBadge } from '../components/CaseBadges';
import { PageHeading } from '../components/PageHeading';
import { ErrorNotice, LiveStatus } from '../components/Status';
import { useStaticRowStyles } from '../components/tableStyles';
import { formatDay } from '../format';
import { useApi } from '../hooks/useApi';
import { useDirectory } from '../hooks/useDirectory';
import { RISK_LEVEL_LABELS, STATUS_LABELS } from '../labels';
import { caseHref, registerHref, replaceHash } from '../routing/useHashRoute';
import { PAGE_SIZE, type RegisterQuery, type SortField, apiPath, readQuery, writeQuery } from './registerQuery';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  search: { minWidth: '16rem' },
  select: { minWidth: '11rem' },
  tableWrap: { overflowX: 'auto' },
  table: { minWidth: '760px' },
  refCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalS },
  ref: { fontWeight: tokens.fontWeightSemibold },
  refColumn: { width: '16rem' },
  // Wraps over several lines where the column is narrow, unlike a Badge.
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
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { padding: tokens.spacingVerticalXL, textAlign: 'center' },
});

const COLUMNS: { label: string; sort?: SortField }[] = [
  { label: 'Reference', sort: 'ref' },
  { label: 'Initials' },
  { label: 'Status', sort: 'status' },
  { label: 'Risk level', sort: 'riskLevel' },
  { label: 'Lead agency' },
  { label: 'Next review', sort: 'nextReviewDate' },
  { label: 'Received', sort: 'receivedAt' },
];

/** The server's "review due" filter counts a review due within 14 days (REVIEW_DUE_WITHIN_DAYS); the badge agrees. */
const REVIEW_DUE_WITHIN_DAYS = 14;
const reviewHorizon = () => new Date(Date.now() + REVIEW_DUE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
const LIVE = new Set(['open', 'escalated']);

export function RegisterPage({ params }: { params: URLSearchParams }) {
  const styles = useStyles();
  const query = readQuery(params);
  const directory = useDirectory();
  const path = apiPath(query);
  const result = useApi(path, (client, signal) => client.get(path, registerPageSchema, signal));

  const update = (change: Partial<RegisterQuery>) =>
    replaceHash(registerHref(writeQuery({ ...query, page: 1, ...change })));

  // The search box updates the register after a pause in typing, not on every key.
  const [search, setSearch] = useState(query.q);
  // Follow the address (Back, Clear filters) without trimming what is still being typed.
  useEffect(() => setSearch((typed) => (typed.trim() === query.q ? typed : query.q)), [query.q]);
  useEffect(() => {
    if (search.trim() === query.q.trim()) return;
    const timer = setTimeout(() => update({ q: search }), 300);
    return () => clearTimeout(timer);
  });

  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, first + data.items.length - 1) : 0;
  const status =
    result.state === 'loading'
      ? 'Loading cases…'
      : data
        ? data.total === 0
          ? 'No cases match these filters.'
          : `Showing ${first}–${last} of ${data.total} cases.`
        : '';
  const filtered = Boolean(query.status || query.agencyId || query.riskLevel || query.reviewDue || query.q);

  const sortBy = (field: SortField) =>
    update({ sort: field, order: query.sort === field && query.order === 'asc' ? 'desc' : 'asc', page: query.page });

  return (
    <>
      <PageHeading focusKey="register">Case register</PageHeading>
      <div role="search" aria-label="Filter the register">
        <form className={styles.filters} onSubmit={(event) => { event.preventDefault(); update({ q: search }); }}>
          <Field label="Search by reference or initials" className={styles.search}>
            <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} placeholder="e.g. CASPA-2026-0014 or J.S." />
          </Field>
          <Field label="Status">
            <Select className={styles.select} value={query.status} onChange={(_, d) => update({ status: d.value })}>
              <option value="">Any status</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>{STATUS_LABELS[s]}</option>
              ))}
            </Select>
          </Field>
          <Field label="Agency">
            <Select className={styles.select} value={query.agencyId} onChange={(_, d) => update({ agencyId: d.value })}>
              <option value="">Any agency</option>
              {directory.agencies.map((a) => (
                <option key={a.id} value={a.id}>{a.name}</option>
              ))}
            </Select>
          </Field>
          <Field label="Risk level">
            <Select className={styles.select} value={query.riskLevel} onChange={(_, d) => update({ riskLevel: d.value })}>
              <option value="">Any risk level</option>
              {RISK_LEVELS.map((r) => (
                <option key={r} value={r}>{RISK_LEVEL_LABELS[r]}</option>
              ))}
            </Select>
          </Field>
          <Checkbox label="Review due" checked={query.reviewDue} onChange={(_, d) => update({ reviewDue: d.checked === true })} />
          {filtered && (
            <Button icon={<DismissRegular />} onClick={() => { setSearch(''); update({ status: '', agencyId: '', riskLevel: '', reviewDue: false, q: '' }); }}>
              Clear filters
            </Button>
          )}
        </form>
      </div>

      <LiveStatus message={status} busy={result.state === 'loading'} />
      {result.state === 'error' && <ErrorNotice title="The register could not be loaded" message={result.error.message} onRetry={result.reload} />}

      {data && (
        <div className={styles.tableWrap}>
          <Table sortable aria-label="Cases" className={styles.table} aria-busy={result.state === 'loading'}>
            <TableHeader>
              <TableRow>
                {COLUMNS.map((col) =>
                  col.sort ? (
                    <TableHeaderCell
                      key={col.label}
                      className={col.sort === 'ref' ? styles.refColumn : undefined}
                      sortDirection={query.sort === col.sort ? (query.order === 'asc' ? 'ascending' : 'descending') : undefined}
                      onClick={() => sortBy(col.sort!)}
                    >
                      {col.label}
                    </TableHeaderCell>
                  ) : (
                    <TableHeaderCell key={col.label}>{col.label}</TableHeaderCell>
                  ),
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((row) => (
                <RegisterTableRow key={row.id} row={row} />
              ))}
              {data.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={COLUMNS.length} className={styles.empty}>
                    No cases match these filters.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </div>
      )}

      {data && pages > 1 && (
        <nav aria-label="Pages of the register" className={styles.pager}>
          <Button icon={<ChevronLeftRegular />} disabled={data.page <= 1} onClick={() => update({ page: data.page - 1 })}>
            Previous page
          </Button>
          <Text>
            Page {data.page} of {pages}
          </Text>
          <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={data.page >= pages} onClick={() => update({ page: data.page + 1 })}>
            Next page
          </Button>
        </nav>
      )}
      <p className={styles.muted}>{PAGE_SIZE} cases a page. Select a reference to open the case.</p>
    </>
  );
}

function RegisterTableRow({ row }: { row: RegisterRow }) {
  const styles = useStyles();
  const directory = useDirectory();
  const rowStyles = useStaticRowStyles();
  const lead = directory.agency(row.leadAgencyId);
  const reviewDue = row.access === 'full' && LIVE.has(row.status) && row.nextReviewDate && row.nextReviewDate <= reviewHorizon();
  return (
    <TableRow className={rowStyles.row}>
      <TableCell>
        <div className={styles.refCell}>
          <Link href={caseHref(row.id)} className={styles.ref}>
            {row.ref}
          </Link>
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
        </div>
      </TableCell>
      <TableCell>{row.initials}</TableCell>
      <TableCell><StatusBadge status={row.status} /></TableCell>
      <TableCell><RiskBadge level={row.riskLevel} /></TableCell>
      <TableCell>{lead ? <abbr title={lead.name}>{lead.shortName}</abbr> : ''}</TableCell>
      <TableCell>
        <span className={styles.due}>
          {formatDay(row.nextReviewDate)}
          {reviewDue && (
            <Badge appearance="tint" color="warning" shape="rounded">
              Review due
            </Badge>
          )}
        </span>
      </TableCell>
      <TableCell>{formatDay(row.receivedAt)}</TableCell>
    </TableRow>
  );
}
