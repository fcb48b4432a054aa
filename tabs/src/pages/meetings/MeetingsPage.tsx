import {
  Badge, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { homeSchema, type MeetingItem, meetingListSchema, paths } from '../../../../src/contract';
import { NextMeetingSummary } from '../../components/NextMeetingSummary';
import { PageHeading } from '../../components/PageHeading';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { useStaticRowStyles } from '../../components/tableStyles';
import { formatDateTime, formatDay, todayIso } from '../../format';
import { useApi } from '../../hooks/useApi';
import { MEETING_STATUS_LABELS } from '../../labels';
import { UserText } from '../../components/UserText';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalXL },
  wrap: { overflowX: 'auto' },
  table: { minWidth: '680px' },
});

const UPCOMING = new Set(['planned', 'agenda_published', 'in_progress']);

/** The panels: the next one with its agenda, those still to come, and those held (with their minutes). */
export default function MeetingsPage() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const meetings = useApi(paths.meetings(), (c, signal) => c.get(paths.meetings(), meetingListSchema, signal));
  const home = useApi(paths.home(), (c, signal) => c.get(paths.home(), homeSchema, signal));
  const all = meetings.data ?? [];
  const today = todayIso();
  const upcoming = all.filter((m) => UPCOMING.has(m.status) && m.startsAt.slice(0, 10) >= today);
  const past = all.filter((m) => !upcoming.includes(m)).reverse();
  const next = home.data?.nextMeeting;

  return (
    <div className={styles.page}>
      <PageHeading focusKey="meetings">Meetings</PageHeading>
      {meetings.state === 'loading' && !meetings.data && <LiveStatus message="Loading meetings…" busy />}
      {meetings.state === 'error' && <ErrorNotice title="The meetings could not be loaded" message={meetings.error.message} onRetry={meetings.reload} />}
      <Section title="Next panel" id="next-heading">
        {home.state === 'error' && <ErrorNotice title="The next panel could not be loaded" message={home.error.message} onRetry={home.reload} />}
        {next ? <NextMeetingSummary meeting={next} /> : home.data ? <p className={muted.muted}>No panel is planned yet.</p> : null}
      </Section>
      {meetings.data && (
        <>
          <Section title="Coming up" id="upcoming-heading">
            {upcoming.length ? <MeetingTable label="Panels coming up" meetings={upcoming} /> : <p className={muted.muted}>None planned.</p>}
          </Section>
          <Section title="Held" id="past-heading">
            {past.length ? <MeetingTable label="Panels held" meetings={past} past /> : <p className={muted.muted}>No panel has been held yet.</p>}
          </Section>
        </>
      )}
    </div>
  );
}

function MeetingTable({ label, meetings, past = false }: { label: string; meetings: MeetingItem[]; past?: boolean }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const rowStyles = useStaticRowStyles();
  return (
    <div className={styles.wrap}>
      <Table aria-label={label} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell>Meeting</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Chair</TableHeaderCell>
            <TableHeaderCell>{past ? 'Minutes' : 'Papers'}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {meetings.map((m) => (
            <TableRow key={m.id} className={rowStyles.row}>
              <TableCell>
                <time dateTime={m.startsAt}>{formatDateTime(m.startsAt)}</time>
              </TableCell>
              <TableCell>
                <UserText>{m.title}</UserText>
                {m.teamsLink && !past && (
                  <>
                    {' '}
                    <Link href={m.teamsLink} target="_blank" rel="noopener noreferrer" aria-label={`Join ${m.title} in Teams`}>
                      Join
                    </Link>
                  </>
                )}
              </TableCell>
              <TableCell>
                <Badge appearance="tint" shape="rounded" color={m.status === 'minutes_issued' ? 'success' : m.status === 'held' ? 'warning' : 'informative'}>
                  {MEETING_STATUS_LABELS[m.status]}
                </Badge>
              </TableCell>
              <TableCell>{m.chairName ?? ''}</TableCell>
              <TableCell>
                {past ? (
                  m.minutesIssuedAt ? (
                    `Issued ${formatDay(m.minutesIssuedAt)}`
                  ) : (
                    <span className={muted.muted}>Not issued yet</span>
                  )
                ) : m.papersIssuedAt ? (
                  `Issued ${formatDay(m.papersIssuedAt)}`
                ) : (
                  <span className={muted.muted}>Not issued yet</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
