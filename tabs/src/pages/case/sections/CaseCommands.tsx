import { Button, Field, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular, LockClosedRegular, SignOutRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { CLOSURE_REASONS, type ClosureReason } from '../../../../../src/domain/enums';
import { type FullCaseView, savedCaseSchema, meetingListSchema, paths } from '../../../../../src/contract';
import { useApiClient } from '../../../auth/session';
import { CommandDialog } from '../../../components/CommandDialog';
import { ReferralActions } from '../../../components/referral/ReferralActions';
import { errorProps } from '../../../forms/FormParts';
import type { FieldErrors } from '../../../forms/fieldErrors';
import { useApi } from '../../../hooks/useApi';
import { formatDay } from '../../../format';
import { CLOSURE_REASON_LABELS } from '../../../labels';
import { referHref } from '../../../routing/useHashRoute';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  root: { display: 'grid', gap: tokens.spacingVerticalS },
});

/** The case's next steps as buttons, each only where the server's `can` for this case allows it (policy and state). */
export function CaseCommands({ detail, onChanged }: { detail: FullCaseView; onChanged: () => void }) {
  const styles = useStyles();
  const c = detail.case;
  const { can } = detail;
  const [done, setDone] = useState<string>();
  const screening = can.requestInfo || can.list || can.screen || can.withdraw;
  const meetings = useApi(screening ? 'meetings' : 'no-meetings', (client, signal) =>
    screening ? client.get(paths.meetings(), meetingListSchema, signal) : Promise.resolve([]),
  );
  const changed = (what: string) => {
    setDone(what);
    onChanged();
  };
  const draft = can.submit;
  const closable = can.close;
  const proposal = c.closureProposal;
  if (!draft && !screening && !closable && !can.proposeClosure && !proposal && !done) return null;
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        {draft && (
          <Button as="a" href={referHref(c.id)} appearance="primary" icon={<EditRegular />}>
            Continue this draft
          </Button>
        )}
        {screening && (
          <ReferralActions
            caseId={c.id}
            reference={c.ref}
            referrerAgencyId={c.referrerAgencyId}
            abilities={can}
            meetings={meetings.data ?? []}
            baseline={detail}
            onChanged={changed}
          />
        )}
        {can.proposeClosure && <ProposeClosureDialog detail={detail} onChanged={changed} />}
        {closable && <CloseCaseDialog detail={detail} onChanged={changed} />}
      </div>
      {proposal && c.status !== 'closed' && (
        <MessageBar intent="info">
          <MessageBarBody>
            Closing this case was proposed on <time dateTime={proposal.proposedAt}>{formatDay(proposal.proposedAt)}</time>: the panel decides at
            its next meeting.
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}

function CloseCaseDialog({ detail, onChanged }: { detail: FullCaseView; onChanged: (what: string) => void }) {
  const client = useApiClient();
  const c = detail.case;
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const [rationale, setRationale] = useState('');
  return (
    <CommandDialog
      trigger="Close the case"
      icon={<LockClosedRegular />}
      title={`Close ${c.ref}`}
      submitLabel="Close the case"
      fields={['reason', 'rationale']}
      baseline={detail}
      onOpen={() => {
        setReason('');
        setRationale('');
      }}
      validate={(): FieldErrors => ({
        ...(reason ? {} : { reason: 'Choose why the case is closing.' }),
        ...(rationale.trim() ? {} : { rationale: 'Every decision needs its rationale.' }),
      })}
      send={(version) =>
        client.post(paths.caseClosure(c.id), { reason, rationale: rationale.trim(), ...(version ? { expectedVersion: version } : {}) }, savedCaseSchema)
      }
      onDone={() => onChanged(`${c.ref} closed.`)}
    >
      {(errors) => (
        <>
          <Field label="Reason for closing" required {...errorProps(errors.reason)}>
            <Select value={reason} onChange={(_, d) => setReason(d.value as ClosureReason)}>
              <option value="">Choose a reason</option>
              {CLOSURE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {CLOSURE_REASON_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Rationale" required hint="Recorded in the decision log." {...errorProps(errors.rationale)}>
            <Textarea value={rationale} onChange={(_, d) => setRationale(d.value)} resize="vertical" rows={4} maxLength={4000} />
          </Field>
        </>
      )}
    </CommandDialog>
  );
}

/** The lead asks the panel to close the case: it goes on the next agenda as a closure proposal. */
function ProposeClosureDialog({ detail, onChanged }: { detail: FullCaseView; onChanged: (what: string) => void }) {
  const client = useApiClient();
  const c = detail.case;
  const [rationale, setRationale] = useState('');
  return (
    <CommandDialog
      trigger="Propose closure"
      icon={<SignOutRegular />}
      title={`Propose closing ${c.ref}`}
      submitLabel="Propose closure"
      fields={['rationale']}
      baseline={detail}
      onOpen={() => setRationale('')}
      validate={(): FieldErrors => (rationale.trim() ? {} : { rationale: 'Say why the risk is managed well enough to close.' })}
      send={(version) =>
        client.post(paths.caseClosureProposal(c.id), { rationale: rationale.trim(), expectedVersion: version ?? c.version }, savedCaseSchema)
      }
      onDone={() => onChanged(`Closing ${c.ref} is proposed: it is on the next panel's agenda.`)}
    >
      {(errors) => (
        <Field label="Why the case can close" required hint="The panel reads this with the case when it decides." {...errorProps(errors.rationale)}>
          <Textarea value={rationale} onChange={(_, d) => setRationale(d.value)} resize="vertical" rows={4} maxLength={4000} />
        </Field>
      )}
    </CommandDialog>
  );
}
