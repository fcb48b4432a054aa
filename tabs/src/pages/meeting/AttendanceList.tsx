import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AttendanceLine, MeetingView, RecordAttendanceBody } from '../../../../src/contract';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../../src/domain/enums';
import { MemberOptions } from '../../components/MemberOptions';
import { UserText } from '../../components/UserText';
import { useDirectory } from '../../hooks/useDirectory';
import { ATTENDANCE_LABELS } from './meetingLabels';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  line: { display: 'grid', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  add: { display: 'grid', gap: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

interface Props {
  meeting: MeetingView;
  /** Present when the viewer may correct attendance (the chair): each change is saved at once. */
  onRecord?: (body: RecordAttendanceBody, what: string) => void;
  busy?: boolean;
}

/**
 * Who is at the meeting, by agency: prefilled by the server from the members who opened the side panel or joined,
 * corrected by the chair. Everyone else reads it.
 */
export function AttendanceList({ meeting, onRecord, busy = false }: Props) {
  const styles = useStyles();
  const lines = [...meeting.attendance].sort((a, b) => a.agencyName.localeCompare(b.agencyName) || a.name.localeCompare(b.name));
  const save = (line: AttendanceLine, change: Partial<Pick<AttendanceLine, 'status' | 'confidentialityAgreed'>>, what: string) =>
    onRecord?.(
      {
        expectedVersion: meeting.version,
        attendanceId: line.id,
        status: change.status ?? line.status,
        confidentialityAgreed: change.confidentialityAgreed ?? line.confidentialityAgreed,
      },
      what,
    );
  return (
    <div>
      {lines.length === 0 ? (
        <p className={styles.muted}>Nobody is recorded yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Attendance">
          {lines.map((line) => (
            <li key={line.id} className={styles.line}>
              <span>
                <UserText>{line.name}</UserText>, {line.agencyName}
              </span>
              {onRecord ? (
                <>
                  <Select
                    aria-label={`Attendance of ${line.name}`}
                    value={line.status}
                    disabled={busy}
                    onChange={(_, d) => save(line, { status: d.value as AttendanceStatus }, `${line.name}: ${ATTENDANCE_LABELS[d.value as AttendanceStatus]}`)}
                  >
                    {ATTENDANCE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {ATTENDANCE_LABELS[s]}
                      </option>
                    ))}
                  </Select>
                  <Checkbox
                    label="Confidentiality agreed"
                    checked={line.confidentialityAgreed}
                    disabled={busy}
                    onChange={(_, d) => save(line, { confidentialityAgreed: d.checked === true }, `${line.name}: confidentiality ${d.checked ? 'agreed' : 'not agreed'}`)}
                  />
                </>
              ) : (
                <span className={styles.muted}>
                  {ATTENDANCE_LABELS[line.status]}
                  {line.confidentialityAgreed ? ', confidentiality agreed' : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {onRecord && <AddAttendee meeting={meeting} onRecord={onRecord} busy={busy} />}
    </div>
  );
}

function AddAttendee({ meeting, onRecord, busy }: Required<Pick<Props, 'onRecord'>> & Props) {
  const styles = useStyles();
  const directory = useDirectory();
  const [memberId, setMemberId] = useState('');
  const [status, setStatus] = useState<AttendanceStatus>('present');
  const listed = new Set(meeting.attendance.map((l) => l.memberId));
  const others = directory.members.filter((m) => m.active && !listed.has(m.id));
  if (others.length === 0) return null;
  const member = directory.member(memberId);
  return (
    <form
      className={styles.add}
      aria-label="Add someone to the attendance"
      onSubmit={(event) => {
        event.preventDefault();
        if (!member) return;
        onRecord({ expectedVersion: meeting.version, memberId: member.id, status, confidentialityAgreed: true }, `${member.name} added: ${ATTENDANCE_LABELS[status]}`);
        setMemberId('');
      }}
    >
      <Field label="Add a member">
        <Select value={memberId} onChange={(_, d) => setMemberId(d.value)}>
          <option value="">Choose a member</option>
          <MemberOptions members={others} />
        </Select>
      </Field>
      <Field label="As">
        <Select value={status} onChange={(_, d) => setStatus(d.value as AttendanceStatus)}>
          {ATTENDANCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ATTENDANCE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabledFocusable={busy || !member}>
        Add to the attendance
      </Button>
    </form>
  );
}
