import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PageHeading } from '../components/PageHeading';
import { ErrorNotice } from '../components/Status';
import { consentFailureMessage, popupClosed } from './consent';
import { askForConsent } from './teamsConsent';

const useStyles = makeStyles({
  text: { maxWidth: '70ch' },
  actions: { marginTop: tokens.spacingVerticalL },
});

interface Props {
  /** Consent may have been given: sign in again. */
  onConsented: () => void;
  /** Sign-in was retried after a consent attempt and still needs consent. */
  stillNeeded?: boolean;
  ask?: () => Promise<void>;
}

/** Instead of a dead end when Entra ID needs the user's consent: explain, and open Teams' consent popup. */
export function ConsentPanel({ onConsented, stillNeeded, ask = askForConsent }: Props) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const proceed = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await ask();
      onConsented();
    } catch (error) {
      // auth-end.html closes the popup itself, which Teams reports as "CancelledByUser": sign-in tells whether it worked.
      if (popupClosed(error)) onConsented();
      else setFailure(consentFailureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading focusKey="consent">RiskPanel needs your permission</PageHeading>
      <p className={styles.text}>
        Before RiskPanel can sign you in, Microsoft 365 asks you to allow it to act on your behalf. Select Continue to
        review and give that permission in a new window.
      </p>
      {stillNeeded && !failure && (
        <ErrorNotice title="Permission not given yet" message="RiskPanel still does not have your permission. Select Continue to try again." />
      )}
      {failure && <ErrorNotice title="Permission was not given" message={failure} onRetry={() => void proceed()} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void proceed()}>
          {busy ? 'Waiting for permission…' : 'Continue'}
        </Button>
      </div>
    </>
  );
}
