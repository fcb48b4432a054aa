import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { VideoRegular } from '@fluentui/react-icons';
import type { NextMeeting } from '../../../src/contract';
import { formatDateTime } from '../format';
import { useDirectory } from '../hooks/useDirectory';
import { AGENDA_KIND_LABELS, MEETING_STATUS_LABELS } from '../labels';
import { caseHref } from '../routing/useHashRoute';
import { UserText } from './UserText';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  agenda: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'grid', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  join: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** The next panel: when, who chairs, the Teams link and its agenda (cases by reference and initials only). */
export function NextMeetingSummary({ meeting, compact = false }: { meeting: NonNullable<NextMeeting>; compact?: boolean }) {
  const styles = useStyles();
  const directory = useDirectory();
  const shown = compact ? meeting.agenda.slice(0, 6) : meeting.agenda;
  return (
    <div className={styles.root}>
      <div className={styles.head}>
        <h3 className={styles.title}>
          <UserText>{meeting.title}</UserText>
        </h3>
        <Badge appearance="tint" shape="rounded" color="informative">
          {MEETING_STATUS_LABELS[meeting.status]}
        </Badge>
      </div>
      <span>
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time>
        {meeting.chairName && <span className={styles.muted}>, chaired by {meeting.chairName}</span>}
      </span>
      {meeting.teamsLink && (
        <Link href={meeting.teamsLink} target="_blank" rel="noopener noreferrer" className={styles.join}>
          <VideoRegular aria-hidden /> Join the Teams meeting
        </Link>
      )}
      {meeting.agenda.length === 0 ? (
        <span className={styles.muted}>The agenda is empty so far.</span>
      ) : (
        <>
          <span>Agenda ({meeting.agenda.length === 1 ? '1 item' : `${meeting.agenda.length} items`}):</span>
          <ol className={styles.agenda} aria-label={`Agenda of ${meeting.title}`}>
            {shown.map((line) => (
              <li key={line.id}>
                {AGENDA_KIND_LABELS[line.kind]}
                {line.restricted ? (
                  <span className={styles.muted}>: a restricted case</span>
                ) : line.caseId && line.caseRef ? (
                  <>
                    : {line.canOpen ? <Link href={caseHref(line.caseId)}>{line.caseRef}</Link> : <span>{line.caseRef}</span>}
                    {line.caseInitials && (
                      <span>
                        {' '}
                        (<UserText>{line.caseInitials}</UserText>)
                      </span>
                    )}
                  </>
                ) : null}
                <span className={styles.muted}>
                  {' '}
                  · {line.minutesAllotted} min
                  {line.presentingAgencyId && directory.agency(line.presentingAgencyId) ? ` · ${directory.agency(line.presentingAgencyId)!.shortName}` : ''}
                </span>
              </li>
            ))}
          </ol>
          {shown.length < meeting.agenda.length && <span className={styles.muted}>and {meeting.agenda.length - shown.length} more on the Meetings page.</span>}
        </>
      )}
    </div>
  );
}
