import {
  Button, Checkbox, Field, Input, Link, Radio, RadioGroup, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { CAPACITY_STATES, CONSENT_STATES, OTHER_PROCESSES, RISK_CATEGORIES } from '../../../../src/domain/enums';
import type { Me } from '../../../../src/contract';
import { CheckboxGroup, YesNoField, errorProps } from '../../forms/FormParts';
import { type FieldErrors, controlId } from '../../forms/fieldErrors';
import { formatDay, todayIso } from '../../format';
import { CAPACITY_LABELS, CONSENT_LABELS, OTHER_PROCESS_LABELS, RISK_CATEGORY_LABELS } from '../../labels';
import { FIELD_LABELS, type ReferralField, type ReferralForm, SAFEGUARDING_BASIS, STEPS } from './referralModel';

const useStyles = makeStyles({
  fields: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '46rem' },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    alignItems: 'start',
    // Long option text must not push a select past its column.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
  readOnly: { margin: 0, color: tokens.colorNeutralForeground2 },
  review: { display: 'grid', gap: tokens.spacingVerticalL },
  reviewGroup: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalL },
  reviewHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12rem, 18rem) 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalM} 0 0`,
    '& dt': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
  blank: { color: tokens.colorNeutralForeground3 },
});

export const fieldId = (field: string): string => controlId('refer', field);

export interface StepProps {
  form: ReferralForm;
  update: (patch: Partial<ReferralForm>) => void;
  errors: FieldErrors;
  me: Me;
}

const updateAdult = (props: StepProps, patch: Partial<ReferralForm['adult']>) => props.update({ adult: { ...props.form.adult, ...patch } });

function AdultStep(props: StepProps) {
  const styles = useStyles();
  const { form, errors, me } = props;
  return (
    <div className={styles.fields}>
      <p className={styles.readOnly}>
        Referred by you, {me.member.name}, for {me.agency.name}.
      </p>
      <Field label={FIELD_LABELS['adult.name']} required {...errorProps(errors['adult.name'])}>
        <Input id={fieldId('adult.name')} value={form.adult.name} maxLength={200} autoComplete="off" onChange={(_, d) => updateAdult(props, { name: d.value })} />
      </Field>
      <div className={styles.pair}>
        <Field label={FIELD_LABELS['adult.dateOfBirth']} hint="If known." {...errorProps(errors['adult.dateOfBirth'])}>
          <Input id={fieldId('adult.dateOfBirth')} type="date" max={todayIso()} value={form.adult.dateOfBirth} onChange={(_, d) => updateAdult(props, { dateOfBirth: d.value })} />
        </Field>
        <Field label={FIELD_LABELS['adult.nhsNumber']} hint="If known: 10 digits." {...errorProps(errors['adult.nhsNumber'])}>
          <Input id={fieldId('adult.nhsNumber')} inputMode="numeric" autoComplete="off" value={form.adult.nhsNumber} maxLength={12} onChange={(_, d) => updateAdult(props, { nhsNumber: d.value })} />
        </Field>
      </div>
      <Field label={FIELD_LABELS['adult.address']} {...errorProps(errors['adult.address'])}>
        <Textarea id={fieldId('adult.address')} value={form.adult.address} maxLength={500} resize="vertical" onChange={(_, d) => updateAdult(props, { address: d.value })} />
      </Field>
      <Field label={FIELD_LABELS['adult.postcode']} {...errorProps(errors['adult.postcode'])}>
        <Input id={fieldId('adult.postcode')} value={form.adult.postcode} maxLength={8} autoComplete="off" onChange={(_, d) => updateAdult(props, { postcode: d.value })} />
      </Field>
      <Field label={FIELD_LABELS.managerSignOff} hint="The manager in your agency who agreed this referral, if your agency asks for one." {...errorProps(errors.managerSignOff)}>
        <Input id={fieldId('managerSignOff')} value={form.managerSignOff} maxLength={200} onChange={(_, d) => props.update({ managerSignOff: d.value })} />
      </Field>
    </div>
  );
}

function RisksStep({ form, update, errors }: StepProps) {
  const styles = useStyles();
  const othersAtRisk = form.childrenAtRisk === 'yes' || form.otherAdultsAtRisk === 'yes';
  return (
    <div className={styles.fields}>
      <CheckboxGroup
        id={fieldId('riskCategories')}
        legend={FIELD_LABELS.riskCategories}
        hint="Choose every category that applies."
        required
        options={RISK_CATEGORIES.map((value) => ({ value, label: RISK_CATEGORY_LABELS[value] }))}
        value={form.riskCategories}
        onChange={(riskCategories) => update({ riskCategories })}
        error={errors.riskCategories}
      />
      <Field
        label={FIELD_LABELS.reasons}
        required
        hint="Why the risk has become too much for one agency: what is happening, since when, what has been tried."
        {...errorProps(errors.reasons)}
      >
        <Textarea id={fieldId('reasons')} value={form.reasons} rows={6} maxLength={4000} resize="vertical" onChange={(_, d) => update({ reasons: d.value })} />
      </Field>
      <YesNoField id={fieldId('childrenAtRisk')} label={FIELD_LABELS.childrenAtRisk} value={form.childrenAtRisk} onChange={(childrenAtRisk) => update({ childrenAtRisk })} error={errors.childrenAtRisk} />
      <YesNoField id={fieldId('otherAdultsAtRisk')} label={FIELD_LABELS.otherAdultsAtRisk} value={form.otherAdultsAtRisk} onChange={(otherAdultsAtRisk) => update({ otherAdultsAtRisk })} error={errors.otherAdultsAtRisk} />
      {othersAtRisk && (
        <Field label={FIELD_LABELS.othersAtRiskDetails} required {...errorProps(errors.othersAtRiskDetails)}>
          <Textarea id={fieldId('othersAtRiskDetails')} value={form.othersAtRiskDetails} maxLength={4000} resize="vertical" onChange={(_, d) => update({ othersAtRiskDetails: d.value })} />
        </Field>
      )}
    </div>
  );
}

function SupportStep({ form, update, errors }: StepProps) {
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      <Field
        label={FIELD_LABELS.currentSupport}
        required
        hint="Services, carers, family and community support the adult has now, and what they refuse."
        {...errorProps(errors.currentSupport)}
      >
        <Textarea id={fieldId('currentSupport')} value={form.currentSupport} rows={6} maxLength={4000} resize="vertical" onChange={(_, d) => update({ currentSupport: d.value })} />
      </Field>
    </div>
  );
}

function ConsentStep({ form, update, errors }: StepProps) {
  const styles = useStyles();
  const withoutConsent = form.consent !== '' && form.consent !== 'given';
  return (
    <div className={styles.fields}>
      <Field label={FIELD_LABELS.capacity} required hint="Capacity is presumed unless assessed otherwise for this decision." {...errorProps(errors.capacity)}>
        <RadioGroup id={fieldId('capacity')} value={form.capacity} onChange={(_, d) => update({ capacity: d.value as ReferralForm['capacity'] })}>
          {CAPACITY_STATES.map((s) => (
            <Radio key={s} value={s} label={CAPACITY_LABELS[s]} />
          ))}
        </RadioGroup>
      </Field>
      <YesNoField id={fieldId('adultAware')} label={FIELD_LABELS.adultAware} value={form.adultAware} onChange={(adultAware) => update({ adultAware })} error={errors.adultAware} />
      <Field label={FIELD_LABELS.consent} required {...errorProps(errors.consent)}>
        <RadioGroup id={fieldId('consent')} value={form.consent} onChange={(_, d) => update({ consent: d.value as ReferralForm['consent'] })}>
          {CONSENT_STATES.map((s) => (
            <Radio key={s} value={s} label={CONSENT_LABELS[s]} />
          ))}
        </RadioGroup>
      </Field>
      {withoutConsent && (
        <>
          <Field
            label={FIELD_LABELS.noConsentReason}
            required
            hint="Without consent, a referral can still be shared when it is needed to protect the adult or others. Say why it is needed here."
            {...errorProps(errors.noConsentReason)}
          >
            <Textarea id={fieldId('noConsentReason')} value={form.noConsentReason} maxLength={4000} resize="vertical" onChange={(_, d) => update({ noConsentReason: d.value })} />
          </Field>
          <Field label={FIELD_LABELS.lawfulBasis} required {...errorProps(errors.lawfulBasis)}>
            <Textarea id={fieldId('lawfulBasis')} value={form.lawfulBasis} maxLength={500} resize="vertical" onChange={(_, d) => update({ lawfulBasis: d.value })} />
          </Field>
          <div>
            <Button size="small" onClick={() => update({ lawfulBasis: SAFEGUARDING_BASIS })}>
              Use the safeguarding basis
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function ViewsStep({ form, update, errors }: StepProps) {
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      <CheckboxGroup
        id={fieldId('otherProcessesConsidered')}
        legend={FIELD_LABELS.otherProcessesConsidered}
        hint="Processes that might fit better, and that you have considered. Leave blank if none."
        options={OTHER_PROCESSES.map((value) => ({ value, label: OTHER_PROCESS_LABELS[value] }))}
        value={form.otherProcessesConsidered}
        onChange={(otherProcessesConsidered) => update({ otherProcessesConsidered })}
        error={errors.otherProcessesConsidered}
      />
      <Field
        label={FIELD_LABELS.adultViews}
        required
        hint="What the adult says they want, in their words where you can; or why they could not be asked."
        {...errorProps(errors.adultViews)}
      >
        <Textarea id={fieldId('adultViews')} value={form.adultViews} rows={5} maxLength={4000} resize="vertical" onChange={(_, d) => update({ adultViews: d.value })} />
      </Field>
      <YesNoField id={fieldId('advocacyNeeded')} label={FIELD_LABELS.advocacyNeeded} value={form.advocacyNeeded} onChange={(advocacyNeeded) => update({ advocacyNeeded })} error={errors.advocacyNeeded} />
    </div>
  );
}

/** Every answer by step, each group with a way back to change it, then who may see the referral. */
function ReviewStep({ form, update, errors, goTo }: StepProps & { goTo: (step: number) => void }) {
  const styles = useStyles();
  const yes = (v: string) => (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : '');
  const values: Record<ReferralField, string> = {
    'adult.name': form.adult.name,
    'adult.dateOfBirth': form.adult.dateOfBirth ? formatDay(form.adult.dateOfBirth) : '',
    'adult.address': form.adult.address,
    'adult.postcode': form.adult.postcode.toUpperCase(),
    'adult.nhsNumber': form.adult.nhsNumber,
    managerSignOff: form.managerSignOff,
    riskCategories: form.riskCategories.map((c) => RISK_CATEGORY_LABELS[c]).join(', '),
    reasons: form.reasons,
    childrenAtRisk: yes(form.childrenAtRisk),
    otherAdultsAtRisk: yes(form.otherAdultsAtRisk),
    othersAtRiskDetails: form.othersAtRiskDetails,
    currentSupport: form.currentSupport,
    capacity: form.capacity ? CAPACITY_LABELS[form.capacity] : '',
    adultAware: yes(form.adultAware),
    consent: form.consent ? CONSENT_LABELS[form.consent] : '',
    noConsentReason: form.consent && form.consent !== 'given' ? form.noConsentReason : '',
    lawfulBasis: form.consent && form.consent !== 'given' ? form.lawfulBasis : '',
    otherProcessesConsidered: form.otherProcessesConsidered.map((p) => OTHER_PROCESS_LABELS[p]).join(', ') || 'None',
    adultViews: form.adultViews,
    advocacyNeeded: yes(form.advocacyNeeded),
    restricted: form.restricted ? 'Yes' : 'No',
  };
  const hidden = (field: ReferralField) =>
    (field === 'othersAtRiskDetails' && !(form.childrenAtRisk === 'yes' || form.otherAdultsAtRisk === 'yes') && !values[field]) ||
    ((field === 'noConsentReason' || field === 'lawfulBasis') && !(form.consent && form.consent !== 'given'));
  return (
    <div className={styles.review}>
      {STEPS.slice(0, -1).map((step, index) => (
        <section key={step.key} className={styles.reviewGroup} aria-labelledby={`review-${step.key}`}>
          <div className={styles.reviewHead}>
            <h3 id={`review-${step.key}`} className={styles.h3}>
              {step.title}
            </h3>
            <Link as="button" type="button" onClick={() => goTo(index)} aria-label={`Change: ${step.title}`}>
              Change
            </Link>
          </div>
          <dl className={styles.dl}>
            {step.fields.filter((f) => !hidden(f)).map((field) => (
              <ReviewRow key={field} term={FIELD_LABELS[field]} error={errors[field]}>
                {values[field]}
              </ReviewRow>
            ))}
          </dl>
        </section>
      ))}
      <div className={styles.fields}>
        <Field
          label="Who can see this referral"
          hint="Restricted referrals are seen only by coordinators, the referrer and, once accepted, the lead agency and the people the panel names. Use it when wider sharing could put the adult or others at risk."
        >
          <Checkbox id={fieldId('restricted')} label="Restrict access to this referral" checked={form.restricted} onChange={(_, d) => update({ restricted: d.checked === true })} />
        </Field>
      </div>
    </div>
  );
}

function ReviewRow({ term, error, children }: { term: string; error?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div style={{ display: 'contents' }}>
      <dt>{term}</dt>
      <dd>
        {children || <span className={styles.blank}>Not answered</span>}
        {error && <div className={styles.missing}>{error}</div>}
      </dd>
    </div>
  );
}

export function StepContent({ step, goTo, ...props }: StepProps & { step: number; goTo: (step: number) => void }) {
  switch (STEPS[step]?.key) {
    case 'adult':
      return <AdultStep {...props} />;
    case 'risks':
      return <RisksStep {...props} />;
    case 'support':
      return <SupportStep {...props} />;
    case 'consent':
      return <ConsentStep {...props} />;
    case 'views':
      return <ViewsStep {...props} />;
    default:
      return <ReviewStep {...props} goTo={goTo} />;
  }
}
