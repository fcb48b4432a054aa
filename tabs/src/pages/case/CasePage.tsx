import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { LIVE_CASE_STATUSES } from '../../../../src/domain/enums';
import { ApiError } from '../../api/client';
import { type CaseView, caseViewSchema, paths } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { RiskBadge, StatusBadge } from '../../components/CaseBadges';
import { PageHeading } from '../../components/PageHeading';
import { Section } from '../../components/Section';
import { UserText } from '../../components/UserText';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { useApi } from '../../hooks/useApi';
import { registerHref } from '../../routing/useHashRoute';
import { InvolvementForm } from './InvolvementForm';
import { ActionsSection } from './sections/ActionsSection';
import { AuditSection } from './sections/AuditSection';
import { BreakGlassFlag, BreakGlassSection } from './sections/BreakGlassSection';
import { CaseCommands } from './sections/CaseCommands';
import { ChronologySection } from './sections/ChronologySection';
import { DecisionsSection } from './sections/DecisionsSection';
import { InfoRequestSection } from './sections/InfoRequestSection';
import { MissingNotice } from './sections/MissingNotice';
import { PlanSection } from './sections/PlanSection';
import { RestrictionSection } from './sections/RestrictionSection';
import { RiskSection } from './sections/RiskSection';
import { SharingDecisionsSection } from './sections/SharingDecisionsSection';
import { FullSummary, SummaryOnly } from './sections/SummarySection';
import { VoiceSection } from './sections/VoiceSection';
import { SubjectAccessSection } from './sections/SubjectAccessSection';

export const NOT_PERMITTED = 'No case with that reference was found, or you are not permitted to see it.';

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalM },
  headline: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL },
  // minmax(0, 1fr): no section's widest content may stretch the column past a 320 px screen.
  sections: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalXL },
  jump: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center', margin: 0, padding: 0, listStyleType: 'none' },
  jumpLabel: { color: tokens.colorNeutralForeground2, marginRight: tokens.spacingHorizontalXS },
});

export default function CasePage({ id }: { id: string }) {
  const path = paths.case(id);
  const result = useApi(path, (client, signal) => client.get(path, caseViewSchema, signal));
  return <CaseScreen id={id} result={result} />;
}

type CaseResult = ReturnType<typeof useApi<CaseView>>;

/** Loading, not found and failure around the case itself; shared with the by-reference route. */
export function CaseScreen({ id, result }: { id: string; result: CaseResult }) {
  const styles = useStyles();
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

/** The sections a full case shows, in the order people work through a case; each names its h2 id for the jump list. */
const SECTION_ORDER: { id: string; label: string }[] = [
  { id: 'summary-heading', label: 'Summary' },
  { id: 'plan-heading', label: 'Plan' },
  { id: 'actions-heading', label: 'Actions' },
  { id: 'risk-heading', label: 'Risk assessment' },
  { id: 'chronology-heading', label: 'Chronology' },
  { id: 'voice-heading', label: "Adult's voice" },
  { id: 'decisions-heading', label: 'Decisions' },
  { id: 'audit-heading', label: 'Audit trail' },
];

function jumpTo(id: string) {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

function CaseContent({ detail, onChanged }: { detail: CaseView; onChanged: () => void }) {
  const styles = useStyles();
  const { me } = useSession();
  const c = detail.case;
  const { can } = detail;
  const mine = detail.access === 'summary' ? detail.case.myAgencyInvolvement : detail.involvements.find((i) => i.agencyId === me.agency.id);
  // Keyed, so the form (and its "saved" message) survives the switch from summary to full view that saying
  // "known" brings.
  const involvement = can.recordInvolvement ? (
    <Section key="involvement" title="Known to your agency?" id="involvement-heading">
      <InvolvementForm caseId={c.id} current={mine?.known} onSaved={onChanged} />
    </Section>
  ) : null;

  let sections: ReactNode[];
  if (detail.access === 'summary') {
    sections = [<SummaryOnly key="summary" c={detail.case} />, involvement];
  } else {
    const c = detail.case;
    const live = LIVE_CASE_STATUSES.includes(c.status);
    const shown = new Set(['summary-heading', 'chronology-heading', 'voice-heading', 'decisions-heading', 'actions-heading']);
    if (live || c.leadAgencyId) shown.add('plan-heading');
    if (live || detail.riskAssessments.length > 0) shown.add('risk-heading');
    if (can.readAudit) shown.add('audit-heading');
    sections = [
      <nav key="jump" aria-label="On this page">
        <ul className={styles.jump}>
          <li className={styles.jumpLabel}>
            <Text>Jump to:</Text>
          </li>
          {SECTION_ORDER.filter((s) => shown.has(s.id)).map((s) => (
            <li key={s.id}>
              <Button size="small" appearance="subtle" onClick={() => jumpTo(s.id)}>
                {s.label}
              </Button>
            </li>
          ))}
        </ul>
      </nav>,
      <MissingNotice key="missing" missing={detail.missing} />,
      <CaseCommands key="commands" detail={detail} onChanged={onChanged} />,
      <InfoRequestSection key="info" detail={detail} onChanged={onChanged} />,
      <FullSummary key="full" c={c} involvements={detail.involvements} />,
      shown.has('plan-heading') ? <PlanSection key="plan" detail={detail} onChanged={onChanged} /> : null,
      <ActionsSection key="actions" detail={detail} onChanged={onChanged} />,
      shown.has('risk-heading') ? <RiskSection key="risk" detail={detail} onChanged={onChanged} /> : null,
      <ChronologySection key="chronology" detail={detail} onChanged={onChanged} />,
      <VoiceSection key="voice" detail={detail} onChanged={onChanged} />,
      <DecisionsSection key="decisions" decisions={detail.decisions} />,
      <SharingDecisionsSection key="sharing" caseId={c.id} />,
      involvement,
      <RestrictionSection key="restriction" detail={detail} onChanged={onChanged} />,
      <BreakGlassSection key="breakglass" detail={detail} />,
      can.readAudit ? <AuditSection key="audit" caseId={c.id} /> : null,
      can.exportSubjectAccess ? <SubjectAccessSection key="subject-access" caseId={c.id} caseRef={c.ref} /> : null,
    ];
  }

  return (
    <>
      <PageHeading focusKey={`case-${c.id}-ready`}>Case {c.ref}</PageHeading>
      <LiveStatus message={`Case ${c.ref} loaded.`} hidden />
      <div className={styles.headline}>
        {detail.access === 'full' && <StatusBadge status={detail.case.status} />}
        {detail.access === 'full' && <RiskBadge level={detail.case.riskLevel} />}
        <Text>
          Adult: <UserText>{c.initials}</UserText>
        </Text>
        {detail.access === 'full' && detail.case.restricted && <Text weight="semibold">Restricted</Text>}
        {detail.access === 'full' && <BreakGlassFlag detail={detail} />}
      </div>
      <div className={styles.sections}>{sections}</div>
    </>
  );
}
