import { Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import {
  CheckmarkStarburstRegular, CalendarAddRegular, ChatHelpRegular, DismissCircleRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { CaseStatus, RiskLevel, ScreeningOutcome } from '../../../../src/domain/enums';
import { RISK_LEVELS, SCREENING_OUTCOMES } from '../../../../src/domain/enums';
import { CASE_TRANSITIONS } from '../../../../src/domain/lifecycle';
import { type CaseDetail, type MeetingItem, anything } from '../../api/schemas';
import { useApiClient } from '../../auth/session';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { daysFromToday, formatDateTime, todayIso } from '../../format';
import { useDirectory } from '../../hooks/useDirectory';
import { RISK_LEVEL_LABELS } from '../../labels';
import { CommandDialog } from '../CommandDialog';
import { MemberOptions } from '../MemberOptions';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    alignItems: 'start',
    // Long option text must not push a select past its column.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface ReferralAbilities { requestInfo?: boolean; list?: boolean; screen?: boolean; withdraw?: boolean }

export interface ReferralActionsProps {
  caseId: string;
  reference: string;
  status: CaseStatus;
  referrerAgencyId?: string | null;
  /** What the signed-in member may do (getCase `can`, or by role in the queue). */
  abilities: ReferralAbilities;
  meetings: MeetingItem[];
  /** The meeting whose agenda already lists it, if any. */
  listedMeetingId?: string | null;
  /** The case as the user saw it, for the version check and "what changed" on a conflict. */
  baseline?: CaseDetail;
  onChanged: (what: string) => void;
}

const UPCOMING = new Set(['planned', 'agenda_published']);
export const upcomingMeetings = (meetings: MeetingItem[]): MeetingItem[] =>
  meetings.filter((m) => UPCOMING.has(m.status) && m.startsAt.slice(0, 10) >= todayIso()).sort((a, b) => a.startsAt.localeCompare(b.startsAt));

const OUTCOME_LABELS: Record<ScreeningOutcome, string> = {
  accept: 'Accept: open a case',
  decline: 'Decline',
  defer: 'Defer for more information',
};

/**
 * What a coordinator (or the chair) does with a referral waiting to be screened, offered only when both the
 * member's role and the referral's state allow it: ask the referrer for more, list it for a panel, record the
 * panel's decision, or withdraw it.
 */
export function ReferralActions(props: ReferralActionsProps) {
  const styles = useStyles();
  const next = CASE_TRANSITIONS[props.status];
  const { abilities } = props;
  const shown = {
    requestInfo: abilities.requestInfo && next.includes('info_requested'),
    list: abilities.list && next.includes('listed'),
    screen: abilities.screen && next.includes('open'),
    withdraw: abilities.withdraw && next.includes('withdrawn'),
  };
  if (!Object.values(shown).some(Boolean)) return null;
  return (
    <div className={styles.bar} role="group" aria-label={`Screening ${props.reference}`}>
      {shown.screen && <ScreenDialog {...props} />}
      {shown.requestInfo && <RequestInfoDialog {...props} />}
      {shown.list && <ListDialog {...props} />}
      {shown.withdraw && <WithdrawDialog {...props} />}
    </div>
  );
}

const casePath = (id: string, tail: string) => `/api/cases/${encodeURIComponent(id)}/${tail}`;
const withVersion = (body: Record<string, unknown>, version: number | undefined) => (version === undefined ? body : { ...body, expectedVersion: version });

function RequestInfoDialog({ caseId, reference, baseline, onChanged }: ReferralActionsProps) {
  const client = useApiClient();
  const [question, setQuestion] = useState('');
  return (
    <CommandDialog
      trigger="Request information"
      label={`Request information about ${reference}`}
      icon={<ChatHelpRegular />}
      title={`Ask the referrer about ${reference}`}
      submitLabel="Send request"
      fields={['question']}
      baseline={baseline}
      onOpen={() => setQuestion('')}
      validate={(): FieldErrors => (question.trim() ? {} : { question: 'Write what you need to know.' })}
      send={(version) => client.post(casePath(caseId, 'information-requests'), withVersion({ question: question.trim() }, version), anything)}
      onDone={() => onChanged(`Information requested about ${reference}.`)}
    >
      {(errors) => (
        <Field label="What do you need to know?" required hint="The referrer is told, and the referral waits for their answer." {...errorProps(errors.question)}>
          <Textarea value={question} onChange={(_, d) => setQuestion(d.value)} resize="vertical" rows={4} maxLength={2000} />
        </Field>
      )}
    </CommandDialog>
  );
}

function ListDialog({ caseId, reference, baseline, meetings, listedMeetingId, onChanged }: ReferralActionsProps) {
  const client = useApiClient();
  const upcoming = upcomingMeetings(meetings);
  const [meetingId, setMeetingId] = useState('');
  return (
    <CommandDialog
      trigger="List for panel"
      label={`List for panel: ${reference}`}
      icon={<CalendarAddRegular />}
      title={`List ${reference} for a panel`}
      submitLabel="List it"
      fields={['meetingId']}
      baseline={baseline}
      onOpen={() => setMeetingId(listedMeetingId ?? upcoming[0]?.id ?? '')}
      send={(version) => client.post(casePath(caseId, 'listing'), withVersion(meetingId ? { meetingId } : {}, version), anything)}
      onDone={() => onChanged(`${reference} listed${meetingId ? ` for ${upcoming.find((m) => m.id === meetingId)?.title ?? 'the panel'}` : ''}.`)}
    >
      {(errors) => (
        <Field label="Panel meeting" hint="The referral goes on that meeting's agenda as a new referral." {...errorProps(errors.meetingId)}>
          <Select value={meetingId} onChange={(_, d) => setMeetingId(d.value)}>
            {upcoming.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}, {formatDateTime(m.startsAt)}
              </option>
            ))}
            <option value="">No meeting yet (list it to be scheduled)</option>
          </Select>
        </Field>
      )}
    </CommandDialog>
  );
}

function WithdrawDialog({ caseId, reference, baseline, onChanged }: ReferralActionsProps) {
  const client = useApiClient();
  const [reason, setReason] = useState('');
  return (
    <CommandDialog
      trigger="Withdraw"
      label={`Withdraw ${reference}`}
      icon={<DismissCircleRegular />}
      title={`Withdraw ${reference}`}
      submitLabel="Withdraw the referral"
      fields={['reason']}
      baseline={baseline}
      onOpen={() => setReason('')}
      validate={(): FieldErrors => (reason.trim() ? {} : { reason: 'Say why the referral is withdrawn.' })}
      send={(version) => client.post(casePath(caseId, 'withdrawal'), withVersion({ reason: reason.trim() }, version), anything)}
      onDone={() => onChanged(`${reference} withdrawn.`)}
    >
      {(errors) => (
        <Field label="Reason" required hint="Kept in the audit trail. A withdrawn referral cannot be reopened; a new referral can be made." {...errorProps(errors.reason)}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" rows={3} maxLength={2000} />
        </Field>
      )}
    </CommandDialog>
  );
}

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
function ScreenDialog({ caseId, reference, referrerAgencyId, baseline, meetings, listedMeetingId, onChanged }: ReferralActionsProps) {
  const styles = useStyles();
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
      send={(version) => client.post(casePath(caseId, 'screening'), withVersion(body(), version), anything)}
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
