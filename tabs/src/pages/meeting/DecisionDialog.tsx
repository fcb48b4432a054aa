import { Button, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type MeetingView, OUTCOMES_BY_ITEM_KIND, type RecordDecisionBody, type RunningAgendaLine } from '../../../../src/contract';
import { CLOSURE_REASONS, type ClosureReason, type DecisionOutcome } from '../../../../src/domain/enums';
import { CommandDialog } from '../../components/CommandDialog';
import { MemberOptions } from '../../components/MemberOptions';
import { daysFromToday, todayIso } from '../../format';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { useDirectory } from '../../hooks/useDirectory';
import { CLOSURE_REASON_LABELS, DECISION_OUTCOME_LABELS } from '../../labels';
import { lineSubject } from './meetingLabels';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

interface NewAction { description: string; successMeasure: string; ownerId: string; dueDate: string }
const blankAction = (): NewAction => ({ description: '', successMeasure: '', ownerId: '', dueDate: daysFromToday(28) });

const FIELDS = [
  'outcome', 'rationale', 'alternativesConsidered', 'dissent', 'infoSharing.what', 'infoSharing.withWhom', 'infoSharing.why',
  'infoSharing.basis', 'leadAgencyId', 'leadProfessionalId', 'closureReason', 'agendaItemId',
] as const;

/**
 * The chair records the decision on the current item: the outcome its kind allows, with the rationale, the
 * alternatives considered, any dissent and the information-sharing decision (all required), the lead agency and
 * professional when a referral is accepted, and the actions agreed on the spot.
 */
export function DecisionDialog({ meeting, line, send, onDone }: {
  meeting: MeetingView;
  line: RunningAgendaLine;
  send: (body: RecordDecisionBody) => Promise<MeetingView>;
  onDone: (view: MeetingView) => void;
}) {
  const styles = useStyles();
  const directory = useDirectory();
  const outcomes: readonly DecisionOutcome[] = OUTCOMES_BY_ITEM_KIND[line.kind];
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [rationale, setRationale] = useState('');
  const [alternatives, setAlternatives] = useState('');
  const [dissent, setDissent] = useState('None');
  const [what, setWhat] = useState('');
  const [withWhom, setWithWhom] = useState('');
  const [why, setWhy] = useState('');
  const [basis, setBasis] = useState('');
  const [leadAgencyId, setLeadAgencyId] = useState('');
  const [leadProfessionalId, setLeadProfessionalId] = useState('');
  const [closureReason, setClosureReason] = useState<ClosureReason | ''>('');
  const [actions, setActions] = useState<NewAction[]>([]);

  const reset = () => {
    setOutcome('');
    setRationale('');
    setAlternatives('');
    setDissent('None');
    setWhat('');
    setWithWhom('');
    setWhy('');
    setBasis('');
    setLeadAgencyId('');
    setLeadProfessionalId('');
    setClosureReason('');
    setActions([]);
  };

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    const need = (field: string, value: string, message: string) => {
      if (!value.trim()) errors[field] = message;
    };
    need('outcome', outcome, 'Choose the decision.');
    need('rationale', rationale, 'Write why the panel decided this.');
    need('alternativesConsidered', alternatives, 'Write the alternatives the panel considered.');
    need('dissent', dissent, 'Record any dissent, or "None".');
    need('infoSharing.what', what, 'Say what information is shared, or "Nothing".');
    need('infoSharing.withWhom', withWhom, 'Say with whom, or "Nobody".');
    need('infoSharing.why', why, 'Say why.');
    need('infoSharing.basis', basis, 'Give the lawful basis.');
    if (outcome === 'accept') {
      need('leadAgencyId', leadAgencyId, 'Choose the lead agency.');
      need('leadProfessionalId', leadProfessionalId, 'Choose the lead professional.');
    }
    if (outcome === 'close') need('closureReason', closureReason, 'Choose why the case closes.');
    actions.forEach((a, i) => {
      need(`actions.${i}.description`, a.description, 'Describe the action.');
      need(`actions.${i}.successMeasure`, a.successMeasure, 'Say how the panel will know it is done.');
      need(`actions.${i}.ownerId`, a.ownerId, 'Choose who owns it.');
      need(`actions.${i}.dueDate`, a.dueDate, 'Choose a due date.');
    });
    return errors;
  }

  const professionals = directory.members.filter((m) => m.active && (!leadAgencyId || m.agencyId === leadAgencyId));
  const setAction = (i: number, change: Partial<NewAction>) => setActions((all) => all.map((a, j) => (j === i ? { ...a, ...change } : a)));

  return (
    <CommandDialog<MeetingView>
      trigger="Record the decision"
      label={`Record the decision on item ${line.order}`}
      appearance="primary"
      title={`Decision: item ${line.order}, ${lineSubject(line)}`}
      submitLabel="Record the decision"
      fields={[...FIELDS, ...actions.flatMap((_, i) => ['description', 'successMeasure', 'ownerId', 'dueDate'].map((f) => `actions.${i}.${f}`))]}
      validate={validate}
      onOpen={reset}
      send={() =>
        send({
          expectedVersion: meeting.version,
          agendaItemId: line.id,
          outcome: outcome as DecisionOutcome,
          rationale,
          alternativesConsidered: alternatives,
          dissent,
          infoSharing: { what, withWhom, why, basis },
          ...(outcome === 'accept' ? { leadAgencyId, leadProfessionalId } : {}),
          ...(outcome === 'close' && closureReason ? { closureReason } : {}),
          ...(actions.length ? { actions } : {}),
        })
      }
      onDone={onDone}
    >
      {(err) => (
        <>
          <Field label="Decision" required {...errorProps(err.outcome)}>
            <RadioGroup value={outcome} onChange={(_, d) => setOutcome(d.value as DecisionOutcome)}>
              {outcomes.map((o) => (
                <Radio key={o} value={o} label={DECISION_OUTCOME_LABELS[o]} />
              ))}
            </RadioGroup>
          </Field>
          {outcome === 'accept' && (
            <>
              <Field label="Lead agency" required {...errorProps(err.leadAgencyId)}>
                <Select value={leadAgencyId} onChange={(_, d) => { setLeadAgencyId(d.value); setLeadProfessionalId(''); }}>
                  <option value="">Choose an agency</option>
                  {directory.agencies.filter((a) => a.active).map((a) => (
                    <option key={a.id} value={a.id}>{a.name}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Lead professional" required {...errorProps(err.leadProfessionalId)}>
                <Select value={leadProfessionalId} onChange={(_, d) => setLeadProfessionalId(d.value)}>
                  <option value="">Choose a person</option>
                  <MemberOptions members={professionals} />
                </Select>
              </Field>
            </>
          )}
          {outcome === 'close' && (
            <Field label="Why the case closes" required {...errorProps(err.closureReason)}>
              <Select value={closureReason} onChange={(_, d) => setClosureReason(d.value as ClosureReason)}>
                <option value="">Choose a reason</option>
                {CLOSURE_REASONS.map((r) => (
                  <option key={r} value={r}>{CLOSURE_REASON_LABELS[r]}</option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="Rationale" required {...errorProps(err.rationale)}>
            <Textarea value={rationale} onChange={(_, d) => setRationale(d.value)} resize="vertical" maxLength={4000} />
          </Field>
          <Field label="Alternatives considered" required {...errorProps(err.alternativesConsidered)}>
            <Textarea value={alternatives} onChange={(_, d) => setAlternatives(d.value)} resize="vertical" maxLength={4000} />
          </Field>
          <Field label="Dissent" hint='Who disagreed and why, or "None".' required {...errorProps(err.dissent)}>
            <Textarea value={dissent} onChange={(_, d) => setDissent(d.value)} resize="vertical" maxLength={4000} />
          </Field>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Information sharing</legend>
            <Field label="What is shared" required {...errorProps(err['infoSharing.what'])}>
              <Textarea value={what} onChange={(_, d) => setWhat(d.value)} resize="vertical" maxLength={1000} />
            </Field>
            <Field label="With whom" required {...errorProps(err['infoSharing.withWhom'])}>
              <Input value={withWhom} onChange={(_, d) => setWithWhom(d.value)} maxLength={1000} />
            </Field>
            <Field label="Why" required {...errorProps(err['infoSharing.why'])}>
              <Textarea value={why} onChange={(_, d) => setWhy(d.value)} resize="vertical" maxLength={1000} />
            </Field>
            <Field label="Lawful basis" required {...errorProps(err['infoSharing.basis'])}>
              <Input value={basis} onChange={(_, d) => setBasis(d.value)} maxLength={500} />
            </Field>
          </fieldset>
          {actions.map((a, i) => (
            <fieldset key={i} className={styles.group}>
              <legend className={styles.legend}>Action {i + 1}</legend>
              <Field label="Action" required {...errorProps(err[`actions.${i}.description`])}>
                <Textarea value={a.description} onChange={(_, d) => setAction(i, { description: d.value })} resize="vertical" maxLength={2000} />
              </Field>
              <Field label="How we will know it is done" required {...errorProps(err[`actions.${i}.successMeasure`])}>
                <Input value={a.successMeasure} onChange={(_, d) => setAction(i, { successMeasure: d.value })} maxLength={1000} />
              </Field>
              <Field label="Owner" required {...errorProps(err[`actions.${i}.ownerId`])}>
                <Select value={a.ownerId} onChange={(_, d) => setAction(i, { ownerId: d.value })}>
                  <option value="">Choose a person</option>
                  <MemberOptions members={directory.members.filter((m) => m.active)} />
                </Select>
              </Field>
              <Field label="Due" required {...errorProps(err[`actions.${i}.dueDate`])}>
                <Input type="date" value={a.dueDate} min={todayIso()} onChange={(_, d) => setAction(i, { dueDate: d.value })} />
              </Field>
              <Button onClick={() => setActions((all) => all.filter((_, j) => j !== i))}>Remove action {i + 1}</Button>
            </fieldset>
          ))}
          {actions.length < 20 && <Button onClick={() => setActions((all) => [...all, blankAction()])}>Add an action</Button>}
        </>
      )}
    </CommandDialog>
  );
}
