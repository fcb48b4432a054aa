import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingView } from '../../../../src/contract';
import { UserText } from '../../components/UserText';
import { AGENDA_KIND_LABELS, DECISION_OUTCOME_LABELS } from '../../labels';
import { caseHref } from '../../routing/useHashRoute';
import { itemOf, lineSubject } from './meetingLabels';
import { formatTimeLeft, useSecondsLeft } from './useSecondsLeft';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  kind: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subject: { fontSize: tokens.fontSizeBase400 },
  timer: { fontSize: tokens.fontSizeBase400, fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The item under discussion, its clock and what comes next: what everyone in the meeting sees first. */
export function CurrentItem({ meeting }: { meeting: MeetingView }) {
  const styles = useStyles();
  const current = meeting.current ? meeting.agenda.find((l) => l.id === meeting.current?.agendaItemId) : undefined;
  const secondsLeft = useSecondsLeft(meeting.current?.endsAt, meeting.serverTime);
  const after = meeting.agenda.find((l) => l.order > (current?.order ?? 0) && l.state !== 'done');
  const decision = current ? meeting.decisions.find((d) => d.agendaItemId === current.id) : undefined;

  if (!current) {
    return (
      <div className={styles.root}>
        <p className={styles.muted}>
          {meeting.status === 'in_progress'
            ? 'No item is being discussed at the moment.'
            : meeting.status === 'held' || meeting.status === 'minutes_issued'
              ? 'The meeting has ended.'
              : 'The meeting has not started yet.'}
        </p>
        {after && meeting.status !== 'held' && meeting.status !== 'minutes_issued' && (
          <span>
            First: {AGENDA_KIND_LABELS[after.kind]}, <UserText>{lineSubject(after)}</UserText>
          </span>
        )}
      </div>
    );
  }
  return (
    <div className={styles.root} data-testid="current-item">
      <span className={styles.muted}>{itemOf(current.order, meeting.agenda.length)}</span>
      <h3 className={styles.kind}>{AGENDA_KIND_LABELS[current.kind]}</h3>
      <span className={styles.subject}>
        <UserText>{lineSubject(current)}</UserText>
        {current.caseId && current.canOpen && (
          <>
            {' '}
            <Link href={caseHref(current.caseId)} target="_blank" rel="noopener">
              Open the case
            </Link>
          </>
        )}
      </span>
      {secondsLeft !== undefined && (
        // role=timer is not announced on every tick (its live region is off), only when read.
        <span role="timer" aria-label={`Time on this item: ${formatTimeLeft(secondsLeft)}`} className={secondsLeft < 0 ? styles.over : styles.timer}>
          {formatTimeLeft(secondsLeft)} <span className={styles.muted}>of {current.minutesAllotted} min</span>
        </span>
      )}
      {decision && (
        <span>
          Decision: <Badge appearance="tint" shape="rounded" color="brand">{DECISION_OUTCOME_LABELS[decision.outcome]}</Badge>
          {decision.inquorate && <Badge appearance="tint" shape="rounded" color="danger">Inquorate</Badge>}
        </span>
      )}
      {decision?.detail && (
        <span className={styles.muted}>
          Rationale: <UserText>{decision.detail.rationale}</UserText>
        </span>
      )}
      <span>
        Next:{' '}
        {after ? (
          <>
            {AGENDA_KIND_LABELS[after.kind]}, <UserText>{lineSubject(after)}</UserText>
          </>
        ) : (
          'nothing, this is the last item'
        )}
      </span>
    </div>
  );
}
