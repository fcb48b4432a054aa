import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type FullCaseView, savedCaseSchema, paths } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { Section } from '../../../components/Section';
import { ConflictNotice, SubmitFailure, errorProps } from '../../../forms/FormParts';
import { formatDateTime } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { useCaseSave } from '../caseEdit';
import { UserText } from '../../../components/UserText';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '46rem' },
  question: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    whiteSpace: 'pre-wrap',
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** The coordinator's open question to the referrer, and (for the referrer or a coordinator) the answer box. */
export function InfoRequestSection({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const c = detail.case;
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useCaseSave(detail, ['answer'], () => {
    setAnswer('');
    onChanged();
  });
  if (c.status !== 'info_requested' || !c.infoRequest) return null;
  const mayAnswer = Boolean(detail.can?.withdraw);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!answer.trim()) return setMissing(true);
    setMissing(false);
    await save.save((version) =>
      client.post(paths.caseInformation(c.id), { answer: answer.trim(), ...(version ? { expectedVersion: version } : {}) }, savedCaseSchema),
    );
  }

  const error = (missing && !answer.trim() ? 'Write your answer.' : undefined) ?? save.fieldErrors.answer;
  return (
    <Section title="Information requested" id="info-heading">
      <blockquote className={styles.question}>
        <UserText>{c.infoRequest.question}</UserText>
      </blockquote>
      <span className={styles.meta}>
        Asked by {directory.member(c.infoRequest.byMemberId)?.name ?? 'a coordinator'} on {formatDateTime(c.infoRequest.at)}. The referral
        waits for the answer before it is screened.
      </span>
      {mayAnswer && (
        <form className={styles.form} onSubmit={submit} noValidate>
          <Field label="Your answer" required hint="Goes into the case chronology and returns the referral for screening." {...errorProps(error)}>
            <Textarea value={answer} onChange={(_, d) => setAnswer(d.value)} resize="vertical" rows={4} maxLength={4000} />
          </Field>
          {save.conflict && <ConflictNotice changes={save.changes} onRetry={() => void submit()} />}
          <SubmitFailure error={save.failure} what="Your answer was" onRetry={() => void submit()} />
          <div>
            <Button type="submit" appearance="primary" disabledFocusable={save.busy}>
              {save.busy ? 'Sending…' : 'Send answer'}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
