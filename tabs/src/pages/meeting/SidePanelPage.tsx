import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { Section } from '../../components/Section';
import { UserText } from '../../components/UserText';
import { formatDateTime } from '../../format';
import { MEETING_STATUS_LABELS } from '../../labels';
import { LiveStatusLine } from '../../live/LiveStatusLine';
import { meetingHref } from '../../routing/useHashRoute';
import { AttendanceList } from './AttendanceList';
import { ChairControls } from './ChairControls';
import { CommandStatus } from './CommandStatus';
import { CurrentItem } from './CurrentItem';
import { QuorumStatus } from './QuorumStatus';
import { RunningOrder } from './RunningOrder';
import { MeetingOpening, useMeetingSession } from './useMeetingSession';
import { ShareToStage } from './ShareToStage';
import { StageContent } from './StagePage';
import { SurfaceFrame } from './SurfaceFrame';
import { meetingFrame } from './teamsMeeting';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  head: { display: 'grid', gap: tokens.spacingVerticalXS },
});

/**
 * The meeting's side panel (`#/meetings/<id>/panel`, and Teams' meetingSidePanel): the current item and its clock,
 * the running order, quorum and attendance for everyone, the chair's controls for the chair. Teams may open the
 * same address on the meeting stage; it then shows the stage view.
 */
export default function SidePanelPage({ id }: { id: string }) {
  const [onStage, setOnStage] = useState(false);
  useEffect(() => {
    let live = true;
    void meetingFrame().then((frame) => live && setOnStage(frame?.frameContext === 'meetingStage'));
    return () => {
      live = false;
    };
  }, []);
  return <SurfaceFrame surface={onStage ? 'stage' : 'panel'}>{onStage ? <StageContent id={id} /> : <SidePanel id={id} />}</SurfaceFrame>;
}

function SidePanel({ id }: { id: string }) {
  const styles = useStyles();
  const { live, commands, command, meeting } = useMeetingSession(id);
  // Opening the panel is arriving: the server decides whether it counts (the meeting's day, a first arrival) and the
  // live stream brings the filled-in attendance back. Failing to record it must never stop the panel opening.
  useEffect(() => {
    commands.arrive().catch(() => undefined);
  }, [commands]);

  if (!meeting) {
    return (
      <MeetingOpening error={live.error} focusKey={`panel-${id}`} className={styles.page} />
    );
  }
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <PageHeading focusKey={`panel-${id}`}>
          <UserText>{meeting.title}</UserText>
        </PageHeading>
        <span>
          <Badge appearance="tint" shape="rounded" color={meeting.status === 'in_progress' ? 'success' : 'informative'}>
            {MEETING_STATUS_LABELS[meeting.status]}
          </Badge>{' '}
          <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time>, chaired by <UserText>{meeting.chairName}</UserText>
        </span>
        <LiveStatusLine status={live.status} onReconnect={live.reconnect} />
      </div>
      <Section title="Now" id="now-heading">
        <CurrentItem meeting={meeting} />
        <ChairControls meeting={meeting} commands={commands} command={command} />
        <CommandStatus feedback={command} />
      </Section>
      {meeting.myRole !== 'member' && meeting.myRole !== 'viewer' && (
        <Section title="Stage" id="stage-heading">
          <ShareToStage meetingId={id} />
        </Section>
      )}
      <Section title="Running order" id="order-heading">
        <RunningOrder agenda={meeting.agenda} />
      </Section>
      <Section title="Quorum" id="quorum-heading">
        <QuorumStatus quorum={meeting.quorum} />
      </Section>
      <Section title="Attendance" id="attendance-heading">
        <AttendanceList
          meeting={meeting}
          busy={Boolean(command.busy)}
          onRecord={
            meeting.can.recordAttendance
              ? (body, what) => void command.run('Saving the attendance…', () => commands.recordAttendance(body), `Attendance saved: ${what}.`)
              : undefined
          }
        />
      </Section>
      <Link href={meetingHref(id)} target="_blank" rel="noopener">
        Open the meeting page (agenda, decisions, minutes)
      </Link>
    </div>
  );
}
