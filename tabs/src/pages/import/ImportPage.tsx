import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import {
  type ImportFieldName, type ImportPreview, type ImportResult, importPreviewSchema, importResultSchema, paths,
} from '../../../../src/contract';
import { messageOf } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { plural } from '../../format';
import { registerHref } from '../../routing/useHashRoute';
import { ColumnMapping } from './ColumnMapping';
import { ImportRowsTable } from './ImportRowsTable';
import { base64Of, mergeResults, partsOf } from './importInParts';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'minmax(0, 1fr)' },
  fileField: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
  label: { fontWeight: tokens.fontWeightSemibold },
  // The browser's own file input: keyboard-usable and announced as such everywhere; sized to wrap at 320 px.
  file: {
    maxWidth: '100%', minHeight: '32px', color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  totals: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** The API's limit, checked here too so a big file is refused before it is sent. */
const MAX_BYTES = 1_000_000;

type Mapping = Partial<Record<ImportFieldName, string>>;
interface Chosen { name: string; base64: string }
type Run = { phase: 'idle' } | { phase: 'importing'; done: number; total: number } | { phase: 'done'; result: ImportResult };

/**
 * Import of a past log (coordinators; the navigation offers it only when the server says `can.coordinate`): choose an
 * Excel or CSV file, check which column holds each field, read the row-by-row report of what will be created and what
 * is refused and why, then import, in parts so the bar shows how far it has got. Importing the same rows again
 * creates nothing: they show as already imported.
 */
export default function ImportPage() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { client } = useSession();
  const [file, setFile] = useState<Chosen>();
  const [mapping, setMapping] = useState<Mapping>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<{ title: string; message: string; retry?: () => void }>();
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  // Only the latest check's answer counts: a slower earlier one must not overwrite it.
  const latest = useRef(0);

  async function check(chosen: Chosen, withMapping?: Mapping) {
    const ticket = ++latest.current;
    setChecking(true);
    setError(undefined);
    setRun({ phase: 'idle' });
    try {
      const body = { fileName: chosen.name, base64: chosen.base64, ...(withMapping ? { mapping: withMapping } : {}) };
      const answer = await client.post(paths.importPreview(), body, importPreviewSchema);
      if (ticket !== latest.current) return;
      setPreview(answer);
      setMapping(answer.mapping);
    } catch (e) {
      if (ticket !== latest.current) return;
      setPreview(undefined);
      setError({ title: 'The file could not be checked', message: messageOf(e) });
    } finally {
      if (ticket === latest.current) setChecking(false);
    }
  }

  async function choose(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    setPreview(undefined);
    setMapping(undefined);
    setRun({ phase: 'idle' });
    setFile(undefined);
    if (!chosen) return;
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) {
      setError({ title: 'This file cannot be imported', message: 'Choose an Excel workbook (.xlsx) or a CSV file (.csv).' });
      return;
    }
    if (chosen.size > MAX_BYTES) {
      setError({ title: 'This file cannot be imported', message: 'The file is larger than 1 MB: split it into smaller files.' });
      return;
    }
    const next = { name: chosen.name, base64: await base64Of(chosen) };
    setFile(next);
    await check(next);
  }

  async function importFile() {
    if (!file || !preview) return;
    const parts = partsOf(preview.rows);
    const total = parts.reduce((n, p) => n + p.length, 0);
    const results: ImportResult[] = [];
    setError(undefined);
    setRun({ phase: 'importing', done: 0, total });
    for (const rows of parts) {
      try {
        results.push(await client.post(paths.imports(), { fileName: file.name, base64: file.base64, mapping: mapping ?? {}, rows }, importResultSchema));
      } catch (e) {
        const done = results.reduce((n, r) => n + r.rows.length, 0);
        setRun({ phase: 'idle' });
        setError({
          title: `The import stopped after ${plural(done, 'row')} of ${total.toLocaleString('en-GB')}`,
          message: `${messageOf(e)} What was imported is kept; import again to finish (rows already imported are not imported twice).`,
          retry: () => void importFile(),
        });
        return;
      }
      setRun({ phase: 'importing', done: results.reduce((n, r) => n + r.rows.length, 0), total });
    }
    setRun({ phase: 'done', result: mergeResults(file.name, results) });
  }

  const importing = run.phase === 'importing';
  const status = checking ? `Checking ${file?.name ?? 'the file'}…`
    : importing ? `Imported ${run.done.toLocaleString('en-GB')} of ${plural(run.total, 'row')}…`
      : run.phase === 'done' ? `Import finished: ${plural(run.result.records.cases, 'case')} and ${plural(run.result.records.actions, 'action')} created.`
        : preview ? `${preview.fileName} checked: ${plural(preview.rows.length, 'row')}.` : '';
  return (
    <div className={styles.page}>
      <PageHeading focusKey="import">Import a log</PageHeading>
      <p className={muted.secondary}>
        Bring in past referrals, cases and actions from an Excel workbook (.xlsx, its first sheet) or a CSV file: at most 1 MB and 2,000 rows,
        with a header row. Nothing is written until you press Import, and importing the same rows again creates nothing twice.
      </p>
      <Section id="import-file" title="1. Choose the file">
        <div className={styles.fileField}>
          <label htmlFor="import-file-input" className={styles.label}>Excel or CSV file</label>
          <input
            id="import-file-input" className={styles.file} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={importing} onChange={(e) => void choose(e.currentTarget)}
          />
        </div>
      </Section>
      <LiveStatus busy={checking} message={status} />
      {error && <ErrorNotice title={error.title} message={error.message} onRetry={error.retry} />}
      {preview && file && mapping && (
        <Section id="import-columns" title="2. Check the columns">
          <ColumnMapping preview={preview} mapping={mapping} disabled={checking || importing} onChange={(next) => { setMapping(next); void check(file, next); }} />
        </Section>
      )}
      {preview && run.phase !== 'done' && (
        <Section id="import-preview" title="3. Check each row">
          <dl className={styles.totals} aria-label="What the import will do">
            <div><dt className={styles.label}>Will be created</dt><dd>{plural(preview.counts.create, 'row')}: {plural(preview.records.cases, 'case')} and {plural(preview.records.actions, 'action')}</dd></div>
            <div><dt className={styles.label}>Already imported</dt><dd>{plural(preview.counts.exists, 'row')}</dd></div>
            <div><dt className={styles.label}>Refused</dt><dd>{plural(preview.counts.refused, 'row')}, each with its reason below; correct them in the file and choose it again</dd></div>
          </dl>
          <ImportRowsTable label="Rows of the file" rows={preview.rows} done={false} />
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={checking || importing || preview.counts.create === 0} onClick={() => void importFile()}>
              {preview.counts.create === 0 ? 'Nothing to import' : `Import ${plural(preview.counts.create, 'row')}`}
            </Button>
          </div>
          {importing && (
            <Field label={`Importing: ${run.done.toLocaleString('en-GB')} of ${plural(run.total, 'row')} done`} hint="Keep this page open until the import finishes.">
              <ProgressBar thickness="large" value={run.total ? run.done / run.total : 0} max={1} />
            </Field>
          )}
        </Section>
      )}
      {run.phase === 'done' && (
        <Section id="import-summary" title="Import finished">
          <dl className={styles.totals} aria-label="What the import did">
            <div><dt className={styles.label}>Created</dt><dd>{plural(run.result.records.cases, 'case')} and {plural(run.result.records.actions, 'action')}, from {plural(run.result.counts.created, 'row')}</dd></div>
            <div><dt className={styles.label}>Already imported</dt><dd>{plural(run.result.counts.exists, 'row')}</dd></div>
            <div><dt className={styles.label}>Refused</dt><dd>{plural(run.result.counts.refused, 'row')}</dd></div>
          </dl>
          <p>
            Each record is in the audit trail as imported from {run.result.fileName}, with its row. <a href={registerHref()}>Open the case register</a>.
          </p>
          <ImportRowsTable label="Rows imported" rows={run.result.rows} done />
        </Section>
      )}
    </div>
  );
}
