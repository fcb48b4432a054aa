import { Button, Checkbox, Field, ProgressBar, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, FilterRegular } from '@fluentui/react-icons';
import { type ReactNode, useEffect, useState } from 'react';
import { ON_PHONE } from '../../components/layout/breakpoints';
import { useCompactLayout } from '../../components/layout/useCompactLayout';
import { CASE_STATUSES, RISK_LEVELS } from '../../../../src/domain/enums';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { useDirectory } from '../../hooks/useDirectory';
import { RISK_LEVEL_LABELS, STATUS_LABELS } from '../../labels';
import { registerHref, replaceHash } from '../../routing/useHashRoute';
import { type RegisterQuery, SORT_FIELDS, type SortField, type SortOrder, isFiltered, readQuery, writeQuery } from './registerQuery';
import { useProgressiveRegister } from './useProgressiveRegister';
import { VirtualCaseTable } from './VirtualCaseTable';
import { MemberOptions } from '../../components/MemberOptions';

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
    // On a phone the fields stack, each the full width: no field is wider than the screen.
    [ON_PHONE]: { flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  },
  search: { minWidth: '16rem', [ON_PHONE]: { minWidth: 0 } },
  select: { minWidth: '11rem', [ON_PHONE]: { minWidth: 0, width: '100%' } },
  filtersToggle: { alignSelf: 'flex-start' },
  folded: { display: 'grid', gap: tokens.spacingVerticalM },
  statusRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL, minHeight: '2rem' },
  progress: { flexGrow: 1, maxWidth: '24rem' },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalS },
});

const count = (n: number) => n.toLocaleString('en-GB');

const SORT_LABELS: Record<SortField, [string, string, string]> = {
  ref: ['Reference', 'oldest first', 'newest first'],
  status: ['Status', 'in order', 'reverse order'],
  riskLevel: ['Risk level', 'lowest first', 'highest first'],
  nextReviewDate: ['Next review', 'soonest first', 'latest first'],
  receivedAt: ['Received', 'earliest first', 'latest first'],
};
const SORTS = SORT_FIELDS.flatMap((field) =>
  (['asc', 'desc'] as const).map((order) => {
    const [name, asc, desc] = SORT_LABELS[field];
    return { value: `${field}:${order}`, label: `${name}, ${order === 'asc' ? asc : desc}` };
  }),
);

/**
 * The filters' fields: on a phone a region the Filters button shows and hides (its id for aria-controls); on a
 * wide screen part of the filter row itself.
 */
function FilterFields({ id, className, children }: { id?: string; className: string; children: ReactNode }) {
  return id ? (
    <div id={id} role="group" aria-label="Filters" className={className}>
      {children}
    </div>
  ) : (
    <>{children}</>
  );
}

/** Marked once per page load: `npm run bench:tab` reads it as the register's first render. */
let rowsMarked = false;
function markFirstRows() {
  if (rowsMarked || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  rowsMarked = true;
  performance.mark('riskpanel:register-rows');
}

/**
 * Every case the user may see, filtered, searched and sorted on the server, scrolled through as one long table whose
 * next page is fetched as the user nears its end; the status says how many match in all.
 */
export default function RegisterPage({ params }: { params: URLSearchParams }) {
  const styles = useStyles();
  const query = readQuery(params);
  const directory = useDirectory();
  const register = useProgressiveRegister(query);

  const update = (change: Partial<RegisterQuery>) => replaceHash(registerHref(writeQuery({ ...query, ...change })));

  // The search box updates the register after a pause in typing, not on every key.
  const [search, setSearch] = useState(query.q);
  // Follow the address (Back, Clear filters) without trimming what is still being typed.
  useEffect(() => setSearch((typed) => (typed.trim() === query.q ? typed : query.q)), [query.q]);
  useEffect(() => {
    if (search.trim() === query.q.trim()) return;
    const timer = setTimeout(() => update({ q: search }), 300);
    return () => clearTimeout(timer);
  });

  const { rows, total, phase, countFailed } = register;
  // The rows come a page at a time as the table is scrolled; the total comes from its own request, after the first
  // rows or before them, and the status (a polite live region) says it once it is known.
  const status =
    phase === 'loading'
      ? 'Loading cases…'
      : total === undefined
        ? rows.length === 0
          ? ''
          : `${count(rows.length)} ${rows.length === 1 ? 'case' : 'cases'} loaded; ${countFailed ? 'the total could not be counted' : 'counting how many match…'}`
        : total === 0
          ? 'No cases match these filters.'
          : `Showing ${count(rows.length)} of ${count(total)} ${total === 1 ? 'case' : 'cases'}${rows.length < total ? '; scroll down for more' : ''}.`;

  // On a phone the filters other than the search fold behind a button that says how many are set.
  const compact = useCompactLayout();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const setCount = [query.status, query.agencyId, query.riskLevel, query.leadProfessionalId, query.reviewDue].filter(Boolean).length;
  const showFilters = !compact || filtersOpen;

  const sortBy = (field: SortField) => update({ sort: field, order: query.sort === field && query.order === 'asc' ? 'desc' : 'asc' });
  const leads = directory.members.filter((m) => m.active !== false);

  return (
    <>
      <PageHeading focusKey="register">Case register</PageHeading>
      <div role="search" aria-label="Filter the register">
        <form
          className={styles.filters}
          onSubmit={(event) => {
            event.preventDefault();
            update({ q: search });
          }}
        >
          <Field label="Search by reference or initials" className={styles.search}>
            <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} placeholder="e.g. CASPA-2026-0014 or J.S." />
          </Field>
          {compact && (
            <Button
              className={styles.filtersToggle}
              icon={<FilterRegular />}
              aria-expanded={filtersOpen}
              aria-controls="register-filters"
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {setCount ? `Filters (${setCount} set)` : 'Filters'}
            </Button>
          )}
          {showFilters && (
            <FilterFields id={compact ? 'register-filters' : undefined} className={styles.folded}>
              <Field label="Status">
                <Select className={styles.select} value={query.status} onChange={(_, d) => update({ status: d.value })}>
                  <option value="">Any status</option>
                  {CASE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Agency">
                <Select className={styles.select} value={query.agencyId} onChange={(_, d) => update({ agencyId: d.value })}>
                  <option value="">Any agency</option>
                  {directory.agencies.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Risk level">
                <Select className={styles.select} value={query.riskLevel} onChange={(_, d) => update({ riskLevel: d.value })}>
                  <option value="">Any risk level</option>
                  {RISK_LEVELS.map((r) => (
                    <option key={r} value={r}>
                      {RISK_LEVEL_LABELS[r]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Lead professional">
                <Select className={styles.select} value={query.leadProfessionalId} onChange={(_, d) => update({ leadProfessionalId: d.value })}>
                  <option value="">Anyone</option>
                  <MemberOptions members={leads} />
                </Select>
              </Field>
              <Checkbox label="Review due" checked={query.reviewDue} onChange={(_, d) => update({ reviewDue: d.checked === true })} />
              {compact && (
                // The table's column headers sort on wide screens; a phone's two columns cannot hold every sort.
                <Field label="Sort by">
                  <Select
                    className={styles.select}
                    value={`${query.sort}:${query.order}`}
                    onChange={(_, d) => {
                      const [sort, order] = d.value.split(':') as [SortField, SortOrder];
                      update({ sort, order });
                    }}
                  >
                    {SORTS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
            </FilterFields>
          )}
          {isFiltered(query) && (
            <Button
              icon={<DismissRegular />}
              onClick={() => {
                setSearch('');
                update({ status: '', agencyId: '', riskLevel: '', leadProfessionalId: '', reviewDue: false, q: '' });
              }}
            >
              Clear filters
            </Button>
          )}
        </form>
      </div>

      <div className={styles.statusRow}>
        <LiveStatus message={status} busy={phase === 'loading'} />
        {phase === 'more' && (
          <Field className={styles.progress} label="Loading more cases" orientation="horizontal">
            <ProgressBar thickness="large" />
          </Field>
        )}
      </div>
      {phase === 'error' && (
        <ErrorNotice
          title={rows.length ? 'Not every case could be loaded' : 'The register could not be loaded'}
          message={register.error?.message ?? ''}
          onRetry={register.retry}
        />
      )}

      {(rows.length > 0 || phase === 'done') && (
        <VirtualCaseTable
          rows={rows}
          total={phase === 'loading' ? rows.length : total}
          busy={phase === 'loading'}
          sort={query.sort}
          order={query.order}
          onSort={sortBy}
          describedBy="register-keys"
          onRowsRendered={markFirstRows}
          onNearEnd={register.loadMore}
        />
      )}
      <p id="register-keys" className={styles.hint}>
        Select a reference to open the case. In the table, the up and down arrow keys, Page Up, Page Down, Home and End move between cases.
      </p>
    </>
  );
}
