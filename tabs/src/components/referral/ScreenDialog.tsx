import { Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { CheckmarkStarburstRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { RISK_LEVELS, SCREENING_OUTCOMES, type RiskLevel, type ScreeningOutcome } from '../../../../src/domain/enums';
import { paths, savedCaseSchema } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { daysFromToday, formatDateTime, todayIso } from '../../format';
import { useDirectory } from '../../hooks/useDirectory';
import { RISK_LEVEL_LABELS } from '../../labels';
import { CommandDialog } from '../CommandDialog';
import { MemberOptions } from '../MemberOptions';
import { type ReferralActionsProps, UPCOMING, useReferralDialogStyles, withVersion } from './referralDialogs';

const OUTCOME_LABELS: Record<ScreeningOutcome, string> = {
  accept: 'Accept: open a case',
  decline: 'Decline',
  defer: 'Defer for more information',
};

interface Decision {
  outcome: ScreeningOutcome | '';
  rationale: string;
  alternativesConsidered: string;
  dissent: string;
  leadAgencyId: string;
  leadProfessionalId: string;
  leadCoordinatorId: string;
  riskLevel: RiskLevel | '';
  nextReviewDate: string;
  meetingId: string;
}

/** The screening decision: accept (with a lead, a risk level and a review date), decline or defer, always with a rationale. */
export function ScreenDialog({ caseId, reference, referrerAgencyId, baseline, meetings, listedMeetingId, onChanged }: ReferralActionsProps) {
  const styles = useReferralDialogStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const fresh = (): Decision => ({
    outcome: '', rationale: '', alternativesConsidered: '', dissent: '', leadAgencyId: referrerAgencyId ?? '', leadProfessionalId: '',
    leadCoordinatorId: '', riskLevel: '', nextReviewDate: daysFromToday(91), meetingId: listedMeetingId ?? '',
  });
  const [d, setD] = useState<Decision>(fresh);
  const set = (patch: Partial<Decision>) => setD((previous) => ({ ...previous, ...patch }));
  const active = directory.members.filter((m) => m.active !== false);
  const leadChoices = active.filter((m) => m.agencyId === d.leadAgencyId);
  const accepting = d.outcome === 'accept';
  const related = meetings.filter((m) => m.id === listedMeetingId || UPCOMING.has(m.status) || m.status === 'in_progress');

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    if (!d.outcome) e.outcome = 'Choose the decision.';
    if (!d.rationale.trim()) e.rationale = 'Every decision needs its rationale.';
    if (accepting) {
      if (!d.leadAgencyId) e.leadAgencyId = 'Choose the lead agency.';
      if (!d.leadProfessionalId) e.leadProfessionalId = 'Choose the lead professional.';
      if (!d.riskLevel) e.riskLevel = 'Choose the risk level.';
      if (!d.nextReviewDate) e.nextReviewDate = 'Choose the review date.';
      else if (d.nextReviewDate < todayIso()) e.nextReviewDate = 'The review date cannot be in the past.';
    }
    return e;
  }

  function body(): Record<string, unknown> {
    const b: Record<string, unknown> = { outcome: d.outcome, rationale: d.rationale.trim() };
    if (d.alternativesConsidered.trim()) b.alternativesConsidered = d.alternativesConsidered.trim();
    if (d.dissent.trim()) b.dissent = d.dissent.trim();
    if (d.meetingId) b.meetingId = d.meetingId;
    if (accepting) {
      Object.assign(b, { leadAgencyId: d.leadAgencyId, leadProfessionalId: d.leadProfessionalId, riskLevel: d.riskLevel, nextReviewDate: d.nextReviewDate });
      if (d.leadCoordinatorId) b.leadCoordinatorId = d.leadCoordinatorId;
    }
    return b;
  }

  return (
    <CommandDialog
      trigger="Record decision"
      label={`Record decision on ${reference}`}
      icon={<CheckmarkStarburstRegular />}
      appearance="primary"
      title={`Screening decision on ${reference}`}
      submitLabel="Record decision"
      fields={['outcome', 'rationale', 'alternativesConsidered', 'dissent', 'leadAgencyId', 'leadProfessionalId', 'leadCoordinatorId', 'riskLevel', 'nextReviewDate', 'meetingId']}
      baseline={baseline}
      onOpen={() => setD(fresh())}
      validate={validate}
      send={(version) => client.post(paths.caseScreening(caseId), withVersion(body(), version), savedCaseSchema)}
      onDone={() => onChanged(`Decision recorded on ${reference}: ${d.outcome === 'accept' ? 'accepted' : d.outcome === 'decline' ? 'declined' : 'deferred'}.`)}
    >
      {(errors) => (
        <>
          <Field label="Decision" required {...errorProps(errors.outcome)}>
            <RadioGroup value={d.outcome} onChange={(_, data) => set({ outcome: data.value as ScreeningOutcome })}>
              {SCREENING_OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={OUTCOME_LABELS[o]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label="Rationale" required hint="Why the panel decided this: recorded in the decision log for audit." {...errorProps(errors.rationale)}>
            <Textarea value={d.rationale} onChange={(_, data) => set({ rationale: data.value })} resize="vertical" rows={4} maxLength={4000} />
          </Field>
          {accepting && (
            <>
              <p className={styles.note}>The lead agency keeps case responsibility; the lead professional is one of its members.</p>
              <div className={styles.pair}>
                <Field label="Lead agency" required {...errorProps(errors.leadAgencyId)}>
                  <Select value={d.leadAgencyId} onChange={(_, data) => set({ leadAgencyId: data.value, leadProfessionalId: '' })}>
                    <option value="">Choose an agency</option>
                    {directory.agencies.filter((a) => a.active !== false).map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Lead professional" required {...errorProps(errors.leadProfessionalId)}>
                  <Select value={d.leadProfessionalId} onChange={(_, data) => set({ leadProfessionalId: data.value })}>
                    <option value="">{leadChoices.length ? 'Choose a person' : 'Choose the agency first'}</option>
                    {leadChoices.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <Field label="Lead coordinating professional (optional)" hint="May be in another agency; naming them lets them see the case." {...errorProps(errors.leadCoordinatorId)}>
                <Select value={d.leadCoordinatorId} onChange={(_, data) => set({ leadCoordinatorId: data.value })}>
                  <option value="">None</option>
                  <MemberOptions members={active} />
                </Select>
              </Field>
              <div className={styles.pair}>
                <Field label="Risk level" required {...errorProps(errors.riskLevel)}>
                  <Select value={d.riskLevel} onChange={(_, data) => set({ riskLevel: data.value as RiskLevel })}>
                    <option value="">Choose a level</option>
                    {RISK_LEVELS.map((r) => (
                      <option key={r} value={r}>
                        {RISK_LEVEL_LABELS[r]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Review date" required {...errorProps(errors.nextReviewDate)}>
                  <Input type="date" min={todayIso()} value={d.nextReviewDate} onChange={(_, data) => set({ nextReviewDate: data.value })} />
                </Field>
              </div>
            </>
          )}
          <Field label="Panel meeting (optional)" {...errorProps(errors.meetingId)}>
            <Select value={d.meetingId} onChange={(_, data) => set({ meetingId: data.value })}>
              <option value="">Not at a meeting</option>
              {related.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}, {formatDateTime(m.startsAt)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Alternatives considered (optional)" {...errorProps(errors.alternativesConsidered)}>
            <Textarea value={d.alternativesConsidered} onChange={(_, data) => set({ alternativesConsidered: data.value })} resize="vertical" maxLength={4000} />
          </Field>
          <Field label="Dissent (optional)" hint="Anyone at the panel who disagreed, and why." {...errorProps(errors.dissent)}>
            <Textarea value={d.dissent} onChange={(_, data) => set({ dissent: data.value })} resize="vertical" maxLength={4000} />
          </Field>
        </>
      )}
    </CommandDialog>
  );
}
