import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AgendaEdit, MeetingView, RunningAgendaLine } from '../../../../src/contract';
import { UserText } from '../../components/UserText';
import { AGENDA_KIND_LABELS } from '../../labels';
import { lineSubject } from './meetingLabels';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  line: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  what: { flexGrow: 1, minWidth: '14rem' },
  muted: { color: tokens.colorNeutralForeground2 },
  minutes: { width: '5.5rem' },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  add: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1, minWidth: '14rem' },
});

/**
 * The coordinator's agenda: every change is one edit sent to the server (which numbers and checks it) against the
 * version on screen. Reordering is by buttons, not only by dragging, so it works from the keyboard and with a
 * screen reader; focus stays on the moved item's button.
 */
export function AgendaEditor({ meeting, onEdit, busy }: {
  meeting: MeetingView;
  onEdit: (edit: AgendaEdit, what: string) => Promise<boolean>;
  busy: boolean;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [aobMinutes, setAobMinutes] = useState('5');
  const [aobError, setAobError] = useState<string>();
  const count = meeting.agenda.length;

  const move = async (line: RunningAgendaLine, to: number, direction: 'up' | 'down') => {
    const ok = await onEdit({ op: 'move', from: line.order, to }, `Item ${line.order} moved to ${to}.`);
    // Keep the keyboard where the user is: on the same button of the moved item, at its new place.
    if (ok) requestAnimationFrame(() => document.getElementById(`agenda-${direction}-${line.id}`)?.focus());
  };

  return (
    <div>
      {meeting.timing.warning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{meeting.timing.warning}</MessageBarBody>
        </MessageBar>
      )}
      <p className={styles.muted}>
        {meeting.timing.totalMinutes} of {meeting.timing.lengthMinutes} minutes planned
        {meeting.timing.overrunMinutes > 0 ? `, ${meeting.timing.overrunMinutes} over the meeting's length` : ''}.
      </p>
      {count === 0 ? (
        <p>The agenda is empty. Build it from the records, or add any other business.</p>
      ) : (
        <ol className={styles.list} aria-label="Agenda (editable)">
          {meeting.agenda.map((line) => (
            <li key={line.id} className={styles.line}>
              <span className={styles.what}>
                {line.order}. {AGENDA_KIND_LABELS[line.kind]}: <UserText>{lineSubject(line)}</UserText>
                {line.alsoBecause && line.alsoBecause.length > 0 && (
                  <span className={styles.muted}> (also: {line.alsoBecause.map((k) => AGENDA_KIND_LABELS[k].toLowerCase()).join(', ')})</span>
                )}
              </span>
              <span className={styles.tools}>
                <RetimeField line={line} busy={busy} onEdit={onEdit} />
                <Button
                  id={`agenda-up-${line.id}`}
                  icon={<ArrowUpRegular />}
                  aria-label={`Move item ${line.order} up`}
                  disabledFocusable={busy || line.order === 1}
                  onClick={() => void move(line, line.order - 1, 'up')}
                />
                <Button
                  id={`agenda-down-${line.id}`}
                  icon={<ArrowDownRegular />}
                  aria-label={`Move item ${line.order} down`}
                  disabledFocusable={busy || line.order === count}
                  onClick={() => void move(line, line.order + 1, 'down')}
                />
                <Button
                  icon={<DeleteRegular />}
                  aria-label={`Remove item ${line.order}`}
                  disabledFocusable={busy}
                  onClick={() => void onEdit({ op: 'remove', order: line.order }, `Item ${line.order} removed.`)}
                />
              </span>
            </li>
          ))}
        </ol>
      )}
      <form
        className={styles.add}
        aria-label="Add any other business"
        onSubmit={(event) => {
          event.preventDefault();
          const minutes = Number(aobMinutes);
          if (!title.trim()) return setAobError('Give the item a short title (no adult’s name: it goes on the agenda card).');
          if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) return setAobError('Allow a whole number of minutes from 1 to 240.');
          setAobError(undefined);
          void onEdit({ op: 'addAnyOtherBusiness', title: title.trim(), minutesAllotted: minutes }, 'Any other business added.').then((ok) => ok && setTitle(''));
        }}
      >
        <Field label="Any other business" className={styles.grow} validationState={aobError ? 'error' : 'none'} validationMessage={aobError}>
          <Input value={title} maxLength={120} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <Field label="Minutes">
          <Input type="number" min={1} max={240} className={styles.minutes} value={aobMinutes} onChange={(_, d) => setAobMinutes(d.value)} />
        </Field>
        <Button type="submit" disabledFocusable={busy}>
          Add
        </Button>
      </form>
    </div>
  );
}

/** An item's time: changed in the box, sent when the user leaves it or presses Enter. */
function RetimeField({ line, busy, onEdit }: { line: RunningAgendaLine; busy: boolean; onEdit: (edit: AgendaEdit, what: string) => Promise<boolean> }) {
  const styles = useStyles();
  const [value, setValue] = useState(String(line.minutesAllotted));
  const [shown, setShown] = useState(line.minutesAllotted);
  if (shown !== line.minutesAllotted) {
    setShown(line.minutesAllotted);
    setValue(String(line.minutesAllotted));
  }
  const commit = () => {
    const minutes = Number(value);
    if (minutes === line.minutesAllotted) return;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) {
      setValue(String(line.minutesAllotted));
      return;
    }
    void onEdit({ op: 'retime', order: line.order, minutesAllotted: minutes }, `Item ${line.order} now has ${minutes} minutes.`);
  };
  return (
    <Input
      type="number"
      min={1}
      max={240}
      className={styles.minutes}
      aria-label={`Minutes for item ${line.order}`}
      value={value}
      readOnly={busy}
      contentAfter="min"
      onChange={(_, d) => setValue(d.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
