import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { DecisionItem } from '../../../../../src/contract';
import { Facts } from '../../../components/Facts';
import { Section, useMutedStyles } from '../../../components/Section';
import { formatDateTime } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { DECISION_OUTCOME_LABELS } from '../../../labels';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalL },
  item: { display: 'grid', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** The defensible-decision log of this case: what, who, when and why, with alternatives and dissent. */
export function DecisionsSection({ decisions }: { decisions: DecisionItem[] }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const directory = useDirectory();
  return (
    <Section title="Decisions" id="decisions-heading">
      {decisions.length === 0 ? (
        <p className={muted.muted}>No decisions recorded yet.</p>
      ) : (
        <ol className={styles.list} aria-label="Decisions, newest first">
          {[...decisions].reverse().map((d) => (
            <li key={d.id} className={styles.item}>
              <div className={styles.head}>
                <h3 className={styles.h3}>{DECISION_OUTCOME_LABELS[d.outcome]}</h3>
                <Badge appearance="outline" shape="rounded">
                  {d.meetingId ? 'At a panel meeting' : 'Outside a meeting'}
                </Badge>
                <time dateTime={d.decidedAt} className={muted.secondary}>
                  {formatDateTime(d.decidedAt)}
                </time>
              </div>
              <Facts
                rows={[
                  ['Rationale', d.rationale],
                  ['Decided by', directory.member(d.decidedById)?.name ?? ''],
                  ...(d.alternativesConsidered ? ([['Alternatives considered', d.alternativesConsidered]] as [string, string][]) : []),
                  ...(d.dissent ? ([['Dissent', d.dissent]] as [string, string][]) : []),
                  ...(d.infoSharing
                    ? ([['Information sharing', `${d.infoSharing.what} with ${d.infoSharing.withWhom}: ${d.infoSharing.why} (${d.infoSharing.basis})`]] as [string, string][])
                    : []),
                  ...(d.referrerNotifiedAt ? ([['Referrer told', formatDateTime(d.referrerNotifiedAt)]] as [string, string][]) : []),
                ]}
              />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
