import { Button, Field, Input, ProgressBar, Select, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useRef, useState } from 'react';
import { indicatorsSchema, paths, reportExportSchema } from '../../../../src/contract';
import { indicatorTables, type ReportSection } from '../../../../src/domain/indicators/tables';
import { messageOf } from '../../api/client';
import { saveBase64 } from '../../api/saveFile';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { useDirectory } from '../../hooks/useDirectory';
import { initialChoice, type PeriodChoice, type PeriodKind, periodText } from './periodChoice';
import { ReportTable } from './ReportTable';
import type { ChartName } from './ReportCharts';

// The charts library is big: it loads with this page only, never with the tab's first page.
const ReportChart = lazy(() => import('./ReportCharts'));

const useStyles = makeStyles({
  // minmax(0, 1fr): the column is the page's width, not its widest content's (a chart, a table), down to 320 px.
  page: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'minmax(0, 1fr)' },
  tools: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(18rem, 100%), 1fr))', alignItems: 'start' },
  tables: { display: 'grid', gap: tokens.spacingVerticalM },
  reason: { flexGrow: 1, minWidth: 'min(20rem, 100%)' },
  progress: { display: 'grid', gap: tokens.spacingVerticalXS, maxWidth: '32rem' },
});

/** The audit needs a reason a reader can follow; the API refuses fewer than 3 characters. */
const REASON_MIN = 3;

/** Which table of which section a chart stands beside. */
const CHARTS: Partial<Record<ReportSection['family'], Record<number, ChartName>>> = {
  referrals: { 0: 'referralsByMonth', 1: 'referralsByAgency' },
  closures: { 1: 'riskChange' },
};

/** The board's indicators for a period and optionally one agency, with charts, their tables, and exports. */
export default function ReportsPage() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { client } = useSession();
  const directory = useDirectory();
  const [choice, setChoice] = useState<PeriodChoice>(() => initialChoice());
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState('');
  const [exporting, setExporting] = useState<string>();
  const [exportMessage, setExportMessage] = useState('');
  const [exportError, setExportError] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const reasonInput = useRef<HTMLInputElement>(null);
  const period = periodText(choice);
  const path = paths.reports({ period, agencyId: agencyId || undefined });
  const report = useApi(path, (c, signal) => (period ? c.get(path, indicatorsSchema, signal) : Promise.reject(new Error('Choose a complete period.'))));
  const view = report.data;
  const agencyName = (id: string) => view?.agencies.find((a) => a.id === id)?.name ?? directory.agency(id)?.name ?? id;
  const sections = view ? indicatorTables(view, agencyName) : [];
  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));

  async function exportAs(format: 'xlsx' | 'csv') {
    // The buttons stay enabled (a disabled button cannot be focused or explain itself): a missing reason is said on
    // its field, which takes the focus.
    if (reason.trim().length < REASON_MIN) {
      setReasonError(`Say why you are exporting (at least ${REASON_MIN} characters): it is recorded in the audit trail.`);
      reasonInput.current?.focus();
      return;
    }
    if (!period) {
      setExportError('Choose a complete period first.');
      return;
    }
    setReasonError(undefined);
    setExportError(undefined);
    setExporting(format);
    setExportMessage(format === 'xlsx' ? 'Preparing the workbook…' : 'Preparing the CSV file…');
    try {
      const file = await client.post(paths.reportExports(), { period, ...(agencyId ? { agencyId } : {}), format, reason }, reportExportSchema);
      saveBase64(file.fileName, file.contentType, file.base64);
      setExportMessage(`Downloaded ${file.fileName}.`);
    } catch (error) {
      setExportMessage('');
      setExportError(messageOf(error));
    } finally {
      setExporting(undefined);
    }
  }

  return (
    <div className={styles.page}>
      <PageHeading focusKey="reports">Reports</PageHeading>
      <p className={muted.secondary}>Counts for the board: no adult is named or described here.</p>
      <div className={styles.tools} role="group" aria-label="Period and agency">
        <Field label="Period">
          <Select value={choice.kind} onChange={(_, d) => set({ kind: d.value as PeriodKind })}>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
            <option value="year">Year</option>
            <option value="custom">From and to dates</option>
          </Select>
        </Field>
        {choice.kind === 'month' && (
          <Field label="Month"><Input type="month" value={choice.month} onChange={(_, d) => set({ month: d.value })} /></Field>
        )}
        {(choice.kind === 'quarter' || choice.kind === 'year') && (
          <Field label="Year"><Input type="number" min={2000} max={2100} value={choice.year} onChange={(_, d) => set({ year: d.value })} /></Field>
        )}
        {choice.kind === 'quarter' && (
          <Field label="Quarter">
            <Select value={choice.quarter} onChange={(_, d) => set({ quarter: d.value })}>
              <option value="1">January to March</option>
              <option value="2">April to June</option>
              <option value="3">July to September</option>
              <option value="4">October to December</option>
            </Select>
          </Field>
        )}
        {choice.kind === 'custom' && (
          <>
            <Field label="From"><Input type="date" value={choice.from} onChange={(_, d) => set({ from: d.value })} /></Field>
            <Field label="To"><Input type="date" value={choice.to} onChange={(_, d) => set({ to: d.value })} /></Field>
          </>
        )}
        <Field label="Agency">
          <Select value={agencyId} onChange={(_, d) => setAgencyId(d.value)}>
            <option value="">All agencies</option>
            {directory.agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </Select>
        </Field>
      </div>
      <div className={styles.tools} role="group" aria-label="Export">
        <Field
          className={styles.reason}
          label="Reason for the export"
          required
          hint="Recorded in the audit trail with the export, with your name."
          validationState={reasonError ? 'error' : 'none'}
          validationMessage={reasonError}
        >
          <Input ref={reasonInput} value={reason} maxLength={300} onChange={(_, d) => { setReason(d.value); if (reasonError && d.value.trim().length >= REASON_MIN) setReasonError(undefined); }} />
        </Field>
        {/* disabledFocusable: the button keeps the keyboard focus while its export runs. */}
        <Button disabledFocusable={exporting !== undefined} onClick={() => void exportAs('xlsx')}>Download workbook (Excel)</Button>
        <Button disabledFocusable={exporting !== undefined} onClick={() => void exportAs('csv')}>Download CSV</Button>
      </div>
      {exporting !== undefined && (
        // A year over thousands of cases takes a while: the bar shows the export is under way until the file arrives.
        <Field className={styles.progress} label={exportMessage} hint="The file downloads when it is ready; you can keep reading the page.">
          <ProgressBar thickness="large" />
        </Field>
      )}
      <LiveStatus busy={false} message={exportMessage} hidden={exporting !== undefined} />
      {exportError && <ErrorNotice title="The export did not work" message={exportError} />}
      <LiveStatus
        busy={report.state === 'loading'}
        message={report.state === 'loading' ? 'Loading the indicators…' : view ? `Indicators for ${view.period.label}${view.agencyId ? `, ${agencyName(view.agencyId)}` : ''}.` : ''}
      />
      {report.state === 'error' && <ErrorNotice title="The indicators could not be loaded" message={messageOf(report.error)} onRetry={report.reload} />}
      {sections.map((section) => (
        <Section key={section.family} id={`report-${section.family}`} title={section.title}>
          <div className={styles.tables}>
            {section.tables.map((table, i) => {
              const chart = CHARTS[section.family]?.[i];
              return chart && view ? (
                // One named group holds a chart and the table of its figures, so a screen reader finds them together.
                <div key={table.title} className={styles.pair} role="group" aria-label={`${table.title}: chart and table`}>
                  <Suspense fallback={<LiveStatus message="Loading the chart…" busy />}>
                    <ReportChart name={chart} view={view} agencyName={agencyName} />
                  </Suspense>
                  <ReportTable table={table} />
                </div>
              ) : <ReportTable key={table.title} table={table} />;
            })}
          </div>
        </Section>
      ))}
    </div>
  );
}
