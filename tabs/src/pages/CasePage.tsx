import {
  Badge, Card, Link, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { isOverdue } from '../../../src/domain/rules';
import { ApiError } from '../api/client';
import { type ActionItem, type CaseDetail, type CaseView, type ChronologyItem, caseDetailSchema } from '../api/schemas';
import { RiskBadge, StatusBadge } from '../components/CaseBadges';
import { PageHeading } from '../components/PageHeading';
import { ErrorNotice, LiveStatus } from '../components/Status';
import { useStaticRowStyles } from '../components/tableStyles';
import { formatDateTime, formatDay } from '../format';
import { useApi } from '../hooks/useApi';
import { useDirectory } from '../hooks/useDirectory';
import {
  ACTION_STATUS_LABELS, CAPACITY_LABELS, CHRONOLOGY_TYPE_LABELS, CONSENT_LABELS, RISK_CATEGORY_LABELS, SIGNIFICANCE_LABELS,
} from '../labels';
import { useSession } from '../auth/session';
import { registerHref } from '../routing/useHashRoute';
import { InvolvementForm } from './InvolvementForm';

export const NOT_PERMITTED = 'No case with that reference was found, or you are not permitted to see it.';

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalM },
  headline: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL },
  sections: { display: 'grid', gap: tokens.spacingVerticalXL },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0 },
  },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  chronology: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  entry: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  entryMeta: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', color: tokens.colorNeutralForeground2 },
  tableWrap: { overflowX: 'auto' },
  actionColumn: { width: '40%' },
  statusCell: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CasePage({ id }: { id: string }) {
  const styles = useStyles();
  const path = `/api/cases/${encodeURIComponent(id)}`;
  const result = useApi(path, (client, signal) => client.get(path, caseDetailSchema, signal));
  const notFound = result.state === 'error' && result.error instanceof ApiError && result.error.status === 404;

  return (
    <>
      <Link href={registerHref()} className={styles.back}>
        <ArrowLeftRegular aria-hidden /> Back to the register
      </Link>
      {result.state === 'loading' && !result.data && (
        <>
          <PageHeading focusKey={`case-${id}`}>Case</PageHeading>
          <LiveStatus message="Loading the case…" busy />
        </>
      )}
      {notFound && (
        <>
          <PageHeading focusKey={`case-${id}-missing`}>Case not found</PageHeading>
          <ErrorNotice title="Not available" message={NOT_PERMITTED} />
        </>
      )}
      {result.state === 'error' && !notFound && !result.data && (
        <>
          <PageHeading focusKey={`case-${id}-error`}>Case</PageHeading>
          <ErrorNotice title="The case could not be loaded" message={result.error.message} onRetry={result.reload} />
        </>
      )}
      {result.data && !notFound && <CaseContent detail={result.data} onChanged={result.reload} />}
    </>
  );
}

function CaseContent({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const styles = useStyles();
  const { me } = useSession();
  const c = detail.case;
  const mine = c.involvements?.find((i) => i.agencyId === me.agency.id);
  // Keyed, so the form (and its "saved" message) survives the switch from summary to full view that saying
  // "known" brings.
  const involvement = detail.can?.recordInvolvement ? (
    <Section key="involvement" title="Known to your agency?" id="involvement-heading">
      <InvolvementForm caseId={c.id} current={mine?.known} onSaved={onChanged} />
    </Section>
  ) : null;
  return (
    <>
      <PageHeading focusKey={`case-${c.id}-ready`}>Case {c.ref}</PageHeading>
      <LiveStatus message={`Case ${c.ref} loaded.`} hidden />
      <div className={styles.headline}>
        <StatusBadge status={c.status} />
        <RiskBadge level={c.riskLevel} />
        <Text>Adult: {c.initials}</Text>
      </div>
      {detail.access === 'summary' ? (
        <div className={styles.sections}>
          {[<SummaryOnly key="summary" c={c} />, involvement]}
        </div>
      ) : (
        <div className={styles.sections}>
          {[
            <FullSummary key="full" c={c} />,
            <Chronology key="chronology" entries={detail.chronology ?? []} />,
            <Actions key="actions" actions={detail.actions ?? []} />,
            involvement,
          ]}
        </div>
      )}
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={id}>
      <Card>
        <h2 id={id} className={styles.h2}>
          {title}
        </h2>
        {children}
      </Card>
    </section>
  );
}

function Categories({ c }: { c: CaseView }) {
  const styles = useStyles();
  if (!c.riskCategories?.length) return <>None recorded</>;
  return (
    <span className={styles.chips}>
      {c.riskCategories.map((cat) => (
        <Badge key={cat} appearance="tint" color="informative" shape="rounded">
          {RISK_CATEGORY_LABELS[cat]}
        </Badge>
      ))}
    </span>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd>{value === '' || value === undefined || value === null ? <span className={styles.muted}>Not recorded</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What every partner may see of a new referral: enough to say "known to us", nothing more. */
function SummaryOnly({ c }: { c: CaseView }) {
  const directory = useDirectory();
  const styles = useStyles();
  return (
    <div className={styles.sections}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Summary only</MessageBarTitle>
          You can see the minimal summary of this referral. Say whether the adult is known to your agency; the full record opens to
          agencies involved in the case.
        </MessageBarBody>
      </MessageBar>
      <Section title="Referral summary" id="summary-heading">
        <Facts
          rows={[
            ['Reference', c.ref],
            ['Initials', c.initials],
            ['Risk categories', <Categories key="cats" c={c} />],
            ['Referring agency', directory.agency(c.referrerAgencyId)?.name ?? ''],
            ['Received', formatDay(c.receivedAt)],
            ['Known to', <KnownTo key="known" c={c} />],
          ]}
        />
      </Section>
    </div>
  );
}

function FullSummary({ c }: { c: CaseView }) {
  const directory = useDirectory();
  const lead = directory.member(c.leadProfessionalId);
  return (
    <Section title="Summary" id="summary-heading">
      <Facts
        rows={[
          ['Reference', c.ref],
          ['Adult', c.adult ? `${c.adult.name} (${c.initials})` : c.initials],
          ['Risk categories', <Categories key="cats" c={c} />],
          ['Lead agency', directory.agency(c.leadAgencyId)?.name ?? ''],
          ['Lead professional', lead ? `${lead.name}${directory.agency(lead.agencyId) ? `, ${directory.agency(lead.agencyId)!.shortName}` : ''}` : ''],
          ['Risk level', c.riskLevel ? <RiskBadge key="risk" level={c.riskLevel} /> : ''],
          ['Next review', formatDay(c.nextReviewDate)],
          ['Capacity', c.capacity ? CAPACITY_LABELS[c.capacity] : ''],
          ['Consent', c.consent ? `${CONSENT_LABELS[c.consent]}${c.adultAware === false ? '; the adult is not aware of the referral' : ''}` : ''],
          ["Adult's views", c.adultViews ?? ''],
          ['Referring agency', directory.agency(c.referrerAgencyId)?.name ?? ''],
          ['Received', formatDay(c.receivedAt)],
          ['Known to', <KnownTo key="known" c={c} />],
        ]}
      />
    </Section>
  );
}

/** The agencies that have said the adult is known to them. */
function KnownTo({ c }: { c: CaseView }) {
  const directory = useDirectory();
  const known = (c.involvements ?? []).filter((i) => i.known).map((i) => directory.agency(i.agencyId)?.name ?? i.agencyId);
  return <>{known.length ? known.join(', ') : 'No agency has said so yet'}</>;
}

const newestFirst = (a: ChronologyItem, b: ChronologyItem) => b.occurredAt.localeCompare(a.occurredAt);

function Chronology({ entries }: { entries: ChronologyItem[] }) {
  const styles = useStyles();
  const directory = useDirectory();
  return (
    <Section title="Chronology" id="chronology-heading">
      {entries.length === 0 ? (
        <p className={styles.muted}>No chronology entries yet.</p>
      ) : (
        <ol className={styles.chronology} aria-label="Chronology, newest first">
          {[...entries].sort(newestFirst).map((e) => (
            <li key={e.id} className={styles.entry}>
              <span className={styles.entryMeta}>
                <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                <Text weight="semibold">{CHRONOLOGY_TYPE_LABELS[e.type]}</Text>
                {e.sourceAgencyId && <span>{directory.agency(e.sourceAgencyId)?.shortName ?? ''}</span>}
                {e.significance && (
                  <Badge appearance="tint" shape="rounded" color={e.significance === 'high' ? 'danger' : e.significance === 'medium' ? 'warning' : 'subtle'}>
                    {SIGNIFICANCE_LABELS[e.significance]}
                  </Badge>
                )}
                {e.correctsEntryId && <Badge appearance="outline" shape="rounded">Correction</Badge>}
              </span>
              <Text>{e.summary}</Text>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function Actions({ actions }: { actions: ActionItem[] }) {
  const styles = useStyles();
  const directory = useDirectory();
  const rowStyles = useStaticRowStyles();
  const today = new Date();
  return (
    <Section title="Actions" id="actions-heading">
      {actions.length === 0 ? (
        <p className={styles.muted}>No actions yet.</p>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-labelledby="actions-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.actionColumn}>Action</TableHeaderCell>
                <TableHeaderCell>Owner</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...actions]
                .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
                .map((a) => {
                  const owner = directory.member(a.ownerId);
                  const agency = directory.agency(a.agencyId ?? owner?.agencyId);
                  const overdue = a.overdue ?? isOverdue(a, today);
                  return (
                    <TableRow key={a.id} className={rowStyles.row}>
                      <TableCell>
                        <Text>{a.description}</Text>
                      </TableCell>
                      <TableCell>
                        {owner?.name ?? 'Unknown member'}
                        {agency && <span className={styles.muted}>, {agency.shortName}</span>}
                      </TableCell>
                      <TableCell>
                        <time dateTime={a.dueDate}>{formatDay(a.dueDate)}</time>
                      </TableCell>
                      <TableCell>
                        <span className={styles.statusCell}>
                          {ACTION_STATUS_LABELS[a.status]}
                          {overdue && (
                            <Badge appearance="filled" color="danger" shape="rounded">
                              Overdue
                            </Badge>
                          )}
                        </span>
                      </TableCell>
                    </TableRow>
                  );
                })}
            </TableBody>
          </Table>
        </div>
      )}
    </Section>
  );
}
