import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, Radio, RadioGroup,
  Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { CalendarEditRegular, CheckmarkCircleRegular, NoteAddRegular } from '@fluentui/react-icons';
import { type FormEvent, type ReactElement, useState } from 'react';
import { FINISHED_ACTION_STATUSES, type ActionStatus } from '../../../../src/domain/enums';
import { ApiError } from '../../api/client';
import { type ActionAbilities, paths, savedActionSchema } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { type DiffField, diffOf } from '../../forms/conflict';
import { ConflictNotice, type FieldChange, SubmitFailure, errorProps } from '../../forms/FormParts';
import { useSubmit } from '../../forms/useSubmit';
import { formatDay, todayIso } from '../../format';
import { ACTION_STATUS_LABELS } from '../../labels';
import type { ActionRow } from './ActionTable';
import { useSheetStyles } from '../layout/useSheetStyles';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingBlock: tokens.spacingVerticalS },
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  about: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const OUTCOMES = ['completed', 'not_done_circumstance', 'not_done_agency', 'cancelled'] as const satisfies readonly ActionStatus[];

const ACTION_DIFF: DiffField<ActionRow>[] = [
  { label: 'Status', value: (a) => ACTION_STATUS_LABELS[a.status] },
  { label: 'Due date', value: (a) => formatDay(a.dueDate) },
  { label: 'Progress notes', value: (a) => ('progress' in a ? String(a.progress.length) : '') },
  { label: 'Description', value: (a) => a.description },
];

export interface ActionDialogProps {
  action: ActionRow;
  /** Called after a successful change, to reload whatever lists the action. */
  onChanged: () => void;
  /** Fetches the action as it now stands, to show what someone else changed after a conflict. */
  latest: () => Promise<ActionRow | undefined>;
}

type Kind = 'progress' | 'complete' | 'dueDate';

/** The three things an action's owner does to it, each a small dialog: note progress, complete it, move its date. */
export function ActionUpdateButtons({ can, ...props }: ActionDialogProps & { can: ActionAbilities }) {
  const styles = useStyles();
  return (
    <div className={styles.buttons}>
      {can.addProgress && <ActionDialog kind="progress" {...props} />}
      {can.complete && <ActionDialog kind="complete" {...props} />}
      {can.changeDueDate && <ActionDialog kind="dueDate" {...props} />}
    </div>
  );
}

const TRIGGER: Record<Kind, { label: string; icon: ReactElement; title: string; submit: string }> = {
  progress: { label: 'Add progress', icon: <NoteAddRegular />, title: 'Add a progress note', submit: 'Save progress' },
  complete: { label: 'Complete', icon: <CheckmarkCircleRegular />, title: 'Complete the action', submit: 'Save outcome' },
  dueDate: { label: 'Change due date', icon: <CalendarEditRegular />, title: 'Change the due date', submit: 'Save new date' },
};

function ActionDialog({ kind, action, onChanged, latest }: ActionDialogProps & { kind: Kind }) {
  const styles = useStyles();
  const sheet = useSheetStyles();
  const client = useApiClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('completed');
  const [evidence, setEvidence] = useState('');
  const [dueDate, setDueDate] = useState(action.dueDate);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(action.version);
  const [changes, setChanges] = useState<FieldChange[]>();
  /** Someone else finished it: saving again cannot work, so no retry is offered. */
  const [finished, setFinished] = useState(false);
  const submit = useSubmit(['note', 'evidence', 'dueDate', 'reason', 'outcome']);
  const trigger = TRIGGER[kind];

  function check(): Record<string, string> {
    const problems: Record<string, string> = {};
    if (kind === 'progress' && !note.trim()) problems.note = 'Write what has happened.';
    if (kind === 'dueDate') {
      if (!dueDate) problems.dueDate = 'Choose the new due date.';
      else if (dueDate < todayIso()) problems.dueDate = 'The new due date cannot be in the past.';
      else if (dueDate === action.dueDate) problems.dueDate = 'This is already the due date.';
      if (!reason.trim()) problems.reason = 'Say why the date is changing.';
    }
    if (kind === 'complete' && outcome !== 'completed' && !evidence.trim()) problems.evidence = 'Say why the action was not done.';
    return problems;
  }

  async function save(expected = version) {
    const problems = check();
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setChanges(undefined);
    const body =
      kind === 'progress'
        ? { note: note.trim(), expectedVersion: expected }
        : kind === 'complete'
          ? { outcome, ...(evidence.trim() ? { evidence: evidence.trim() } : {}), expectedVersion: expected }
          : { dueDate, reason: reason.trim(), expectedVersion: expected };
    const path = kind === 'progress' ? paths.actionProgress(action.id) : kind === 'complete' ? paths.actionCompletion(action.id) : paths.actionDueDate(action.id);
    const result = await submit.run(() => client.post(path, body, savedActionSchema));
    if (result.ok) {
      setOpen(false);
      setNote('');
      setEvidence('');
      setReason('');
      onChanged();
      return;
    }
    if (!(result.error instanceof ApiError && result.error.isConflict)) return;
    const now = await latest().catch(() => undefined);
    if (now) {
      setChanges(diffOf(action, now, ACTION_DIFF));
      setVersion(now.version);
      setFinished(FINISHED_ACTION_STATUSES.includes(now.status));
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const err = (field: string) => local[field] ?? submit.fieldErrors[field];
  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) {
          setVersion(action.version);
          setDueDate(action.dueDate);
          setChanges(undefined);
          setFinished(false);
          setLocal({});
          submit.reset();
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" icon={trigger.icon} aria-label={`${trigger.label}: ${action.description}`}>
          {trigger.label}
        </Button>
      </DialogTrigger>
      <DialogSurface className={sheet.sheet}>
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{trigger.title}</DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.about}>
                {action.description} (due {formatDay(action.dueDate)})
              </p>
              {kind === 'progress' && (
                <Field label="Progress note" required {...errorProps(err('note'))}>
                  <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" maxLength={2000} />
                </Field>
              )}
              {kind === 'complete' && (
                <>
                  <Field label="Outcome" required {...errorProps(err('outcome'))}>
                    <RadioGroup value={outcome} onChange={(_, d) => setOutcome(d.value as (typeof OUTCOMES)[number])}>
                      {OUTCOMES.map((o) => (
                        <Radio key={o} value={o} label={ACTION_STATUS_LABELS[o]} />
                      ))}
                    </RadioGroup>
                  </Field>
                  <Field
                    label={outcome === 'completed' ? 'Evidence it is done (optional)' : 'Why it was not done'}
                    required={outcome !== 'completed'}
                    {...errorProps(err('evidence'))}
                  >
                    <Textarea value={evidence} onChange={(_, d) => setEvidence(d.value)} resize="vertical" maxLength={4000} />
                  </Field>
                </>
              )}
              {kind === 'dueDate' && (
                <>
                  <Field label="New due date" required {...errorProps(err('dueDate'))}>
                    <Input type="date" value={dueDate} min={todayIso()} onChange={(_, d) => setDueDate(d.value)} />
                  </Field>
                  <Field label="Reason for the change" required {...errorProps(err('reason'))}>
                    <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" maxLength={1000} />
                  </Field>
                </>
              )}
              {submit.conflict && (
                <ConflictNotice
                  changes={changes ?? []}
                  detail={submit.conflict.message}
                  onRetry={finished ? undefined : () => void save(version)}
                />
              )}
              <SubmitFailure error={submit.failure} onRetry={() => void save()} />
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabledFocusable={submit.busy}>
                {submit.busy ? 'Saving…' : trigger.submit}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
