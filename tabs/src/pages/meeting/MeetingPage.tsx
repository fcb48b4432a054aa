import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaEdit } from '../../../../src/contract';
import { PageHeading } from '../../components/PageHeading';
import { Section } from '../../components/Section';
import { UserText } from '../../components/UserText';
import { formatDateTime, formatDay } from '../../format';
import { MEETING_STATUS_LABELS } from '../../labels';
import { LiveStatusLine } from '../../live/LiveStatusLine';
import { meetingHref, meetingsHref } from '../../routing/useHashRoute';
import { AgendaEditor } from './AgendaEditor';
import { CommandStatus } from './CommandStatus';
import { ConfirmButton } from './ConfirmButton';
import { DecisionsList } from './DecisionsList';
import { MinutesSection } from './MinutesSection';
import { RunningOrder } from './RunningOrder';
import { MeetingOpening, useMeetingSession } from './useMeetingSession';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalXL },
  head: { display: 'grid', gap: tokens.spacingVerticalXS },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * One panel meeting (`#/meetings/<id>`): its agenda (built, edited and published by the coordinator), links to its
 * side panel and stage, the decisions, and after the meeting its minutes. Every button comes from the server's `can`.
 */
export default function MeetingPage({ id }: { id: string }) {
  const styles = useStyles();
  const { live, commands, command, meeting } = useMeetingSession(id);

  if (!meeting) {
    return (
      <MeetingOpening error={live.error} focusKey={`meeting-${id}`} className={styles.page}>
        <Link href={meetingsHref()}>All meetings</Link>
      </MeetingOpening>
    );
  }
  const { can } = meeting;
  const held = meeting.status === 'held' || meeting.status === 'minutes_issued';
  const edit = (change: AgendaEdit, what: string) => command.run('Saving the agenda…', () => commands.editAgenda(meeting.version, change), what, 'The agenda was not changed');

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <PageHeading focusKey={`meeting-${id}`}>
          <UserText>{meeting.title}</UserText>
        </PageHeading>
        <span>
          <Badge appearance="tint" shape="rounded" color={meeting.status === 'minutes_issued' ? 'success' : 'informative'}>
            {MEETING_STATUS_LABELS[meeting.status]}
          </Badge>{' '}
          <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time>, {meeting.lengthMinutes} minutes, chaired by{' '}
          <UserText>{meeting.chairName}</UserText>
          {meeting.deputyChairName && (
            <>
              {' '}(deputy <UserText>{meeting.deputyChairName}</UserText>)
            </>
          )}
          {meeting.papersIssuedAt ? `. Papers issued ${formatDay(meeting.papersIssuedAt)}.` : '.'}
        </span>
        <div className={styles.links}>
          <Link href={meetingHref(id, 'panel')}>Open the side panel</Link>
          <Link href={meetingHref(id, 'stage')} target="_blank" rel="noopener">
            Open the stage view
          </Link>
          {meeting.teamsLink && !held && (
            <Link href={meeting.teamsLink} target="_blank" rel="noopener noreferrer">
              Join the Teams meeting
            </Link>
          )}
          <Link href={meetingsHref()}>All meetings</Link>
        </div>
        <LiveStatusLine status={live.status} onReconnect={live.reconnect} />
      </div>
      <CommandStatus feedback={command} />
      <Section
        title="Agenda"
        id="agenda-heading"
        tools={
          (can.editAgenda || can.publishAgenda) && (
            <div className={styles.tools}>
              {can.editAgenda && (
                <ConfirmButton
                  label={meeting.agenda.length ? 'Rebuild from the records' : 'Build from the records'}
                  title="Build the agenda from the records?"
                  question="The agenda is made afresh from new referrals, reviews due, overdue actions, escalations and closure proposals, in the default order and times. Edits made so far are replaced."
                  confirmLabel="Build the agenda"
                  disabled={Boolean(command.busy)}
                  onConfirm={() => void command.run('Building the agenda…', () => commands.buildAgenda(meeting.version), 'Agenda built from the records.')}
                />
              )}
              {can.publishAgenda && (
                <ConfirmButton
                  appearance="primary"
                  label="Publish the agenda"
                  title="Publish the agenda?"
                  question="The papers date is recorded and a card with the references, initials and item kinds (no names) is posted to the partnership channel and the meeting chat."
                  confirmLabel="Publish"
                  disabled={Boolean(command.busy) || meeting.agenda.length === 0}
                  onConfirm={() => void command.run('Publishing the agenda…', () => commands.publishAgenda(meeting.version), 'Agenda published.')}
                />
              )}
            </div>
          )
        }
      >
        {can.editAgenda ? <AgendaEditor meeting={meeting} onEdit={edit} busy={Boolean(command.busy)} /> : <RunningOrder agenda={meeting.agenda} label="Agenda" />}
      </Section>
      {(meeting.status === 'in_progress' || held) && (
        <Section title="Decisions" id="decisions-heading">
          <DecisionsList meeting={meeting} />
        </Section>
      )}
      {held && (
        <Section title="Minutes" id="minutes-heading">
          <MinutesSection meeting={meeting} commands={commands} command={command} />
        </Section>
      )}
      {meeting.status === 'in_progress' && !held && (
        <p>
          The meeting is running: follow it in the <Link href={meetingHref(id, 'panel')}>side panel</Link>.
        </p>
      )}
    </div>
  );
}
