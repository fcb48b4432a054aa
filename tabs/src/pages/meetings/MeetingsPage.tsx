import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { homeSchema, type MeetingSummary, meetingSummarySchema, paths } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { NextMeetingSummary } from '../../components/NextMeetingSummary';
import { PageHeading } from '../../components/PageHeading';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { ResponsiveTable } from '../../components/layout/ResponsiveTable';
import { formatDateTime, formatDay, todayIso } from '../../format';
import { useApi } from '../../hooks/useApi';
import { MEETING_STATUS_LABELS } from '../../labels';
import { UserText } from '../../components/UserText';
import { meetingHref } from '../../routing/useHashRoute';
import { ScheduleMeetingDialog } from './ScheduleMeetingDialog';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalXL },
  table: { minWidth: '680px' },
  join: { marginLeft: tokens.spacingHorizontalS },
});

// Held meetings carry their minutes' timeliness; the plain list shape is accepted too.
const meetingListSchema = meetingSummarySchema.array();

const UPCOMING = new Set(['planned', 'agenda_published', 'in_progress']);

/**
 * The panels: the next one with its agenda, those still to come, and those held with their minutes' timeliness in
 * working days against the 3-day standard. Coordinators schedule meetings here; each meeting opens its own page.
 */
export default function MeetingsPage() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const session = useSession();
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
      {session.me.can.manageMeetings && (
        <div>
          <ScheduleMeetingDialog onDone={(m) => (window.location.hash = meetingHref(m.id))} />
        </div>
      )}
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

/** A table on wide screens; on a phone or in the side panel, one card per meeting: title and status, then the rest. */
function MeetingTable({ label, meetings, past = false }: { label: string; meetings: MeetingSummary[]; past?: boolean }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const title = (m: MeetingSummary) => (
    <Link href={meetingHref(m.id)}>
      <UserText>{m.title}</UserText>
    </Link>
  );
  const join = (m: MeetingSummary) =>
    m.teamsLink && !past ? (
      <Link href={m.teamsLink} target="_blank" rel="noopener noreferrer" aria-label={`Join ${m.title} in Teams`}>
        Join
      </Link>
    ) : null;
  const status = (m: MeetingSummary) => (
    <Badge appearance="tint" shape="rounded" color={m.status === 'minutes_issued' ? 'success' : m.status === 'held' ? 'warning' : 'informative'}>
      {MEETING_STATUS_LABELS[m.status]}
    </Badge>
  );
  return (
    <ResponsiveTable
      label={label}
      rows={meetings}
      rowKey={(m) => m.id}
      tableClassName={styles.table}
      columns={[
        { key: 'when', header: 'When', cell: (m) => <time dateTime={m.startsAt}>{formatDateTime(m.startsAt)}</time> },
        {
          key: 'meeting',
          header: 'Meeting',
          cell: (m) => (
            <>
              {title(m)}
              {join(m) && <span className={styles.join}>{join(m)}</span>}
            </>
          ),
        },
        { key: 'status', header: 'Status', cell: status },
        { key: 'chair', header: 'Chair', cell: (m) => m.chairName ?? '' },
        {
          key: 'papers',
          header: past ? 'Minutes' : 'Papers',
          cell: (m) =>
            past ? (
              <MinutesCell meeting={m} />
            ) : m.papersIssuedAt ? (
              `Issued ${formatDay(m.papersIssuedAt)}`
            ) : (
              <span className={muted.muted}>Not issued yet</span>
            ),
        },
      ]}
      stacked={{ title: (m) => <strong>{title(m)}</strong>, state: status, details: ['when', 'chair', 'papers'], action: join }}
    />
  );
}

/** Minutes issued or not, and the working days they took (or have taken so far) against the standard. */
function MinutesCell({ meeting: m }: { meeting: MeetingSummary }) {
  const muted = useMutedStyles();
  const t = m.minutesTimeliness;
  const days = t ? ` (${t.workingDays} working ${t.workingDays === 1 ? 'day' : 'days'}, standard ${t.standardWorkingDays})` : '';
  return (
    <>
      {m.minutesIssuedAt ? `Issued ${formatDay(m.minutesIssuedAt)}${days}` : <span className={muted.muted}>Not issued yet{days}</span>}
      {t && (
        <>
          {' '}
          <Badge appearance="tint" shape="rounded" color={t.withinStandard ? 'success' : 'danger'}>
            {t.withinStandard ? (t.issued ? 'On time' : 'Within the standard') : 'Late'}
          </Badge>
        </>
      )}
    </>
  );
}
