import { ListDialog } from './ListDialog';
import { type ReferralActionsProps, useReferralDialogStyles } from './referralDialogs';
import { RequestInfoDialog } from './RequestInfoDialog';
import { ScreenDialog } from './ScreenDialog';
import { WithdrawDialog } from './WithdrawDialog';

export { type ReferralActionsProps, upcomingMeetings } from './referralDialogs';

/**
 * What a coordinator (or the chair) does with a referral waiting to be screened: ask the referrer for more, list it
 * for a panel, record the panel's decision, or withdraw it. Each is offered exactly when the server's `can` says so
 * (policy and state together), so the tab holds no copy of the rules or the lifecycle.
 */
export function ReferralActions(props: ReferralActionsProps) {
  const styles = useReferralDialogStyles();
  const shown = props.abilities;
  if (!Object.values(shown).some(Boolean)) return null;
  return (
    <div className={styles.bar} role="group" aria-label={`Screening ${props.reference}`}>
      {shown.screen && <ScreenDialog {...props} />}
      {shown.requestInfo && <RequestInfoDialog {...props} />}
      {shown.list && <ListDialog {...props} />}
      {shown.withdraw && <WithdrawDialog {...props} />}
    </div>
  );
}
