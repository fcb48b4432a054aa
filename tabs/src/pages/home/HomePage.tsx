import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ClipboardTaskListLtrRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useFocusRescue } from '../../a11y/useFocusRescue';
import { homeSchema, paths } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { ActionTable } from '../../components/actions/ActionTable';
import { CategoryBadges } from '../../components/CaseBadges';
import { NextMeetingSummary } from '../../components/NextMeetingSummary';
import { PageHeading } from '../../components/PageHeading';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { formatDay, plural } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDirectory } from '../../hooks/useDirectory';
import { actionsHref, caseHref, meetingsHref, referHref, screeningHref } from '../../routing/useHashRoute';
import { UserText } from '../../components/UserText';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalXL },
  quick: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  columns: { display: 'grid', gap: tokens.spacingVerticalXL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 26rem), 1fr))' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: { display: 'grid', gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  itemHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  ref: { fontWeight: tokens.fontWeightSemibold },
});

const HOME = paths.home();

/** What needs me today: my actions (overdue first), referrals my agency has not answered, the next panel. */
export default function HomePage() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { me, client } = useSession();
  const directory = useDirectory();
  const home = useApi(HOME, (c, signal) => c.get(HOME, homeSchema, signal));
  const data = home.data;
  const firstName = me.member.name.split(' ')[0];
  const overdue = data?.myActions.filter((a) => a.overdue).length ?? 0;
  // The last open action finished: its table goes, and focus with it; it comes to the section's heading instead.
  const myActionsRef = useRef<HTMLDivElement>(null);
  useFocusRescue(myActionsRef, [data], () => document.getElementById('my-actions'));

  return (
    <div className={styles.page}>
      <div>
        <PageHeading focusKey="home">Home</PageHeading>
        <Text>
          Hello {firstName}. {data ? `You have ${plural(data.myActions.length, 'open action')}${overdue ? `, ${overdue} overdue` : ''}.` : ''}
        </Text>
      </div>
      <div className={styles.quick}>
        {me.can.refer && (
          <Button as="a" href={referHref()} appearance="primary" icon={<PersonAddRegular />}>
            Refer an adult
          </Button>
        )}
        {me.can.readScreeningQueue && (
          <Button as="a" href={screeningHref()} icon={<ClipboardTaskListLtrRegular />}>
            Screening queue
          </Button>
        )}
      </div>
      {home.state === 'loading' && !data && <LiveStatus message="Loading your home page…" busy />}
      {home.state === 'error' && <ErrorNotice title="Your home page could not be loaded" message={home.error.message} onRetry={home.reload} />}
      {data && (
        <>
          <LiveStatus message="Home page loaded." hidden />
          <div ref={myActionsRef}>
            <Section title="My actions" id="my-actions" tools={<Link href={actionsHref()}>All my actions</Link>}>
              {data.myActions.length === 0 ? (
                <p className={muted.muted}>You have no open actions.</p>
              ) : (
                <ActionTable
                  label="My actions"
                  actions={data.myActions}
                  showCase
                  onChanged={home.reload}
                  latest={async (id) => (await client.get(HOME, homeSchema)).myActions.find((a) => a.id === id)}
                />
              )}
            </Section>
          </div>
          <div className={styles.columns}>
            <Section title="New referrals awaiting your agency's answer" id="awaiting">
              {data.awaitingMyAgency.length === 0 ? (
                <p className={muted.muted}>No new referral is waiting for {me.agency.shortName} to say whether the adult is known.</p>
              ) : (
                <>
                {data.awaitingTotal > data.awaitingMyAgency.length && (
                  <p className={muted.secondary}>The {data.awaitingMyAgency.length} oldest of {data.awaitingTotal} waiting.</p>
                )}
                <ul className={styles.list} aria-labelledby="awaiting">
                  {data.awaitingMyAgency.map((r) => (
                    <li key={r.id} className={styles.item}>
                      <span className={styles.itemHead}>
                        <Link href={caseHref(r.id)} className={styles.ref}>
                          {r.ref}
                        </Link>
                        <UserText>{r.initials}</UserText>
                        <Badge appearance="outline" shape="rounded">
                          Received {formatDay(r.receivedAt)}
                        </Badge>
                      </span>
                      <span className={muted.secondary}>Referred by {directory.agency(r.referrerAgencyId)?.name ?? 'another agency'}</span>
                      <CategoryBadges categories={r.riskCategories} />
                    </li>
                  ))}
                </ul>
                </>
              )}
            </Section>
            <Section title="Next panel" id="next-panel" tools={<Link href={meetingsHref()}>All meetings</Link>}>
              {data.nextMeeting ? <NextMeetingSummary meeting={data.nextMeeting} compact /> : <p className={muted.muted}>No panel is planned yet.</p>}
            </Section>
          </div>
        </>
      )}
    </div>
  );
}
