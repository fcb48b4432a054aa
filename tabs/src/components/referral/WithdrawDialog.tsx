import { Field, Textarea } from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { paths, savedCaseSchema } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { CommandDialog } from '../CommandDialog';
import { type ReferralActionsProps, withVersion } from './referralDialogs';

/** Withdraw the referral, with the reason kept in the audit trail. */
export function WithdrawDialog({ caseId, reference, baseline, onChanged }: ReferralActionsProps) {
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
      send={(version) => client.post(paths.caseWithdrawal(caseId), withVersion({ reason: reason.trim() }, version), savedCaseSchema)}
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
