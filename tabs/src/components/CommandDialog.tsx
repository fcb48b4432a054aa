import {
  Button, type ButtonProps, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { type FormEvent, type ReactElement, type ReactNode, useState } from 'react';
import { ApiError } from '../api/client';
import type { FullCaseView } from '../../../src/contract';
import { fetchFullCase } from '../api/fetchCase';
import { useApiClient } from '../auth/session';
import { diffOf } from '../forms/conflict';
import { ConflictNotice, type FieldChange, SubmitFailure } from '../forms/FormParts';
import type { FieldErrors } from '../forms/fieldErrors';
import { useSubmit } from '../forms/useSubmit';
import { useDirectory } from '../hooks/useDirectory';
import { caseDiffFields } from '../forms/caseDiff';
import { useSheetStyles } from './layout/useSheetStyles';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  surface: { maxWidth: 'min(640px, calc(100vw - 32px))' },
});

export interface CommandDialogProps<T> {
  /** The button's visible text; `label` adds context for screen readers (which case it acts on). */
  trigger: string;
  label?: string;
  icon?: ReactElement;
  appearance?: ButtonProps['appearance'];
  title: string;
  submitLabel: string;
  /** The fields, given the errors to show on them (the form's own checks and the server's). */
  children: (errors: FieldErrors) => ReactNode;
  /** The form's own checks, by field; anything returned stops the save. */
  validate?: () => FieldErrors;
  /** Field names the server may name in a 400. */
  fields?: readonly string[];
  send: (expectedVersion: number | undefined) => Promise<T>;
  onDone: (value: T) => void;
  onOpen?: () => void;
  /** The case as the user saw it: a 409 from a stale read then shows what someone else changed. */
  baseline?: FullCaseView;
}

/**
 * One command in a modal dialog: its trigger button, the fields, save and cancel. Keeps what was typed when the
 * save fails (network, refusal, conflict); closes and reports only on success.
 */
export function CommandDialog<T>({
  trigger, label, icon, appearance, title, submitLabel, children, validate, fields = [], send, onDone, onOpen, baseline,
}: CommandDialogProps<T>) {
  const styles = useStyles();
  const sheet = useSheetStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const [open, setOpen] = useState(false);
  const [local, setLocal] = useState<FieldErrors>({});
  const [retryVersion, setRetryVersion] = useState<number>();
  const [changes, setChanges] = useState<FieldChange[]>();
  const submit = useSubmit(fields);

  async function save() {
    const problems = validate?.() ?? {};
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setChanges(undefined);
    const result = await submit.run(() => send(retryVersion ?? baseline?.case.version));
    if (result.ok) {
      setOpen(false);
      setRetryVersion(undefined);
      onDone(result.value);
      return;
    }
    if (baseline && result.error instanceof ApiError && result.error.isConflict) {
      const latest = await fetchFullCase(client, baseline.case.id).catch(() => undefined);
      if (latest) {
        setChanges(diffOf(baseline, latest, caseDiffFields(directory)));
        setRetryVersion(latest.case.version);
      }
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) {
          setLocal({});
          setChanges(undefined);
          submit.reset();
          onOpen?.();
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={icon} appearance={appearance} aria-label={label}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogSurface className={mergeClasses(styles.surface, sheet.sheet)}>
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {children({ ...submit.fieldErrors, ...local })}
              {submit.otherProblems.length > 0 && <SubmitFailure error={new Error(submit.otherProblems.join(' '))} />}
              {submit.conflict && (
                <ConflictNotice
                  changes={changes ?? []}
                  detail={submit.conflict.message}
                  onRetry={retryVersion !== undefined ? () => void save() : undefined}
                  retryLabel="Save again"
                />
              )}
              <SubmitFailure error={submit.failure} onRetry={() => void save()} />
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabledFocusable={submit.busy}>
                {submit.busy ? 'Saving…' : submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
