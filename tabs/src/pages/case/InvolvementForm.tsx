import {
  Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { useApiClient, useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/Status';
import { paths, savedCaseSchema } from '../../../../src/contract';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
});

/**
 * "Is the adult known to your agency?": the one thing every partner is asked about a new referral. Saying
 * "known" opens the full record to the agency, so the page reloads afterwards.
 */
export function InvolvementForm({ caseId, current, onSaved }: { caseId: string; current?: boolean; onSaved: () => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const { me } = useSession();
  const [known, setKnown] = useState<string>(current === undefined ? '' : current ? 'yes' : 'no');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!known) return setMissing(true);
    setSaving(true);
    setError(undefined);
    try {
      await client.post(paths.caseInvolvement(caseId), { known: known === 'yes', ...(note.trim() ? { note: note.trim() } : {}) }, savedCaseSchema);
      setSaved(known === 'yes' ? 'Recorded: known to your agency.' : 'Recorded: not known to your agency.');
      setNote('');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field
        label={`Is the adult known to ${me.agency.name}?`}
        required
        validationState={missing && !known ? 'error' : 'none'}
        validationMessage={missing && !known ? 'Choose yes or no.' : undefined}
      >
        <RadioGroup value={known} onChange={(_, d) => setKnown(d.value)} layout="horizontal">
          <Radio value="yes" label="Yes, known to us" />
          <Radio value="no" label="No, not known" />
        </RadioGroup>
      </Field>
      <Field label="What your agency holds (optional)" hint="Goes into the case chronology when the adult is known to you.">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" maxLength={4000} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={saving}>
          {saving ? 'Saving…' : 'Save answer'}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>{saved}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error && <ErrorNotice title="Your answer was not saved" message={error} />}
    </form>
  );
}
