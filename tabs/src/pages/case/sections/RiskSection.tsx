import {
  Badge, type BadgeProps, Button, Field, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell,
  TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { LIVE_CASE_STATUSES, type RagRating } from '../../../../../src/domain/enums';
import { RISK_DOMAINS } from '../../../../../src/domain/enums';
import type { FullCaseView, RiskAssessmentItem } from '../../../../../src/contract';
import { RiskBadge } from '../../../components/CaseBadges';
import { Facts } from '../../../components/Facts';
import { Section, useMutedStyles } from '../../../components/Section';
import { useStaticRowStyles } from '../../../components/tableStyles';
import { formatDateTime } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { RAG_LABELS, RISK_DOMAIN_LABELS, RISK_LEVEL_LABELS } from '../../../labels';
import { RiskAssessmentForm } from './RiskAssessmentForm';
import { UserText } from '../../../components/UserText';

const useStyles = makeStyles({
  controls: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  wrap: { overflowX: 'auto' },
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
  const rowStyles = useStaticRowStyles();
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
          <div className={styles.wrap}>
            <Table aria-label={`Risk by domain, version ${shown.assessmentNumber}`} className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.domainColumn}>Domain</TableHeaderCell>
                  <TableHeaderCell className={styles.ratingColumn}>Rating</TableHeaderCell>
                  <TableHeaderCell>Evidence</TableHeaderCell>
                  <TableHeaderCell className={styles.ratingColumn}>Source</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {RISK_DOMAINS.map((domain) => {
                  const r = ratings.get(domain);
                  return (
                    <TableRow key={domain} className={rowStyles.row}>
                      <TableCell>{RISK_DOMAIN_LABELS[domain]}</TableCell>
                      <TableCell>
                        <RagBadge rating={r?.rating} />
                      </TableCell>
                      <TableCell>
                        <span className={styles.evidence}>
                          <UserText>{r?.evidence ?? ''}</UserText>
                        </span>
                      </TableCell>
                      <TableCell>{r?.sourceAgencyId ? (directory.agency(r.sourceAgencyId)?.shortName ?? '') : ''}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </Section>
  );
}
