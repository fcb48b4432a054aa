import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { MissingPlan } from '../../../../../src/contract';
import { formatDay } from '../../../format';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * Every accepted case needs, within 28 days, a lead, a risk assessment, a SMART plan, a contingency plan and a
 * review date (docs/domain.md, "The process", 4. Planning): what is still missing, and by when.
 */
export function MissingNotice({ missing }: { missing: MissingPlan | null | undefined }) {
  const styles = useStyles();
  if (!missing || missing.items.length === 0) return null;
  return (
    <section aria-label="What is missing">
      <MessageBar intent={missing.pastDeadline ? 'error' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {missing.pastDeadline
              ? `Missing ${missing.daysSinceAcceptance} days after acceptance (due by ${formatDay(missing.dueBy)})`
              : `Needed by ${formatDay(missing.dueBy)}, 28 days after acceptance`}
          </MessageBarTitle>
          <ul className={styles.list}>
            {missing.items.map((item) => (
              <li key={item.key}>{item.label}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
