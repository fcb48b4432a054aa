import { Button, Field, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { RAG_RATINGS, RISK_DOMAINS, RISK_LEVELS, type RagRating, type RiskDomain, type RiskLevel } from '../../../../../src/domain/enums';
import { type FullCaseView, riskAssessmentSchema, paths } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { ConflictNotice, ErrorSummary, SubmitFailure, errorProps, useFormId } from '../../../forms/FormParts';
import { type FieldErrors, sentenceOf } from '../../../forms/fieldErrors';
import { useDirectory } from '../../../hooks/useDirectory';
import { RAG_LABELS, RISK_DOMAIN_LABELS, RISK_LEVEL_LABELS } from '../../../labels';
import { useCaseSave } from '../caseEdit';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  domain: {
    border: 'none',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    margin: 0,
    padding: `${tokens.spacingVerticalM} 0 0`,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    alignItems: 'start',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, float: 'left', width: '100%', marginBottom: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

type Rating = RagRating | 'none';
interface DomainAnswer { rating: Rating; evidence: string; sourceAgencyId: string }

const FIELD_LABEL = (field: string): string => {
  const m = /^domain\.([a-z_]+)\.(rating|evidence|sourceAgencyId)$/.exec(field);
  if (m) return `${RISK_DOMAIN_LABELS[m[1] as RiskDomain]}: ${m[2] === 'evidence' ? 'evidence' : m[2] === 'rating' ? 'rating' : 'source agency'}`;
  return { domains: 'Domains', protectiveFactors: 'Protective factors', overallLevel: 'Overall risk level', adultView: "The adult's view" }[field] ?? field;
};

/**
 * A new version of the risk assessment, starting from the current one: each domain rated red, amber or green (or
 * not rated) with its evidence and source, then protective factors, the overall level and the adult's own view.
 */
export function RiskAssessmentForm({ detail, onCancel, onSaved }: { detail: FullCaseView; onCancel: () => void; onSaved: () => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const id = useFormId('risk');
  const latest = detail.riskAssessments?.at(-1);
  const [answers, setAnswers] = useState<Record<RiskDomain, DomainAnswer>>(() => {
    const previous = new Map(latest?.domains.map((d) => [d.domain, d]));
    return Object.fromEntries(
      RISK_DOMAINS.map((domain) => {
        const p = previous.get(domain);
        return [domain, { rating: p?.rating ?? 'none', evidence: p?.evidence ?? '', sourceAgencyId: p?.sourceAgencyId ?? '' }];
      }),
    ) as Record<RiskDomain, DomainAnswer>;
  });
  const [protectiveFactors, setProtectiveFactors] = useState(latest?.protectiveFactors ?? '');
  const [overallLevel, setOverallLevel] = useState<RiskLevel | ''>(latest?.overallLevel ?? detail.case.riskLevel ?? '');
  const [adultView, setAdultView] = useState(latest?.adultView ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useCaseSave(detail, [], onSaved);
  const setDomain = (domain: RiskDomain, patch: Partial<DomainAnswer>) => setAnswers((a) => ({ ...a, [domain]: { ...a[domain], ...patch } }));

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    const rated = RISK_DOMAINS.filter((d) => answers[d].rating !== 'none');
    if (rated.length === 0) e[`domain.${RISK_DOMAINS[0]}.rating`] = 'Rate at least one domain.';
    for (const d of rated) if (!answers[d].evidence.trim()) e[`domain.${d}.evidence`] = 'Give the evidence for this rating.';
    if (!protectiveFactors.trim()) e.protectiveFactors = 'Record the protective factors, or say there are none.';
    if (!overallLevel) e.overallLevel = 'Choose the overall risk level.';
    if (!adultView.trim()) e.adultView = "Record the adult's view of the risk, or why it could not be sought.";
    return e;
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const problems = validate();
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length) return;
    const rated = RISK_DOMAINS.filter((d) => answers[d].rating !== 'none');
    const domains = rated.map((domain) => ({
      domain,
      rating: answers[domain].rating as RagRating,
      evidence: answers[domain].evidence.trim(),
      ...(answers[domain].sourceAgencyId ? { sourceAgencyId: answers[domain].sourceAgencyId } : {}),
    }));
    await save.save((version) =>
      client.post(
        paths.caseRiskAssessments(detail.case.id),
        { domains, protectiveFactors: protectiveFactors.trim(), overallLevel, adultView: adultView.trim(), ...(version ? { expectedVersion: version } : {}) },
        riskAssessmentSchema,
      ),
    );
  }

  // The server names domains by their place in the list sent ("domains.3.evidence"): put them back on the domain.
  const serverErrors: FieldErrors = {};
  const rated = RISK_DOMAINS.filter((d) => answers[d].rating !== 'none');
  for (const problem of save.problems) {
    const m = /^domains\.(\d+)\.(rating|evidence|sourceAgencyId|domain)$/.exec(problem.field);
    const domain = m ? rated[Number(m[1])] : undefined;
    if (domain) serverErrors[`domain.${domain}.${m![2] === 'domain' ? 'rating' : m![2]}`] = sentenceOf(problem.message);
    else serverErrors[problem.field] = sentenceOf(problem.message);
  }
  const all = { ...serverErrors, ...errors };
  const summary = Object.entries(all).map(([f, message]) => ({ id: id(f), label: FIELD_LABEL(f), message }));

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="risk-form-heading">
      <h3 id="risk-form-heading" className={styles.h3}>
        New version of the risk assessment
      </h3>
      <p className={styles.note}>
        {latest ? `Starts from version ${latest.assessmentNumber}: change what has changed.` : 'Rate each domain you have evidence for.'} Red is high risk, amber
        medium, green low.
      </p>
      {summary.length > 0 && <ErrorSummary problems={summary} attempt={attempt} />}
      {RISK_DOMAINS.map((domain) => {
        const a = answers[domain];
        return (
          <fieldset key={domain} className={styles.domain}>
            <legend className={styles.legend}>{RISK_DOMAIN_LABELS[domain]}</legend>
            <Field label="Rating" {...errorProps(all[`domain.${domain}.rating`])}>
              <RadioGroup id={id(`domain.${domain}.rating`)} layout="horizontal" value={a.rating} onChange={(_, d) => setDomain(domain, { rating: d.value as Rating })}>
                {RAG_RATINGS.map((r) => (
                  <Radio key={r} value={r} label={RAG_LABELS[r].split(' ')[0]} />
                ))}
                <Radio value="none" label="Not rated" />
              </RadioGroup>
            </Field>
            <Field label="Evidence" required={a.rating !== 'none'} {...errorProps(all[`domain.${domain}.evidence`])}>
              <Textarea id={id(`domain.${domain}.evidence`)} value={a.evidence} onChange={(_, d) => setDomain(domain, { evidence: d.value })} resize="vertical" maxLength={4000} />
            </Field>
            <Field label="Source agency" {...errorProps(all[`domain.${domain}.sourceAgencyId`])}>
              <Select id={id(`domain.${domain}.sourceAgencyId`)} value={a.sourceAgencyId} onChange={(_, d) => setDomain(domain, { sourceAgencyId: d.value })}>
                <option value="">Not said</option>
                {directory.agencies.filter((ag) => ag.active !== false).map((ag) => (
                  <option key={ag.id} value={ag.id}>
                    {ag.shortName}
                  </option>
                ))}
              </Select>
            </Field>
          </fieldset>
        );
      })}
      <Field label="Protective factors" required {...errorProps(all.protectiveFactors)}>
        <Textarea id={id('protectiveFactors')} value={protectiveFactors} onChange={(_, d) => setProtectiveFactors(d.value)} resize="vertical" rows={3} maxLength={4000} />
      </Field>
      <Field label="Overall risk level" required hint="Becomes the case's risk level." {...errorProps(all.overallLevel)}>
        <Select id={id('overallLevel')} value={overallLevel} onChange={(_, d) => setOverallLevel(d.value as RiskLevel)}>
          <option value="">Choose a level</option>
          {RISK_LEVELS.map((r) => (
            <option key={r} value={r}>
              {RISK_LEVEL_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="The adult's view" required {...errorProps(all.adultView)}>
        <Textarea id={id('adultView')} value={adultView} onChange={(_, d) => setAdultView(d.value)} resize="vertical" rows={3} maxLength={4000} />
      </Field>
      {save.conflict && <ConflictNotice changes={save.changes} onRetry={() => void submit()} onDiscard={onCancel} />}
      <SubmitFailure error={save.failure} what="The assessment was" onRetry={() => void submit()} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={save.busy}>
          {save.busy ? 'Saving…' : 'Save this version'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
