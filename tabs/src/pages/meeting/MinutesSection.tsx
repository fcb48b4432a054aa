import { Badge, Button, Field, Input, Link, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { type MeetingView, paths } from '../../../../src/contract';
import { messageOf } from '../../api/client';
import { useApiClient } from '../../auth/session';
import { ErrorNotice } from '../../components/Status';
import { UserText } from '../../components/UserText';
import { formatDateTime } from '../../format';
import { AGENDA_KIND_LABELS } from '../../labels';
import { ConfirmButton } from './ConfirmButton';
import type { MeetingCommands } from './meetingApi';
import { lineSubject } from './meetingLabels';
import { downloadMinutes, isOwnApi } from './minutesDocument';
import type { useMeetingCommand } from './useMeetingCommand';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM },
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The minutes after the meeting: the draft generated from the record, its notes edited here, approved by the chair
 * and issued by the coordinator, with the time taken against the 3-working-day standard and the Word document.
 */
export function MinutesSection({ meeting, commands, command }: {
  meeting: MeetingView;
  commands: MeetingCommands;
  command: ReturnType<typeof useMeetingCommand>;
}) {
  const styles = useStyles();
  const client = useApiClient();
  const minutes = meeting.minutes;
  const [downloadError, setDownloadError] = useState<string>();
  const timeliness = meeting.minutesTimeliness;
  const busy = Boolean(command.busy);
  const documentUrl = meeting.minutesDocumentUrl ?? (minutes ? paths.meetingMinutesDocument(meeting.id) : undefined);

  return (
    <div className={styles.root}>
      {timeliness && (
        <p>
          <Badge appearance="tint" shape="rounded" color={timeliness.withinStandard ? 'success' : 'danger'}>
            {timeliness.withinStandard ? 'Within the standard' : 'Late'}
          </Badge>{' '}
          {timeliness.issued ? 'Issued' : 'Not issued yet'}: {timeliness.workingDays} working {timeliness.workingDays === 1 ? 'day' : 'days'} since the meeting
          {' '}(standard: {timeliness.standardWorkingDays}).
        </p>
      )}
      {!minutes ? (
        <p className={styles.muted}>The draft minutes are written when the meeting ends.</p>
      ) : (
        <>
          <p className={styles.muted}>
            Draft written {formatDateTime(minutes.generatedAt)}.
            {minutes.approvedAt ? ` Approved by the chair ${formatDateTime(minutes.approvedAt)}.` : ' Not approved yet.'}
            {meeting.minutesIssuedAt ? ` Issued ${formatDateTime(meeting.minutesIssuedAt)}.` : ''}
          </p>
          {meeting.can.editMinutes ? (
            <MinutesForm key={minutes.generatedAt} meeting={meeting} busy={busy} onSave={(body) => void command.run('Saving the minutes…', () => commands.editMinutes(body), 'Minutes saved.')} />
          ) : (
            <MinutesText meeting={meeting} />
          )}
          <div className={styles.tools}>
            {meeting.can.approveMinutes && (
              <Button appearance="primary" disabledFocusable={busy} onClick={() => void command.run('Approving the minutes…', () => commands.approveMinutes(meeting.version), 'Minutes approved.')}>
                Approve the minutes
              </Button>
            )}
            {meeting.can.issueMinutes && (
              <ConfirmButton
                appearance="primary"
                label="Issue the minutes"
                title="Issue the minutes?"
                question="The minutes go to every member, and a card with the meeting's references (no names) is posted to the partnership channel."
                confirmLabel="Issue the minutes"
                disabled={busy}
                onConfirm={() => void command.run('Issuing the minutes…', () => commands.issueMinutes(meeting.version), 'Minutes issued.')}
              />
            )}
            {documentUrl &&
              (isOwnApi(documentUrl) ? (
                <Button
                  icon={<DocumentRegular />}
                  onClick={() => {
                    setDownloadError(undefined);
                    downloadMinutes(client, documentUrl, `${meeting.title} minutes.docx`).catch((e: unknown) => setDownloadError(messageOf(e)));
                  }}
                >
                  Download the minutes (Word)
                </Button>
              ) : (
                <Link href={documentUrl} target="_blank" rel="noopener noreferrer">
                  Open the minutes document (Word)
                </Link>
              ))}
          </div>
          {downloadError && <ErrorNotice title="The document could not be downloaded" message={downloadError} />}
        </>
      )}
    </div>
  );
}

function MinutesText({ meeting }: { meeting: MeetingView }) {
  const minutes = meeting.minutes;
  if (!minutes) return null;
  return (
    <div>
      {minutes.itemNotes.filter((n) => n.notes).map((n) => {
        const line = meeting.agenda.find((l) => l.id === n.agendaItemId);
        return (
          <p key={n.agendaItemId}>
            <strong>{line ? `Item ${line.order}, ${AGENDA_KIND_LABELS[line.kind]}: ` : ''}</strong>
            <UserText>{n.notes}</UserText>
          </p>
        );
      })}
      {minutes.generalNotes && <p><UserText>{minutes.generalNotes}</UserText></p>}
      {minutes.nextMeeting && <p>Next meeting: <UserText>{minutes.nextMeeting}</UserText></p>}
    </div>
  );
}

function MinutesForm({ meeting, busy, onSave }: {
  meeting: MeetingView;
  busy: boolean;
  onSave: (body: Parameters<MeetingCommands['editMinutes']>[0]) => void;
}) {
  const styles = useStyles();
  const minutes = meeting.minutes!;
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries(minutes.itemNotes.map((n) => [n.agendaItemId, n.notes])));
  const [general, setGeneral] = useState(minutes.generalNotes ?? '');
  const [next, setNext] = useState(minutes.nextMeeting ?? '');
  return (
    <form
      className={styles.form}
      aria-label="Edit the minutes"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          expectedVersion: meeting.version,
          itemNotes: meeting.agenda.map((l) => ({ agendaItemId: l.id, notes: notes[l.id] ?? '' })),
          generalNotes: general,
          nextMeeting: next,
        });
      }}
    >
      <p className={styles.muted}>The minutes go to every member: refer to adults by reference and initials only.</p>
      {meeting.agenda.map((line) => (
        <Field key={line.id} label={`Item ${line.order}, ${AGENDA_KIND_LABELS[line.kind]}: ${lineSubject(line)}`}>
          <Textarea value={notes[line.id] ?? ''} onChange={(_, d) => setNotes((all) => ({ ...all, [line.id]: d.value }))} resize="vertical" maxLength={8000} />
        </Field>
      ))}
      <Field label="General notes">
        <Textarea value={general} onChange={(_, d) => setGeneral(d.value)} resize="vertical" maxLength={8000} />
      </Field>
      <Field label="Next meeting" hint="As the minutes should say it, e.g. Tuesday 12 January 2027, 10:00, Teams">
        <Input value={next} onChange={(_, d) => setNext(d.value)} maxLength={300} />
      </Field>
      <div className={styles.tools}>
        <Button type="submit" disabledFocusable={busy}>
          Save the minutes
        </Button>
      </div>
    </form>
  );
}
