import {
  Button, Checkbox, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Field, makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import { ApiError } from '../api/client';
import { controlId, focusControl } from './fieldErrors';
import { ErrorNotice } from '../components/Status';

const useStyles = makeStyles({
  summary: {
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  summaryTitle: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  summaryList: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXXS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  options: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', columnGap: tokens.spacingHorizontalL },
  changes: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
});

export interface SummaryProblem { id: string; label: string; message: string }

/**
 * "There is a problem": every field error of a submission in one list, each a link to its field. Takes focus when
 * it appears (and again when its problems change), so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({
  problems, other = [], title = 'There is a problem', onSelect = focusControl, attempt,
}: {
  problems: SummaryProblem[];
  /** Changes with each check of the form: the summary takes focus then, not while errors are fixed one by one. */
  attempt?: number;
  other?: string[];
  title?: string;
  /** Where a problem's link goes: by default, focus on its control. */
  onSelect?: (id: string) => void;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const signature = attempt ?? [...problems.map((p) => `${p.id}:${p.message}`), ...other].join('|');
  const any = useRef(false);
  any.current = problems.length > 0 || other.length > 0;
  // Only a new check moves focus.
  useEffect(() => {
    if (any.current) ref.current?.focus();
  }, [signature]);
  if (!problems.length && !other.length) return null;
  const headingId = `${problems[0]?.id ?? 'form'}-summary`;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId} className={styles.summary}>
      <h2 id={headingId} className={styles.summaryTitle}>
        {title}
      </h2>
      <ul className={styles.summaryList}>
        {problems.map((p) => (
          <li key={p.id}>
            <Link as="button" type="button" onClick={() => onSelect(p.id)}>
              {/[?:]$/.test(p.label) ? `${p.label} ${p.message}` : `${p.label}: ${p.message}`}
            </Link>
          </li>
        ))}
        {other.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** Props for a Fluent Field: the error message next to the control, announced and tied to it by aria-describedby. */
export const errorProps = (message: string | undefined) =>
  message ? ({ validationState: 'error', validationMessage: message } as const) : ({ validationState: 'none' } as const);

/**
 * Several checkboxes answering one question, as a fieldset whose legend is the question. The error is tied to the
 * group and each box is marked invalid, since a Fluent Field cannot wrap a group of checkboxes.
 */
export function CheckboxGroup<T extends string>({
  id, legend, options, value, onChange, error, hint, required,
}: {
  id: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const styles = useStyles();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={styles.fieldset} aria-describedby={describedBy}>
      <legend className={styles.legend}>
        {legend}
        {required && <span className={styles.required} aria-hidden>*</span>}
      </legend>
      {hint && <span id={hintId} className={styles.hint}>{hint}</span>}
      {error && <span id={errorId} className={styles.error}>{error}</span>}
      <div className={styles.options}>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            label={option.label}
            checked={value.includes(option.value)}
            aria-invalid={error ? true : undefined}
            onChange={(_, data) => onChange(data.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
          />
        ))}
      </div>
    </fieldset>
  );
}

export type YesNo = '' | 'yes' | 'no';
export const yesNoOf = (value: boolean | null | undefined): YesNo => (value === true ? 'yes' : value === false ? 'no' : '');

/** A required yes/no question as a radio group inside a Field (label, error and hint tied to the group). */
export function YesNoField({
  id, label, value, onChange, error, hint, required = true, yes = 'Yes', no = 'No',
}: {
  id: string;
  label: string;
  value: YesNo;
  onChange: (value: YesNo) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  yes?: string;
  no?: string;
}) {
  return (
    <Field label={label} required={required} hint={hint} {...errorProps(error)}>
      <RadioGroup id={id} value={value} onChange={(_, data) => onChange(data.value as YesNo)} layout="horizontal">
        <Radio value="yes" label={yes} />
        <Radio value="no" label={no} />
      </RadioGroup>
    </Field>
  );
}

/**
 * What went wrong with a save that is not about one field, in words a person can act on. A lost connection says
 * that nothing typed is lost.
 */
export function SubmitFailure({ error, onRetry, what = 'Your changes were' }: { error: unknown; onRetry?: () => void; what?: string }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : undefined;
  let title = `${what} not saved`;
  let message = error instanceof Error ? error.message : String(error);
  if (api?.isNetwork) {
    title = `${what} not sent: no connection`;
    message = 'RiskPanel could not be reached, so nothing was saved. Everything you typed is still here: check your connection, then try again.';
  } else if (api?.status === 403) title = 'Not permitted';
  else if (api?.status === 409 && !api.isConflict) title = 'Not possible now';
  return <ErrorNotice title={title} message={message} onRetry={onRetry} intent={api?.isNetwork ? 'warning' : 'error'} />;
}

export interface FieldChange { label: string; before: string; after: string }

/**
 * A 409 "someone else changed it": what they changed (the record as the user opened it against the record now),
 * with the choice to save their own changes over the new version or to drop them.
 */
export function ConflictNotice({
  changes, onRetry, onDiscard, retryLabel = 'Save my changes again', detail,
}: {
  changes: FieldChange[];
  onRetry?: () => void;
  onDiscard?: () => void;
  retryLabel?: string;
  /** The server's own words, when they say more than the list (e.g. who completed the action first). */
  detail?: string;
}) {
  const styles = useStyles();
  return (
    <div role="alert">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Someone else changed this while you were working</MessageBarTitle>
          {detail && <p>{detail}</p>}
          Your changes were not saved, and they are still in the form.{' '}
          {changes.length ? 'What changed:' : 'The record has a newer version, but none of the fields shown here differ.'}
          {changes.length > 0 && (
            <ul className={styles.changes}>
              {changes.map((c) => (
                <li key={c.label}>
                  <strong>{c.label}</strong>: was {c.before || 'blank'}, now {c.after || 'blank'}
                </li>
              ))}
            </ul>
          )}
          Check their change, then save yours again if it still stands.
        </MessageBarBody>
        <MessageBarActions>
          {onRetry && (
            <Button appearance="primary" onClick={onRetry}>
              {retryLabel}
            </Button>
          )}
          {onDiscard && <Button onClick={onDiscard}>Discard mine</Button>}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

/** A stable id for a form's controls, so summaries and server errors can point at them. */
export function useFormId(prefix: string): (field: string) => string {
  const base = useId().replace(/[^A-Za-z0-9_-]/g, '');
  return (field: string) => controlId(`${prefix}${base}`, field);
}
