import { Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { LIVE_CASE_STATUSES } from '../../../../../src/domain/enums';
import { type FullCaseView, paths, savedActionSchema } from '../../../../../src/contract';
import { fetchFullCase } from '../../../api/fetchCase';
import { useApiClient } from '../../../auth/session';
import { ActionTable } from '../../../components/actions/ActionTable';
import { CommandDialog } from '../../../components/CommandDialog';
import { Section, useMutedStyles } from '../../../components/Section';
import { errorProps } from '../../../forms/FormParts';
import type { FieldErrors } from '../../../forms/fieldErrors';
import { daysFromToday, todayIso } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { MemberOptions } from '../../../components/MemberOptions';

const useStyles = makeStyles({
  pair: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    alignItems: 'start',
    // Long option text must not push a select past its column.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
});

/** The case's SMART plan: each action with its owner's updates in the row, and (for the lead agency and the panel) a new action. */
export function ActionsSection({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const muted = useMutedStyles();
  const client = useApiClient();
  const c = detail.case;
  const actions = detail.actions;
  const [added, setAdded] = useState<string>();
  const mayAdd = Boolean(detail.can?.createAction) && LIVE_CASE_STATUSES.includes(c.status);
  const latest = async (id: string) =>
    (await fetchFullCase(client, c.id))?.actions.find((a) => a.id === id);
  return (
    <Section
      title="Actions"
      id="actions-heading"
      tools={
        mayAdd ? (
          <CreateActionDialog
            caseId={c.id}
            onDone={(what) => {
              setAdded(what);
              onChanged();
            }}
          />
        ) : undefined
      }
    >
      <div role="status" aria-live="polite">
        {added && (
          <MessageBar intent="success">
            <MessageBarBody>{added}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {actions.length === 0 ? (
        <p className={muted.muted}>No actions yet.</p>
      ) : (
        <ActionTable label="Actions" actions={actions} onChanged={onChanged} latest={latest} />
      )}
    </Section>
  );
}

function CreateActionDialog({ caseId, onDone }: { caseId: string; onDone: (what: string) => void }) {
  const styles = useStyles();
  const client = useApiClient();
  const directory = useDirectory();
  const fresh = { description: '', successMeasure: '', ownerId: '', dueDate: daysFromToday(28) };
  const [a, setA] = useState(fresh);
  const set = (patch: Partial<typeof fresh>) => setA((previous) => ({ ...previous, ...patch }));
  const owners = directory.members.filter((m) => m.active !== false && (m.roles?.length ? !m.roles.every((r) => r === 'viewer' || r === 'auditor') : true));

  function validate(): FieldErrors {
    const e: FieldErrors = {};
    if (!a.description.trim()) e.description = 'Say what will be done.';
    if (!a.successMeasure.trim()) e.successMeasure = 'Say how everyone will know it is done.';
    if (!a.ownerId) e.ownerId = 'Choose who will do it.';
    if (!a.dueDate) e.dueDate = 'Choose when it is due.';
    else if (a.dueDate < todayIso()) e.dueDate = 'The due date cannot be in the past.';
    return e;
  }

  return (
    <CommandDialog
      trigger="Add an action"
      icon={<AddRegular />}
      title="Add a SMART action"
      submitLabel="Add the action"
      fields={['description', 'successMeasure', 'ownerId', 'dueDate', 'agencyId']}
      onOpen={() => setA(fresh)}
      validate={validate}
      send={() =>
        client.post(
          paths.caseActions(caseId),
          { description: a.description.trim(), successMeasure: a.successMeasure.trim(), ownerId: a.ownerId, dueDate: a.dueDate },
          savedActionSchema,
        )
      }
      onDone={() => onDone(`Action added for ${directory.member(a.ownerId)?.name ?? 'its owner'}, due ${a.dueDate}.`)}
    >
      {(errors) => (
        <>
          <Field label="What will be done" required hint="Specific and achievable: one clear task." {...errorProps(errors.description)}>
            <Textarea value={a.description} onChange={(_, d) => set({ description: d.value })} resize="vertical" rows={3} maxLength={1000} />
          </Field>
          <Field label="How we will know it is done" required {...errorProps(errors.successMeasure)}>
            <Textarea value={a.successMeasure} onChange={(_, d) => set({ successMeasure: d.value })} resize="vertical" rows={2} maxLength={1000} />
          </Field>
          <div className={styles.pair}>
            <Field label="Owner" required hint="Their agency answers for the action." {...errorProps(errors.ownerId ?? errors.agencyId)}>
              <Select value={a.ownerId} onChange={(_, d) => set({ ownerId: d.value })}>
                <option value="">Choose a person</option>
                <MemberOptions members={owners} />
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
