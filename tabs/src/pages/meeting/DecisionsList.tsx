import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingView } from '../../../../src/contract';
import { UserText } from '../../components/UserText';
import { formatTime } from '../../format';
import { DECISION_OUTCOME_LABELS } from '../../labels';
import { lineSubject } from './meetingLabels';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalM },
  detail: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** The decisions taken in the meeting; their reasons only for those the server sent them to (who may read the case). */
export function DecisionsList({ meeting }: { meeting: MeetingView }) {
  const styles = useStyles();
  if (meeting.decisions.length === 0) return <p>No decision recorded yet.</p>;
  return (
    <ol className={styles.list} aria-label="Decisions">
      {meeting.decisions.map((d) => {
        const line = meeting.agenda.find((l) => l.id === d.agendaItemId);
        return (
          <li key={d.id}>
            {line ? (
              <>
                Item {line.order}, <UserText>{lineSubject(line)}</UserText>:{' '}
              </>
            ) : null}
            <strong>{DECISION_OUTCOME_LABELS[d.outcome]}</strong> at <time dateTime={d.decidedAt}>{formatTime(new Date(d.decidedAt))}</time>
            {d.inquorate && (
              <>
                {' '}
                <Badge appearance="tint" shape="rounded" color="danger">Taken while inquorate</Badge>
              </>
            )}
            {d.detail && (
              <dl className={styles.detail}>
                <dt className={styles.term}>Rationale</dt>
                <dd className={styles.dd}><UserText>{d.detail.rationale}</UserText></dd>
                {d.detail.alternativesConsidered && (
                  <>
                    <dt className={styles.term}>Alternatives</dt>
                    <dd className={styles.dd}><UserText>{d.detail.alternativesConsidered}</UserText></dd>
                  </>
                )}
                {d.detail.dissent && (
                  <>
                    <dt className={styles.term}>Dissent</dt>
                    <dd className={styles.dd}><UserText>{d.detail.dissent}</UserText></dd>
                  </>
                )}
                {d.detail.infoSharing && (
                  <>
                    <dt className={styles.term}>Information sharing</dt>
                    <dd className={styles.dd}>
                      <UserText>{d.detail.infoSharing.what}</UserText> with <UserText>{d.detail.infoSharing.withWhom}</UserText>, because{' '}
                      <UserText>{d.detail.infoSharing.why}</UserText> (basis: <UserText>{d.detail.infoSharing.basis}</UserText>)
                    </dd>
                  </>
                )}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
