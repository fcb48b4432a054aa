import {
  Badge, type BadgeProps, Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { LIVE_CASE_STATUSES, type RagRating } from '../../../../../src/domain/enums';
import { RISK_DOMAINS } from '../../../../../src/domain/enums';
import type { FullCaseView, RiskAssessmentItem } from '../../../../../src/contract';
import { RiskBadge } from '../../../components/CaseBadges';
import { Facts } from '../../../components/Facts';
import { Section, useMutedStyles } from '../../../components/Section';
import { formatDateTime } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { RAG_LABELS, RISK_DOMAIN_LABELS, RISK_LEVEL_LABELS } from '../../../labels';
import { RiskAssessmentForm } from './RiskAssessmentForm';
import { UserText } from '../../../components/UserText';
import { ResponsiveTable } from '../../../components/layout/ResponsiveTable';

const useStyles = makeStyles({
  controls: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  table: { minWidth: '640px' },
  domainColumn: { width: '16rem' },
  ratingColumn: { width: '9rem' },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXXS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  evidence: { whiteSpace: 'pre-wrap' },
});

const RAG_COLOR: Record<RagRating, BadgeProps['color']> = { red: 'danger', amber: 'warning', green: 'success' };

/** A red, amber or green rating in words as well as colour. */
export const RagBadge = ({ rating }: { rating: RagRating | null | undefined }) =>
  rating ? (
    <Badge appearance={rating === 'red' ? 'filled' : 'tint'} color={RAG_COLOR[rating]} shape="rounded">
      {RAG_LABELS[rating]}
    </Badge>
  ) : (
    <span>Not rated</span>
  );

/** The multi-agency risk assessment over the framework's 14 domains: each version, what changed, and a new version. */
export function RiskSection({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const directory = useDirectory();
  const assessments = detail.riskAssessments ?? [];
  const latest = assessments.at(-1);
  const [chosen, setChosen] = useState<number>();
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string>();
  const shown: RiskAssessmentItem | undefined = assessments.find((a) => a.assessmentNumber === chosen) ?? latest;
  const change = shown ? detail.riskAssessmentChanges?.find((c) => c.assessmentNumber === shown.assessmentNumber) : undefined;
  const mayRecord = Boolean(detail.can?.updatePlan) && LIVE_CASE_STATUSES.includes(detail.case.status);
  const ratings = new Map(shown?.domains.map((d) => [d.domain, d]));

  return (
    <Section
      title="Risk assessment"
      id="risk-heading"
      tools={
        mayRecord && !recording ? (
          <Button
            icon={<AddRegular />}
            onClick={() => {
              setSaved(undefined);
              setRecording(true);
            }}
          >
            {latest ? 'Record a new version' : 'Record the first assessment'}
          </Button>
        ) : undefined
      }
    >
      <div role="status" aria-live="polite">
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>{saved}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {recording && (
        <RiskAssessmentForm
          detail={detail}
          onCancel={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            setChosen(undefined);
            setSaved('The new version of the risk assessment is saved, and the case takes its overall level.');
            onChanged();
          }}
        />
      )}
      {!shown ? (
        <p className={muted.muted}>No risk assessment has been recorded yet.</p>
      ) : (
        <>
          <div className={styles.controls}>
            <Field label="Version">
              <Select value={String(shown.assessmentNumber)} onChange={(_, d) => setChosen(Number(d.value))}>
                {[...assessments].reverse().map((a) => (
                  <option key={a.id} value={a.assessmentNumber}>
                    Version {a.assessmentNumber}, {formatDateTime(a.assessedAt)}
                    {a === latest ? ' (current)' : ''}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Facts
            rows={[
              ['Overall level', <RiskBadge key="level" level={shown.overallLevel} />],
              ['Assessed', `${formatDateTime(shown.assessedAt)} by ${directory.member(shown.assessedById)?.name ?? 'a member'}`],
              ['Protective factors', shown.protectiveFactors],
              ["The adult's view", shown.adultView],
            ]}
          />
          {change && (
            <div>
              <h3 className={styles.h3}>What changed from version {change.previousAssessmentNumber}</h3>
              {change.domains.length === 0 && !change.overallLevelChanged ? (
                <p className={muted.muted}>No rating changed.</p>
              ) : (
                <ul className={styles.changes}>
                  {change.overallLevelChanged && (
                    <li>
                      Overall level: {RISK_LEVEL_LABELS[change.overallLevel.from]} → {RISK_LEVEL_LABELS[change.overallLevel.to]}
                    </li>
                  )}
                  {change.domains.map((d) => (
                    <li key={d.domain}>
                      {RISK_DOMAIN_LABELS[d.domain]}: {d.from ? RAG_LABELS[d.from] : 'not rated'} → {d.to ? RAG_LABELS[d.to] : 'not rated'}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <ResponsiveTable
            label={`Risk by domain, version ${shown.assessmentNumber}`}
            rows={[...RISK_DOMAINS]}
            rowKey={(domain) => domain}
            tableClassName={styles.table}
            columns={[
              { key: 'domain', header: 'Domain', cell: (domain) => RISK_DOMAIN_LABELS[domain], headerClassName: styles.domainColumn },
              { key: 'rating', header: 'Rating', cell: (domain) => <RagBadge rating={ratings.get(domain)?.rating} />, headerClassName: styles.ratingColumn },
              {
                key: 'evidence',
                header: 'Evidence',
                cell: (domain) => (
                  <span className={styles.evidence}>
                    <UserText>{ratings.get(domain)?.evidence ?? ''}</UserText>
                  </span>
                ),
              },
              {
                key: 'source',
                header: 'Source',
                cell: (domain) => {
                  const source = ratings.get(domain)?.sourceAgencyId;
                  return source ? (directory.agency(source)?.shortName ?? '') : '';
                },
                headerClassName: styles.ratingColumn,
              },
            ]}
            stacked={{ title: (domain) => <strong>{RISK_DOMAIN_LABELS[domain]}</strong>, state: (domain) => <RagBadge rating={ratings.get(domain)?.rating} />, details: ['evidence', 'source'] }}
          />
        </>
      )}
    </Section>
  );
}
