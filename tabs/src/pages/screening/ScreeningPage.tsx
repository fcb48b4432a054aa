import {
  Badge, Card, Field, Link, MessageBar, MessageBarBody, Select, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseStatus } from '../../../../src/domain/enums';
import { type MeetingItem, type ScreeningItem, meetingListSchema, screeningQueueSchema, paths } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { CategoryBadges, StatusBadge } from '../../components/CaseBadges';
import { PageHeading } from '../../components/PageHeading';
import { ReferralActions } from '../../components/referral/ReferralActions';
import { UserText } from '../../components/UserText';
import { useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { formatDateTime, formatDay, plural } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDirectory } from '../../hooks/useDirectory';
import { STATUS_LABELS } from '../../labels';
import { caseHref } from '../../routing/useHashRoute';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  tools: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalL },
  card: { display: 'grid', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  facts: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 }, '& dd': { margin: 0 } },
  fact: { display: 'grid' },
  question: { margin: 0, padding: tokens.spacingHorizontalS, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorder2}`, whiteSpace: 'pre-wrap' },
  select: { minWidth: '12rem' },
});

const QUEUE = paths.screeningQueue();
const QUEUE_STATUSES: CaseStatus[] = ['submitted', 'info_requested', 'listed', 'deferred'];

/** Referrals waiting to be screened, oldest first, with what a coordinator (or the chair) can do with each. */
export default function ScreeningPage() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { me } = useSession();
  const allowed = me.can.readScreeningQueue;
  const queue = useApi(allowed ? QUEUE : 'no-queue', (client, signal) => (allowed ? client.get(QUEUE, screeningQueueSchema, signal) : Promise.resolve([])));
  const meetings = useApi(allowed ? 'meetings' : 'no-meetings', (client, signal) => (allowed ? client.get(paths.meetings(), meetingListSchema, signal) : Promise.resolve([])));
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [done, setDone] = useState<string>();

  if (!allowed) {
    return (
      <>
        <PageHeading focusKey="screening-refused">Screening queue</PageHeading>
        <ErrorNotice title="Not permitted" message="The screening queue is for the panel's coordinators and chair." />
      </>
    );
  }

  const items = (queue.data ?? []).filter((i) => !status || i.status === status);
  return (
    <div className={styles.page}>
      <PageHeading focusKey="screening">Screening queue</PageHeading>
      <p className={muted.secondary}>Referrals waiting for the panel, oldest first. Open a reference to read the whole referral.</p>
      <div className={styles.tools}>
        <Field label="Status">
          <Select className={styles.select} value={status} onChange={(_, d) => setStatus(d.value as CaseStatus | '')}>
            <option value="">All waiting</option>
            {QUEUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div role="status" aria-live="polite">
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {queue.state === 'error' && <ErrorNotice title="The queue could not be loaded" message={queue.error.message} onRetry={queue.reload} />}
      <LiveStatus
        busy={queue.state === 'loading' && !queue.data}
        message={queue.state === 'loading' && !queue.data ? 'Loading the queue…' : queue.data ? (items.length ? `${plural(items.length, 'referral')} waiting.` : 'No referral is waiting.') : ''}
      />
      {items.length > 0 && (
        <ul className={styles.list} aria-label="Referrals waiting">
          {items.map((item) => (
            <QueueItem
              key={item.id}
              item={item}
              meetings={meetings.data ?? []}
              onChanged={(what) => {
                setDone(what);
                queue.reload();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function QueueItem({ item, meetings, onChanged }: { item: ScreeningItem; meetings: MeetingItem[]; onChanged: (what: string) => void }) {
  const styles = useStyles();
  const directory = useDirectory();
  const listedFor = meetings.find((m) => m.id === item.listedMeetingId);
  const headingId = `queue-${item.id}`;
  return (
    <li aria-labelledby={headingId}>
      <Card className={styles.card}>
        <div className={styles.head}>
          <h2 id={headingId} className={styles.h2}>
            <Link href={caseHref(item.id)}>{item.ref}</Link>
          </h2>
          <UserText>{item.initials}</UserText>
          <StatusBadge status={item.status} />
          {item.daysWaiting > 14 && (
            <Badge appearance="tint" color="warning" shape="rounded">
              Waiting over two weeks
            </Badge>
          )}
          {item.repeatOf && (
            <Badge appearance="tint" color="important" shape="rounded">
              Referred before
            </Badge>
          )}
        </div>
        <CategoryBadges categories={item.riskCategories} />
        <dl className={styles.facts}>
          <div className={styles.fact}>
            <dt>Referred by</dt>
            <dd>{directory.agency(item.referrerAgencyId)?.name ?? 'Unknown agency'}</dd>
          </div>
          <div className={styles.fact}>
            <dt>Received</dt>
            <dd>
              {formatDay(item.receivedAt)} ({item.daysWaiting === 1 ? '1 day' : `${item.daysWaiting} days`} ago)
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>Agencies answered</dt>
            <dd>{item.answeredAgencies}</dd>
          </div>
          {item.repeatOf && (
            <div className={styles.fact}>
              <dt>Earlier referral (12 months)</dt>
              <dd>{item.repeatOf.caseId && item.repeatOf.ref ? <Link href={caseHref(item.repeatOf.caseId)}>{item.repeatOf.ref}</Link> : 'Referred before; you may not open that case'}</dd>
            </div>
          )}
          <div className={styles.fact}>
            <dt>Listed for</dt>
            <dd>{listedFor ? `${listedFor.title}, ${formatDateTime(listedFor.startsAt)}` : 'Not on an agenda'}</dd>
          </div>
        </dl>
        {item.infoRequest && (
          <p className={styles.question}>
            Asked on {formatDay(item.infoRequest.at)}: <UserText>{item.infoRequest.question}</UserText>
          </p>
        )}
        <ReferralActions
          caseId={item.id}
          reference={item.ref}
          referrerAgencyId={item.referrerAgencyId}
          abilities={item.can}
          meetings={meetings}
          listedMeetingId={item.listedMeetingId}
          onChanged={onChanged}
        />
      </Card>
    </li>
  );
}
