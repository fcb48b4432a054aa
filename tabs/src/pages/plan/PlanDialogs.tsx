import { Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { RAG_LABELS } from '../../../../src/domain/boardWork';
import { RAG_RATINGS, type RagRating } from '../../../../src/domain/enums';
import { type BoardActionItem, paths, planObjectiveRecordSchema, savedActionSchema } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { CommandDialog } from '../../components/CommandDialog';
import { MemberOptions } from '../../components/MemberOptions';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { daysFromToday, todayIso } from '../../format';
import { useDirectory } from '../../hooks/useDirectory';
import { actionOwners } from '../learning/ownerChoices';

const useStyles = makeStyles({
  pair: {
    display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', alignItems: 'start',
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
});

export function AddObjectiveDialog({ planYear, onDone }: { planYear: string; onDone: (what: string) => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const fresh = { priorityCode: '', priorityTitle: '', objective: '', successMeasure: '' };
  const [o, setO] = useState(fresh);
  const set = (patch: Partial<typeof fresh>) => setO((previous) => ({ ...previous, ...patch }));
  return (
    <CommandDialog
      trigger="Add an objective"
      icon={<AddRegular />}
      title={`Add an objective to the ${planYear} plan`}
      submitLabel="Add the objective"
      fields={['priorityCode', 'priorityTitle', 'objective', 'successMeasure', 'planYear']}
      onOpen={() => setO(fresh)}
      validate={() => {
        const e: FieldErrors = {};
        if (!o.priorityCode.trim()) e.priorityCode = 'Give the priority its code, such as SAB1.';
        if (!o.priorityTitle.trim()) e.priorityTitle = 'Name the priority.';
        if (!o.objective.trim()) e.objective = 'Write the objective.';
        if (!o.successMeasure.trim()) e.successMeasure = 'Say how progress will be measured.';
        return e;
      }}
      send={() =>
        client.post(
          paths.planObjectives(),
          { planYear, priorityCode: o.priorityCode.trim(), priorityTitle: o.priorityTitle.trim(), objective: o.objective.trim(), successMeasure: o.successMeasure.trim() },
          planObjectiveRecordSchema,
        )
      }
      onDone={(saved) => onDone(`Objective ${saved.priorityCode}.${saved.objectiveNumber} added.`)}
    >
      {(errors) => (
        <>
          <div className={styles.pair}>
            <Field label="Priority code" required hint="An existing code adds to that priority." {...errorProps(errors.priorityCode)}>
              <Input value={o.priorityCode} onChange={(_, d) => set({ priorityCode: d.value })} maxLength={12} />
            </Field>
            <Field label="Priority" required {...errorProps(errors.priorityTitle)}>
              <Input value={o.priorityTitle} onChange={(_, d) => set({ priorityTitle: d.value })} maxLength={200} />
            </Field>
          </div>
          <Field label="Objective" required {...errorProps(errors.objective)}>
            <Textarea value={o.objective} onChange={(_, d) => set({ objective: d.value })} resize="vertical" rows={3} maxLength={1000} />
          </Field>
          <Field label="How we will measure progress and impact" required {...errorProps(errors.successMeasure)}>
            <Textarea value={o.successMeasure} onChange={(_, d) => set({ successMeasure: d.value })} resize="vertical" rows={2} maxLength={1000} />
          </Field>
        </>
      )}
    </CommandDialog>
  );
}

export function PlanActionDialog({ objectiveId, code, onDone }: { objectiveId: string; code: string; onDone: (what: string) => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const fresh = { description: '', successMeasure: '', ownerId: '', dueDate: daysFromToday(90) };
  const [a, setA] = useState(fresh);
  const set = (patch: Partial<typeof fresh>) => setA((previous) => ({ ...previous, ...patch }));
  return (
    <CommandDialog
      trigger="Add an action"
      label={`Add an action to objective ${code}`}
      icon={<AddRegular />}
      title={`Add an action to objective ${code}`}
      submitLabel="Add the action"
      fields={['description', 'successMeasure', 'ownerId', 'dueDate', 'agencyId']}
      onOpen={() => setA(fresh)}
      validate={() => {
        const e: FieldErrors = {};
        if (!a.description.trim()) e.description = 'Say what will be done.';
        if (!a.successMeasure.trim()) e.successMeasure = 'Say how everyone will know it is done.';
        if (!a.ownerId) e.ownerId = 'Choose who will do it.';
        if (!a.dueDate) e.dueDate = 'Choose when it is due.';
        else if (a.dueDate < todayIso()) e.dueDate = 'The due date cannot be in the past.';
        return e;
      }}
      send={() =>
        client.post(
          paths.planObjectiveActions(objectiveId),
          { description: a.description.trim(), successMeasure: a.successMeasure.trim(), ownerId: a.ownerId, dueDate: a.dueDate },
          savedActionSchema,
        )
      }
      onDone={() => onDone(`Action added to ${code} for ${directory.member(a.ownerId)?.name ?? 'its owner'}.`)}
    >
      {(errors) => (
        <>
          <Field label="What will be done" required {...errorProps(errors.description)}>
            <Textarea value={a.description} onChange={(_, d) => set({ description: d.value })} resize="vertical" rows={3} maxLength={1000} />
          </Field>
          <Field label="How we will know it is done" required {...errorProps(errors.successMeasure)}>
            <Textarea value={a.successMeasure} onChange={(_, d) => set({ successMeasure: d.value })} resize="vertical" rows={2} maxLength={1000} />
          </Field>
          <div className={styles.pair}>
            <Field label="Owner" required {...errorProps(errors.ownerId ?? errors.agencyId)}>
              <Select value={a.ownerId} onChange={(_, d) => set({ ownerId: d.value })}>
                <option value="">Choose a person</option>
                <MemberOptions members={actionOwners(directory.members)} />
              </Select>
            </Field>
            <Field label="Due date" required {...errorProps(errors.dueDate)}>
              <Input type="date" min={todayIso()} value={a.dueDate} onChange={(_, d) => set({ dueDate: d.value })} />
            </Field>
          </div>
        </>
      )}
    </CommandDialog>
  );
}

/** The owner (or their lead, a coordinator or the chair) says how the action is going, and why. */
export function SetRagDialog({ action, onDone }: { action: BoardActionItem; onDone: (what: string) => void }) {
  const client = useApiClient();
  const [rating, setRating] = useState<RagRating>(action.rag?.rating ?? 'green');
  const [reason, setReason] = useState('');
  return (
    <CommandDialog
      trigger="Set RAG"
      label={`Set RAG of ${action.sourceLabel ?? 'this action'} (${action.ownerName})`}
      title="Set the RAG status"
      submitLabel="Save the status"
      fields={['rating', 'reason']}
      onOpen={() => {
        setRating(action.rag?.rating ?? 'green');
        setReason('');
      }}
      validate={(): FieldErrors => (reason.trim() ? {} : { reason: 'Say why.' })}
      send={() => client.post(paths.actionRag(action.id), { rating, reason: reason.trim(), expectedVersion: action.version }, savedActionSchema)}
      onDone={() => onDone(`RAG status set to ${RAG_LABELS[rating]}.`)}
    >
      {(errors) => (
        <>
          <Field label="Status" required {...errorProps(errors.rating)}>
            <RadioGroup value={rating} onChange={(_, d) => setRating(d.value as RagRating)} layout="horizontal">
              {RAG_RATINGS.map((r) => (
                <Radio key={r} value={r} label={RAG_LABELS[r]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label="Reason" required {...errorProps(errors.reason)}>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" rows={3} maxLength={1000} />
          </Field>
        </>
      )}
    </CommandDialog>
  );
}
