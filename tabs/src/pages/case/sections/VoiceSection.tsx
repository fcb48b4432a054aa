import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { type FormEvent, useState } from 'react';
import { LIVE_CASE_STATUSES } from '../../../../../src/domain/enums';
import { type FullCaseView, savedCaseSchema, paths } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { Facts } from '../../../components/Facts';
import { Section } from '../../../components/Section';
import { ConflictNotice, SubmitFailure, type YesNo, YesNoField, errorProps, useFormId, yesNoOf } from '../../../forms/FormParts';
import { CAPACITY_LABELS, CONSENT_LABELS } from '../../../labels';
import { useCaseSave } from '../caseEdit';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '46rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM },
});

const yes = (v: boolean | null | undefined) => (v === true ? 'Yes' : v === false ? 'No' : '');

/** Capacity and consent as referred, the adult's own views, and whether they need an advocate (editable while the case is live). */
export function VoiceSection({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const c = detail.case;
  const editable = Boolean(detail.can?.updatePlan) && LIVE_CASE_STATUSES.includes(c.status);
  const [editing, setEditing] = useState(false);
  const [views, setViews] = useState(c.adultViews ?? '');
  const [advocacy, setAdvocacy] = useState<YesNo>(yesNoOf(c.advocacyNeeded));
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const id = useFormId('voice');
  const save = useCaseSave(detail, ['adultViews', 'advocacyNeeded'], () => {
    setEditing(false);
    setSaved(true);
    onChanged();
  });
  const latestView = detail.riskAssessments?.at(-1)?.adultView;
  const withoutConsent = c.consent && c.consent !== 'given';

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!views.trim()) return setMissing(true);
    setMissing(false);
    const body: Record<string, unknown> = {};
    if (views.trim() !== (c.adultViews ?? '')) body.adultViews = views.trim();
    if (advocacy && (advocacy === 'yes') !== c.advocacyNeeded) body.advocacyNeeded = advocacy === 'yes';
    if (!Object.keys(body).length) return setEditing(false);
    await save.save((version) => client.patch(paths.casePlan(c.id), { ...body, expectedVersion: version }, savedCaseSchema));
  }

  return (
    <Section
      title="Capacity, the adult's voice and advocacy"
      id="voice-heading"
      tools={
        editable && !editing ? (
          <Button
            icon={<EditRegular />}
            onClick={() => {
              setViews(c.adultViews ?? '');
              setAdvocacy(yesNoOf(c.advocacyNeeded));
              save.reset();
              setSaved(false);
              setEditing(true);
            }}
          >
            Update views and advocacy
          </Button>
        ) : undefined
      }
    >
      <Facts
        rows={[
          ['Mental capacity', c.capacity ? CAPACITY_LABELS[c.capacity] : ''],
          ['Knows about the referral', yes(c.adultAware)],
          ['Consent', c.consent ? CONSENT_LABELS[c.consent] : ''],
          ...(withoutConsent
            ? ([
                ['Why shared without consent', c.noConsentReason ?? ''],
                ['Lawful basis', c.lawfulBasis ?? ''],
              ] as [string, string][])
            : []),
          ...(!editing
            ? ([
                ["The adult's views", c.adultViews ?? ''],
                ['Advocate needed', yes(c.advocacyNeeded)],
              ] as [string, string][])
            : []),
          ...(latestView ? ([["Their view in the latest risk assessment", latestView]] as [string, string][]) : []),
        ]}
      />
      <div role="status" aria-live="polite">
        {saved && !editing && (
          <MessageBar intent="success">
            <MessageBarBody>The adult's views and advocacy are saved.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {editing && (
        <form className={styles.form} onSubmit={submit} noValidate aria-label="Update the adult's views and advocacy">
          <Field
            label="The adult's views"
            required
            hint="What the adult says they want, in their words where you can."
            {...errorProps((missing && !views.trim() ? "Record the adult's views, or why they could not be asked." : undefined) ?? save.fieldErrors.adultViews)}
          >
            <Textarea id={id('adultViews')} value={views} onChange={(_, d) => setViews(d.value)} resize="vertical" rows={4} maxLength={4000} />
          </Field>
          <YesNoField id={id('advocacyNeeded')} label="Does the adult need an advocate?" value={advocacy} onChange={setAdvocacy} required={false} error={save.fieldErrors.advocacyNeeded} />
          {save.conflict && (
            <ConflictNotice
              changes={save.changes}
              onRetry={() => void submit()}
              onDiscard={() => {
                setEditing(false);
                onChanged();
              }}
            />
          )}
          <SubmitFailure error={save.failure} onRetry={() => void submit()} />
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabledFocusable={save.busy}>
              {save.busy ? 'Saving…' : 'Save'}
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </Section>
  );
}
