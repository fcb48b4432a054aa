import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumView } from '../../../../src/contract';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalXS },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Quorum as the server judged it from the attendance; announced politely when it changes. */
export function QuorumStatus({ quorum }: { quorum: QuorumView }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite" aria-atomic="true">
      <span>
        <Badge appearance="tint" shape="rounded" color={quorum.quorate ? 'success' : 'danger'}>
          {quorum.quorate ? 'Quorate' : 'Not quorate'}
        </Badge>{' '}
        {quorum.coreAgenciesPresent.length} of {quorum.coreAgenciesPresent.length + quorum.coreAgenciesMissing.length} core agencies present
        {quorum.coreAgenciesNeeded > 0 ? `, ${quorum.coreAgenciesNeeded} needed` : ''}.
      </span>
      {!quorum.quorate && quorum.reasons.length > 0 && (
        <ul className={styles.reasons} aria-label="Why the meeting is not quorate">
          {quorum.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {!quorum.quorate && <span>Decisions taken now are flagged as inquorate in the record and the minutes.</span>}
    </div>
  );
}
