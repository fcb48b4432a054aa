import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { breakGlassResultSchema, paths } from '../../../../../src/contract';
import { BREAK_GLASS_HOURS, BREAK_GLASS_MIN_REASON } from '../../../../../src/domain/breakGlass';
import { useSession } from '../../../auth/session';
import { Section } from '../../../components/Section';
import { SubmitFailure, errorProps } from '../../../forms/FormParts';
import { useSubmit } from '../../../forms/useSubmit';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '46rem' },
});

/**
 * Break-glass, offered on a case reference the member could not open when the server says they may ask (their
 * app-level `can.breakGlass`; whether the reference exists is never told here). The server judges the case: a
 * reference that does not exist, or one they can already open, is answered as such. On success the page opens the case.
 */
export function BreakGlassOffer({ reference, onOpened }: { reference: string; onOpened: () => void }) {
  const styles = useStyles();
  const { client, me } = useSession();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = useSubmit(['reason']);
  if (!me.can.breakGlass) return null;

  const short = reason.trim().length < BREAK_GLASS_MIN_REASON;
  async function open(event?: FormEvent) {
    event?.preventDefault();
    setTried(true);
    if (short) return;
    const result = await submit.run(() => client.post(paths.breakGlass(), { ref: reference, reason: reason.trim() }, breakGlassResultSchema));
    if (result.ok) onOpened();
  }

  const error = (tried && short ? `Say why you need this case now (at least ${BREAK_GLASS_MIN_REASON} characters).` : undefined) ?? submit.fieldErrors.reason;
  return (
    <Section title="Need this case urgently? Break the glass" id="breakglass-offer-heading">
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>For a genuine need only</MessageBarTitle>
          The panel&apos;s coordinators are told at once, with your name and reason. Your access lasts {BREAK_GLASS_HOURS} hours and lets you
          read the case, not change it. The opening is recorded in the audit trail and shown on the case.
        </MessageBarBody>
      </MessageBar>
      <form className={styles.form} onSubmit={open} noValidate aria-label={`Break-glass request for ${reference}`}>
        <Field label="Why do you need this case?" required hint="For example: crew attending the address tonight; a risk to life." {...errorProps(error)}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" rows={3} maxLength={2000} />
        </Field>
        <SubmitFailure error={submit.failure} what="The break-glass request was" onRetry={() => void open()} />
        <div>
          <Button type="submit" appearance="primary" disabledFocusable={submit.busy}>
            {submit.busy ? 'Opening…' : `Open ${reference} by break-glass`}
          </Button>
        </div>
      </form>
    </Section>
  );
}
