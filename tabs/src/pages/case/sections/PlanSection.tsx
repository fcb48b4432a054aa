import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { type FormEvent, useState } from 'react';
import { LIVE_CASE_STATUSES } from '../../../../../src/domain/enums';
import { type FullCaseView, savedCaseSchema, paths } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { Facts } from '../../../components/Facts';
import { Section } from '../../../components/Section';
import { ConflictNotice, ErrorSummary, SubmitFailure, errorProps, useFormId } from '../../../forms/FormParts';
import type { FieldErrors } from '../../../forms/fieldErrors';
import { formatDay, todayIso } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { useCaseSave } from '../caseEdit';
import { MemberOptions } from '../../../components/MemberOptions';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '52rem' },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    alignItems: 'start',
    // Long option text must not push a select past its column.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const TEXTS = ['contingencyPlan', 'escalationPlan', 'infoSharingArrangements'] as const;
const VALUES = ['leadProfessionalId', 'leadCoordinatorId', 'nextReviewDate'] as const;
type PlanField = (typeof TEXTS)[number] | (typeof VALUES)[number];
type Plan = Record<PlanField, string>;

const LABELS: Record<PlanField, string> = {
  leadProfessionalId: 'Lead professional',
  leadCoordinatorId: 'Lead coordinating professional',
  nextReviewDate: 'Next review',
  contingencyPlan: 'Contingency plan',
  escalationPlan: 'Escalation plan',
  infoSharingArrangements: 'Information-sharing arrangements',
};

const planOf = (detail: FullCaseView): Plan => ({
  leadProfessionalId: detail.case.leadProfessionalId ?? '',
  leadCoordinatorId: detail.case.leadCoordinatorId ?? '',
  nextReviewDate: detail.case.nextReviewDate ?? '',
  contingencyPlan: detail.case.contingencyPlan ?? '',
  escalationPlan: detail.case.escalationPlan ?? '',
  infoSharingArrangements: detail.case.infoSharingArrangements ?? '',
});

/** Who leads, when the panel reviews, and the contingency, escalation and information-sharing plans: editable by the lead agency and the panel. */
export function PlanSection({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const styles = useStyles();
  const directory = useDirectory();
  const client = useApiClient();
  const c = detail.case;
  const editable = Boolean(detail.can?.updatePlan) && LIVE_CASE_STATUSES.includes(c.status);
  const [editing, setEditing] = useState(false);
  const [plan, setPlan] = useState<Plan>(() => planOf(detail));
  const [local, setLocal] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const id = useFormId('plan');
  const save = useCaseSave(detail, [...TEXTS, ...VALUES], () => {
    setEditing(false);
    setSaved(true);
    onChanged();
  });
  const person = (memberId: string | null | undefined) => {
    const m = directory.member(memberId);
    return m ? `${m.name}${directory.agency(m.agencyId) ? `, ${directory.agency(m.agencyId)!.shortName}` : ''}` : '';
  };
  const active = directory.members.filter((m) => m.active !== false);
  const leads = active.filter((m) => !c.leadAgencyId || m.agencyId === c.leadAgencyId);
  const current = planOf(detail);

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    for (const f of TEXTS) if (current[f] && !plan[f].trim()) e[f] = 'This cannot be emptied once written: say what replaces it.';
    if (plan.nextReviewDate && plan.nextReviewDate !== current.nextReviewDate && plan.nextReviewDate < todayIso()) {
      e.nextReviewDate = 'The review date cannot be in the past.';
    }
    if (current.nextReviewDate && !plan.nextReviewDate) e.nextReviewDate = 'Choose the next review date.';
    return e;
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const problems = validate();
    setLocal(problems);
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length) return;
    const changes: Record<string, string> = {};
    for (const f of [...TEXTS, ...VALUES]) {
      const value = TEXTS.includes(f as (typeof TEXTS)[number]) ? plan[f].trim() : plan[f];
      if (value && value !== current[f]) changes[f] = value;
    }
    if (Object.keys(changes).length === 0) {
      setEditing(false);
      return;
    }
    await save.save((version) => client.patch(paths.casePlan(c.id), { ...changes, expectedVersion: version }, savedCaseSchema));
  }

  const errors = { ...save.fieldErrors, ...local };
  const summary = Object.entries(errors).map(([f, message]) => ({ id: id(f), label: LABELS[f as PlanField] ?? f, message }));

  return (
    <Section
      title="Plan"
      id="plan-heading"
      tools={
        editable && !editing ? (
          <Button
            icon={<EditRegular />}
            onClick={() => {
              setPlan(planOf(detail));
              setLocal({});
              save.reset();
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit the plan
          </Button>
        ) : undefined
      }
    >
      {!editing && (
        <Facts
          rows={[
            ['Lead agency', directory.agency(c.leadAgencyId)?.name ?? ''],
            [LABELS.leadProfessionalId, person(c.leadProfessionalId)],
            [LABELS.leadCoordinatorId, person(c.leadCoordinatorId)],
            [LABELS.nextReviewDate, formatDay(c.nextReviewDate)],
            [LABELS.contingencyPlan, c.contingencyPlan ?? ''],
            [LABELS.escalationPlan, c.escalationPlan ?? ''],
            [LABELS.infoSharingArrangements, c.infoSharingArrangements ?? ''],
          ]}
        />
      )}
      <div role="status" aria-live="polite">
        {saved && !editing && (
          <MessageBar intent="success">
            <MessageBarBody>The plan is saved.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {editing && (
        <form className={styles.form} onSubmit={submit} noValidate aria-label="Edit the plan">
          {summary.length > 0 && <ErrorSummary problems={summary} attempt={attempt} />}
          <div className={styles.pair}>
            <Field label={LABELS.leadProfessionalId} hint={c.leadAgencyId ? `A member of ${directory.agency(c.leadAgencyId)?.name ?? 'the lead agency'}.` : undefined} {...errorProps(errors.leadProfessionalId)}>
              <Select id={id('leadProfessionalId')} value={plan.leadProfessionalId} onChange={(_, d) => setPlan({ ...plan, leadProfessionalId: d.value })}>
                {!plan.leadProfessionalId && <option value="">Choose a person</option>}
                {leads.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={LABELS.leadCoordinatorId} {...errorProps(errors.leadCoordinatorId)}>
              <Select id={id('leadCoordinatorId')} value={plan.leadCoordinatorId} onChange={(_, d) => setPlan({ ...plan, leadCoordinatorId: d.value })}>
                {!plan.leadCoordinatorId && <option value="">None yet</option>}
                <MemberOptions members={active} />
              </Select>
            </Field>
            <Field label={LABELS.nextReviewDate} {...errorProps(errors.nextReviewDate)}>
              <Input id={id('nextReviewDate')} type="date" min={todayIso()} value={plan.nextReviewDate} onChange={(_, d) => setPlan({ ...plan, nextReviewDate: d.value })} />
            </Field>
          </div>
          <Field label={LABELS.contingencyPlan} hint="What happens if the plan fails or the risk suddenly rises: who does what, out of hours too." {...errorProps(errors.contingencyPlan)}>
            <Textarea id={id('contingencyPlan')} value={plan.contingencyPlan} onChange={(_, d) => setPlan({ ...plan, contingencyPlan: d.value })} resize="vertical" rows={4} maxLength={4000} />
          </Field>
          <Field label={LABELS.escalationPlan} hint="When and how the case goes back to the panel, to s42, MARAC or MAPPA." {...errorProps(errors.escalationPlan)}>
            <Textarea id={id('escalationPlan')} value={plan.escalationPlan} onChange={(_, d) => setPlan({ ...plan, escalationPlan: d.value })} resize="vertical" rows={3} maxLength={4000} />
          </Field>
          <Field label={LABELS.infoSharingArrangements} hint="What is shared, with whom, and on what basis." {...errorProps(errors.infoSharingArrangements)}>
            <Textarea
              id={id('infoSharingArrangements')}
              value={plan.infoSharingArrangements}
              onChange={(_, d) => setPlan({ ...plan, infoSharingArrangements: d.value })}
              resize="vertical"
              rows={3}
              maxLength={4000}
            />
          </Field>
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
          <SubmitFailure error={save.failure} what="The plan was" onRetry={() => void submit()} />
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabledFocusable={save.busy}>
              {save.busy ? 'Saving…' : 'Save the plan'}
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </Section>
  );
}
