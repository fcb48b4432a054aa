import {
  Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, SaveRegular, SendRegular } from '@fluentui/react-icons';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { type CaseRecordView, caseViewSchema, paths } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { ConflictNotice, ErrorSummary, SubmitFailure } from '../../forms/FormParts';
import { type FieldErrors, focusControl, problemsToFields } from '../../forms/fieldErrors';
import { useSubmit } from '../../forms/useSubmit';
import { formatTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { caseHref, homeHref, referHref, registerHref } from '../../routing/useHashRoute';
import {
  FIELD_LABELS, REFERRAL_FIELDS, type ReferralField, type ReferralForm, STEPS, emptyReferral, referralFromCase, stepOf, validateReferral,
} from './referralModel';
import { loadReferral } from './referralStorage';
import { useReferralDraft } from './useReferralDraft';
import { StepContent, fieldId } from './ReferralSteps';

const useStyles = makeStyles({
  layout: { display: 'grid', gap: tokens.spacingVerticalL },
  steps: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  stepButton: {
    minWidth: 'auto',
    fontWeight: tokens.fontWeightRegular,
  },
  stepCurrent: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline', textUnderlineOffset: '4px', textDecorationThickness: '2px' },
  stepError: { color: tokens.colorPaletteRedForeground1 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, ':focus': { outline: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  stepOf: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', paddingTop: tokens.spacingVerticalM },
  spacer: { flexGrow: 1 },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/**
 * The referral form, in steps. Whatever the user types is kept in this tab's sessionStorage as they type, and is
 * never cleared by a failed save: a lost connection, a refusal or a conflict leaves the form exactly as it was.
 */
export default function ReferralPage({ draftId }: { draftId?: string }) {
  const { me } = useSession();
  if (!me.can.refer) {
    return (
      <>
        <PageHeading focusKey="refer-refused">Refer an adult</PageHeading>
        <ErrorNotice title="Not permitted" message="Only partners, coordinators and the chair can refer an adult. Ask your coordinator if you need to." />
      </>
    );
  }
  return draftId ? <DraftLoader draftId={draftId} /> : <ReferralEditor />;
}

function DraftLoader({ draftId }: { draftId: string }) {
  const { me } = useSession();
  const path = paths.case(draftId);
  const result = useApi(path, (client, signal) => client.get(path, caseViewSchema, signal));
  if (result.state === 'loading' && !result.data) {
    return (
      <>
        <PageHeading focusKey="refer-loading">Refer an adult</PageHeading>
        <LiveStatus message="Loading your draft…" busy />
      </>
    );
  }
  if (result.state === 'error' && !result.data) {
    const missing = result.error instanceof ApiError && result.error.status === 404;
    return (
      <>
        <PageHeading focusKey="refer-error">Refer an adult</PageHeading>
        <ErrorNotice
          title={missing ? 'Draft not found' : 'The draft could not be loaded'}
          message={missing ? 'No draft referral was found at this address, or it is not yours to edit.' : result.error.message}
          onRetry={missing ? undefined : result.reload}
        />
      </>
    );
  }
  const view = result.data!;
  const c = view.case;
  // `submit` is the server's answer: a draft, and this member its author or a coordinator.
  if (view.access !== 'full' || !view.can.submit) {
    return (
      <>
        <PageHeading focusKey="refer-not-draft">Referral {c.ref}</PageHeading>
        <MessageBar intent="info">
          <MessageBarBody>
            {view.access === 'full' && view.case.status === 'draft'
              ? 'Only its author or a coordinator can edit this draft.'
              : 'This referral has already been submitted, so it is no longer a draft.'}{' '}
            <Link href={caseHref(c.id)}>Open {c.ref}</Link>
          </MessageBarBody>
        </MessageBar>
      </>
    );
  }
  const stored = loadReferral(me.member.id, draftId);
  return <ReferralEditor routeDraftId={draftId} loaded={view.case} stored={stored?.version === view.case.version ? stored : undefined} />;
}

function ReferralEditor({ routeDraftId, loaded, stored: storedDraft }: { routeDraftId?: string; loaded?: CaseRecordView; stored?: ReturnType<typeof loadReferral> }) {
  const styles = useStyles();
  const { me } = useSession();
  const [initial] = useState(() => storedDraft ?? (routeDraftId ? undefined : loadReferral(me.member.id)));
  const [form, setForm] = useState<ReferralForm>(() => initial?.form ?? (loaded ? referralFromCase(loaded) : emptyReferral()));
  const [step, setStep] = useState(() => Math.min(initial?.step ?? 0, STEPS.length - 1));
  const [restored, setRestored] = useState(Boolean(initial && JSON.stringify(initial.form) !== JSON.stringify(emptyReferral())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  /** Which errors the summary lists: one step's (on Next) or all (on submit). */
  const [summaryScope, setSummaryScope] = useState<'step' | 'all' | 'none'>('none');
  /** Counts checks, so the error summary takes focus after each one (not as errors are fixed one by one). */
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string>();
  const [done, setDone] = useState<{ id: string; ref: string }>();
  const [lastAttempt, setLastAttempt] = useState<'draft' | 'submit'>('submit');
  const submit = useSubmit(REFERRAL_FIELDS);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const stepChanged = useRef(false);

  const drafts = useReferralDraft({ routeDraftId, loaded, initial, form, step, done: Boolean(done) });
  const { draft } = drafts;

  // A new step is announced by moving focus to its heading, or to the field a summary link pointed at.
  useEffect(() => {
    if (!stepChanged.current) return;
    stepChanged.current = false;
    if (pendingFocus.current) {
      focusControl(pendingFocus.current);
      pendingFocus.current = null;
    } else headingRef.current?.focus();
  }, [step]);

  function goTo(next: number, focusId?: string) {
    pendingFocus.current = focusId ?? null;
    stepChanged.current = true;
    if (next === step && focusId) {
      focusControl(focusId);
      pendingFocus.current = null;
      stepChanged.current = false;
    }
    setStep(next);
  }

  function update(patch: Partial<ReferralForm>) {
    const touched: string[] = [];
    for (const key of Object.keys(patch) as (keyof ReferralForm)[]) {
      if (key !== 'adult') touched.push(key);
      else for (const [k, v] of Object.entries(patch.adult ?? {})) if (form.adult[k as keyof ReferralForm['adult']] !== v) touched.push(`adult.${k}`);
    }
    setForm((previous) => ({ ...previous, ...patch }));
    setSaved(undefined);
    // An answer changed is no longer wrong for the reason given: its message goes until the next check.
    if (touched.some((f) => errors[f])) {
      setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([f]) => !touched.includes(f))));
    }
  }

  function check(mode: 'draft' | 'submit', fields?: readonly ReferralField[]): FieldErrors {
    const all = validateReferral(form, mode);
    return fields ? Object.fromEntries(Object.entries(all).filter(([f]) => fields.includes(f as ReferralField))) : all;
  }

  function next() {
    const found = check('submit', STEPS[step]!.fields);
    setErrors(found);
    setOther([]);
    if (Object.keys(found).length) {
      setSummaryScope('step');
      setAttempt((n) => n + 1);
      return;
    }
    setSummaryScope('none');
    goTo(step + 1);
  }

  function showServerProblems(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.status !== 400 || !error.problems.length) return false;
    const { fields, other: rest } = problemsToFields(error.problems, REFERRAL_FIELDS);
    setErrors(fields);
    setOther(rest);
    setSummaryScope('all');
    setAttempt((n) => n + 1);
    const first = Object.keys(fields).sort((a, b) => stepOf(a) - stepOf(b))[0];
    if (first && stepOf(first) !== step) goTo(stepOf(first));
    return true;
  }

  /** Checks the form for `kind` and shows what is wrong; true when it may be sent. */
  function startAttempt(kind: 'draft' | 'submit'): boolean {
    setLastAttempt(kind);
    drafts.clearChanges();
    const found = check(kind);
    setErrors(found);
    setOther([]);
    const ok = Object.keys(found).length === 0;
    setSummaryScope(ok ? 'none' : 'all');
    if (!ok) setAttempt((n) => n + 1);
    return ok;
  }

  async function saveDraft() {
    if (!startAttempt('draft')) return;
    const result = await submit.run(() => drafts.save());
    if (result.ok) {
      const record = result.value;
      setSaved(`Draft ${record.ref} saved at ${formatTime(new Date())}. Only you and the coordinators can see it until you submit it.`);
      return;
    }
    if (!showServerProblems(result.error)) await drafts.showConflict(result.error);
  }

  async function send() {
    if (!startAttempt('submit')) return;
    const result = await submit.run(() => drafts.submit());
    if (result.ok) {
      drafts.forget();
      setDone({ id: result.value.id, ref: result.value.ref });
      return;
    }
    if (!showServerProblems(result.error)) await drafts.showConflict(result.error);
  }

  function startAgain() {
    drafts.reset();
    setForm(emptyReferral());
    setErrors({});
    setOther([]);
    setSummaryScope('none');
    setRestored(false);
    setDone(undefined);
    setSaved(undefined);
    submit.reset();
    goTo(0);
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step === STEPS.length - 1) void send();
    else next();
  };

  if (done) {
    return (
      <div className={styles.layout}>
        <PageHeading focusKey={`referral-done-${done.id}`}>Referral {done.ref} submitted</PageHeading>
        <div role="status">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Sent to the panel</MessageBarTitle>
              The coordinators will screen it, and partner agencies are asked whether the adult is known to them. The partnership
              channel has been told, by reference only.
            </MessageBarBody>
          </MessageBar>
        </div>
        <div className={styles.links}>
          <Link href={caseHref(done.id)}>Open {done.ref}</Link>
          <Link href={registerHref()}>Go to the register</Link>
          <Link href={homeHref()}>Go to the home page</Link>
          {routeDraftId ? <Link href={referHref()}>Refer another adult</Link> : <Link as="button" type="button" onClick={startAgain}>Refer another adult</Link>}
        </div>
      </div>
    );
  }

  const current = STEPS[step]!;
  const summaryFields = Object.keys(errors).filter((f) => summaryScope === 'all' || current.fields.includes(f as ReferralField));
  const stepsWithErrors = new Set(Object.keys(errors).map(stepOf));
  const last = step === STEPS.length - 1;

  return (
    <div className={styles.layout}>
      <PageHeading focusKey={`refer-${routeDraftId ?? 'new'}`}>{draft?.ref ? `Referral ${draft.ref} (draft)` : 'Refer an adult'}</PageHeading>
      {restored && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Your referral is as you left it</MessageBarTitle>
            RiskPanel kept what you had typed in this browser tab.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setRestored(false)}>Carry on</Button>
            {!routeDraftId && <Button onClick={startAgain}>Start again</Button>}
          </MessageBarActions>
        </MessageBar>
      )}
      <nav aria-label="Steps of the referral">
        <ol className={styles.steps}>
          {STEPS.map((s, index) => (
            <li key={s.key}>
              <Button
                appearance="subtle"
                className={mergeClasses(styles.stepButton, index === step && styles.stepCurrent, stepsWithErrors.has(index) && styles.stepError)}
                aria-current={index === step ? 'step' : undefined}
                onClick={() => goTo(index)}
              >
                {index + 1}. {s.title}
                {stepsWithErrors.has(index) ? ' (needs an answer)' : ''}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <form className={styles.card} onSubmit={onSubmit} noValidate aria-labelledby="refer-step-heading">
        <h2 id="refer-step-heading" ref={headingRef} tabIndex={-1} className={styles.h2}>
          <span className={styles.stepOf}>
            Step {step + 1} of {STEPS.length}
          </span>
          {current.title}
        </h2>
        {summaryScope !== 'none' && (
          <ErrorSummary
            attempt={attempt}
            problems={summaryFields.map((f) => ({ id: fieldId(f), label: FIELD_LABELS[f as ReferralField] ?? f, message: errors[f]! }))}
            other={other}
            onSelect={(id) => {
              const field = summaryFields.find((f) => fieldId(f) === id);
              goTo(field ? stepOf(field) : step, id);
            }}
          />
        )}
        <StepContent step={step} goTo={(n) => goTo(n)} form={form} update={update} errors={errors} me={me} />
        {submit.conflict && (
          <ConflictNotice
            changes={drafts.changes ?? []}
            detail="Someone else saved this draft after you opened it."
            onRetry={() => void (lastAttempt === 'draft' ? saveDraft() : send())}
            retryLabel={lastAttempt === 'draft' ? 'Save my version' : 'Submit my version'}
          />
        )}
        <SubmitFailure
          error={submit.failure}
          what={lastAttempt === 'draft' ? 'Your draft was' : 'Your referral was'}
          onRetry={() => void (lastAttempt === 'draft' ? saveDraft() : send())}
        />
        <div role="status" aria-live="polite">
          {saved && (
            <MessageBar intent="success">
              <MessageBarBody>{saved}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.buttons}>
          {step > 0 && (
            <Button icon={<ArrowLeftRegular />} onClick={() => goTo(step - 1)}>
              Back
            </Button>
          )}
          {last ? (
            <Button type="submit" appearance="primary" icon={<SendRegular />} disabledFocusable={submit.busy}>
              {submit.busy && lastAttempt === 'submit' ? 'Submitting…' : 'Submit referral'}
            </Button>
          ) : (
            <Button type="submit" appearance="primary" icon={<ArrowRightRegular />} iconPosition="after">
              Next
            </Button>
          )}
          <span className={styles.spacer} />
          <Button icon={<SaveRegular />} onClick={() => void saveDraft()} disabledFocusable={submit.busy}>
            {submit.busy && lastAttempt === 'draft' ? 'Saving…' : 'Save as draft'}
          </Button>
        </div>
      </form>
    </div>
  );
}
