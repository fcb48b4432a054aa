import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { IMPORT_ACTION_FIELDS, IMPORT_CASE_FIELDS, type ImportFieldName, type ImportPreview } from '../../../../src/contract';
import { useMutedStyles } from '../../components/Section';
import { FIELD_LABELS } from './importLabels';

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'grid', gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  // As many columns as fit, each at least 14rem or the whole width on a phone.
  grid: { display: 'grid', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))' },
  select: { minWidth: 0, maxWidth: '100%' },
});

const NOT_IN_FILE = '';

/**
 * Which column of the file holds each field: guessed by the server from the headers, changed here with one select
 * per field. A change is checked again at once (the preview below follows it).
 */
export function ColumnMapping({ preview, mapping, disabled, onChange }: {
  preview: ImportPreview;
  mapping: Partial<Record<ImportFieldName, string>>;
  disabled: boolean;
  onChange: (mapping: Partial<Record<ImportFieldName, string>>) => void;
}) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const headers = [...new Set(preview.headers.filter((h) => h.trim() !== ''))];
  const select = (field: ImportFieldName, hint?: string) => (
    <Field key={field} label={`${FIELD_LABELS[field]}${preview.required.includes(field) ? ' (required)' : ''}`} hint={hint}>
      <Select
        className={styles.select}
        value={mapping[field] ?? NOT_IN_FILE}
        disabled={disabled}
        onChange={(_, data) => {
          const next = { ...mapping };
          if (data.value === NOT_IN_FILE) delete next[field];
          else next[field] = data.value;
          onChange(next);
        }}
      >
        <option value={NOT_IN_FILE}>Not in the file</option>
        {headers.map((h) => <option key={h} value={h}>{h}</option>)}
      </Select>
    </Field>
  );
  return (
    <>
      <p className={muted.secondary}>
        Each field below names the column of your file that holds it, guessed from the headers. Change any that are wrong; the check below follows.
      </p>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Referrals and cases</legend>
        <div className={styles.grid}>{IMPORT_CASE_FIELDS.map((f) => select(f))}</div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Actions (a row with an action and no adult&apos;s name is an action of the case its reference names)</legend>
        <div className={styles.grid}>
          {IMPORT_ACTION_FIELDS.map((f) => select(f, f === 'actionAgency' ? 'Or the owner\'s email: one of the two' : f === 'actionStatus' ? 'Open or done' : undefined))}
        </div>
      </fieldset>
    </>
  );
}
