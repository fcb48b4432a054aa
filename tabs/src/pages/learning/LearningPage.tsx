import { Badge, Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { LEARNING_REVIEW_KIND_LABELS, LEARNING_REVIEW_STATUS_LABELS } from '../../../../src/domain/boardWork';
import { type BoardActionItem, type LearningReviewList, learningReviewListSchema, learningReviewViewSchema, paths } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { ActionTable } from '../../components/actions/ActionTable';
import { type ResponsiveColumn, ResponsiveTable } from '../../components/layout/ResponsiveTable';
import { PageHeading } from '../../components/PageHeading';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { UserText } from '../../components/UserText';
import { formatDay, plural } from '../../format';
import { useApi } from '../../hooks/useApi';
import { caseHref, learningHref } from '../../routing/useHashRoute';
import { AddRecommendationDialog, CreateReviewDialog, ReviewActionDialog } from './LearningDialogs';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  table: { minWidth: '640px' },
  recommendation: { display: 'grid', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  agency: { margin: 0, fontSize: tokens.fontSizeBase300 },
  facts: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/** `#/learning`: every learning review; `#/learning/<id>`: one review, its recommendations and each organisation's actions. */
export default function LearningPage({ id }: { id?: string }) {
  return id ? <ReviewPage id={id} /> : <ReviewList />;
}

type ReviewLine = LearningReviewList['reviews'][number];

function ReviewList() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const path = paths.learningReviews();
  const list = useApi(path, (c, signal) => c.get(path, learningReviewListSchema, signal));
  const [added, setAdded] = useState<string>();
  const columns: ResponsiveColumn<ReviewLine>[] = [
    { key: 'ref', header: 'Review', cell: (r) => <Link href={learningHref(r.id)}>{r.ref}</Link> },
    { key: 'title', header: 'Title', cell: (r) => <UserText>{r.title}</UserText> },
    { key: 'kind', header: 'Kind', cell: (r) => LEARNING_REVIEW_KIND_LABELS[r.kind] },
    { key: 'status', header: 'Status', cell: (r) => LEARNING_REVIEW_STATUS_LABELS[r.status] },
    { key: 'recommendations', header: 'Recommendations', cell: (r) => String(r.recommendations) },
    {
      key: 'actions', header: 'Actions',
      cell: (r) => `${plural(r.actions.total, 'action')}, ${r.actions.finished} finished${r.actions.overdue ? `, ${r.actions.overdue} overdue` : ''}`,
    },
  ];
  return (
    <div className={styles.page}>
      <PageHeading focusKey="learning">Learning reviews</PageHeading>
      {list.data?.can.create && <div><CreateReviewDialog onDone={(newId, what) => { setAdded(what); window.location.hash = learningHref(newId); }} /></div>}
      <div role="status" aria-live="polite">
        {added && (
          <MessageBar intent="success">
            <MessageBarBody>{added}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <LiveStatus busy={list.state === 'loading'} message={list.state === 'loading' ? 'Loading learning reviews…' : list.data ? `${plural(list.data.reviews.length, 'learning review')}.` : ''} />
      {list.state === 'error' && <ErrorNotice title="The learning reviews could not be loaded" message={list.error.message} onRetry={list.reload} />}
      {list.data &&
        (list.data.reviews.length === 0 ? (
          <p className={muted.muted}>No learning reviews yet.</p>
        ) : (
          <ResponsiveTable
            label="Learning reviews"
            rows={list.data.reviews}
            rowKey={(r) => r.id}
            columns={columns}
            tableClassName={styles.table}
            stacked={{ title: (r) => <Link href={learningHref(r.id)}>{r.ref}</Link>, state: (r) => LEARNING_REVIEW_STATUS_LABELS[r.status], details: ['title', 'kind', 'recommendations', 'actions'] }}
          />
        ))}
    </div>
  );
}

function ReviewPage({ id }: { id: string }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { client } = useSession();
  const path = paths.learningReview(id);
  const view = useApi(path, (c, signal) => c.get(path, learningReviewViewSchema, signal));
  const [done, setDone] = useState<string>();
  const changed = (what: string) => {
    setDone(what);
    view.reload();
  };
  const latest = async (actionId: string) =>
    (await client.get(path, learningReviewViewSchema)).recommendations.flatMap((r) => r.actions).find((a) => a.id === actionId);
  const data = view.data;
  return (
    <div className={styles.page}>
      <PageHeading focusKey={`learning-${id}`}>{data ? `${data.review.ref}: ${data.review.title}` : 'Learning review'}</PageHeading>
      <p>
        <Link href={learningHref()}>All learning reviews</Link>
      </p>
      <LiveStatus busy={view.state === 'loading'} message={view.state === 'loading' ? 'Loading the review…' : ''} />
      {view.state === 'error' && <ErrorNotice title="The review could not be loaded" message={view.error.message} onRetry={view.reload} />}
      {data && (
        <>
          <dl className={styles.facts}>
            <div><dt className={muted.muted}>Kind</dt><dd>{LEARNING_REVIEW_KIND_LABELS[data.review.kind]}</dd></div>
            <div><dt className={muted.muted}>Status</dt><dd>{LEARNING_REVIEW_STATUS_LABELS[data.review.status]}</dd></div>
            <div><dt className={muted.muted}>Started</dt><dd>{formatDay(data.review.startedOn)}</dd></div>
            {data.review.publishedOn && <div><dt className={muted.muted}>Published</dt><dd>{formatDay(data.review.publishedOn)}</dd></div>}
            {data.review.sourceCase && <div><dt className={muted.muted}>From case</dt><dd><Link href={caseHref(data.review.sourceCase.id)}>{data.review.sourceCase.ref}</Link></dd></div>}
          </dl>
          <div className={styles.facts}>
            {data.can.addRecommendation && <AddRecommendationDialog reviewId={data.review.id} version={data.review.version} onDone={changed} />}
            {data.can.createAction && <ReviewActionDialog reviewId={data.review.id} numbers={data.recommendations.map((r) => r.number)} onDone={changed} />}
          </div>
          <div role="status" aria-live="polite">
            {done && (
              <MessageBar intent="success">
                <MessageBarBody>{done}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          {data.recommendations.length === 0 && <p className={muted.muted}>No recommendations yet.</p>}
          {data.recommendations.map((r) => (
            <Section key={r.id} title={`Recommendation ${r.number}`} id={`recommendation-${r.number}`}>
              <div className={styles.recommendation}>
                <p><UserText>{r.text}</UserText></p>
                {r.actions.length === 0 ? (
                  <p className={muted.muted}>No actions you can see yet.</p>
                ) : (
                  byAgency(r.actions).map(([agency, actions]) => (
                    <div key={agency} className={styles.recommendation}>
                      <h3 className={styles.agency}>
                        {agency}{' '}
                        {actions.some((a) => a.overdue) && <Badge appearance="tint" color="danger">Overdue</Badge>}
                      </h3>
                      <ActionTable label={`Recommendation ${r.number}: ${agency}`} actions={actions} onChanged={view.reload} latest={latest} />
                    </div>
                  ))
                )}
              </div>
            </Section>
          ))}
        </>
      )}
    </div>
  );
}

/** Each organisation's actions together, organisations in name order. */
function byAgency(actions: BoardActionItem[]): [string, BoardActionItem[]][] {
  const groups = new Map<string, BoardActionItem[]>();
  for (const a of actions) groups.set(a.agencyName, [...(groups.get(a.agencyName) ?? []), a]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
