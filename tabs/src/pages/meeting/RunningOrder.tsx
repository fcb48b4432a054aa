import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RunningAgendaLine } from '../../../../src/contract';
import { UserText } from '../../components/UserText';
import { AGENDA_KIND_LABELS, DECISION_OUTCOME_LABELS } from '../../labels';
import { lineSubject } from './meetingLabels';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  current: { fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground2 },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** The agenda in running order: the current item marked for sight and for screen readers (aria-current). */
export function RunningOrder({ agenda, label = 'Running order' }: { agenda: RunningAgendaLine[]; label?: string }) {
  const styles = useStyles();
  if (agenda.length === 0) return <p>The agenda has no items yet.</p>;
  return (
    <ol className={styles.list} aria-label={label}>
      {agenda.map((line) => (
        <li
          key={line.id}
          aria-current={line.state === 'current' ? 'step' : undefined}
          className={mergeClasses(line.state === 'current' && styles.current, line.state === 'done' && styles.done)}
        >
          {AGENDA_KIND_LABELS[line.kind]}: <UserText>{lineSubject(line)}</UserText>
          <span className={styles.meta}>
            {' '}
            · {line.minutesAllotted} min
            {line.state === 'current' ? ' · now' : ''}
            {line.decisionOutcome ? ` · ${DECISION_OUTCOME_LABELS[line.decisionOutcome]}` : line.state === 'done' ? ' · done' : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
