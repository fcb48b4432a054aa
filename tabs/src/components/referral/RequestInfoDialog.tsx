import { Field, Textarea } from '@fluentui/react-components';
import { ChatHelpRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { paths, savedCaseSchema } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { errorProps } from '../../forms/FormParts';
import type { FieldErrors } from '../../forms/fieldErrors';
import { CommandDialog } from '../CommandDialog';
import { type ReferralActionsProps, withVersion } from './referralDialogs';

/** Ask the referrer for more before the panel screens the referral. */
export function RequestInfoDialog({ caseId, reference, baseline, onChanged }: ReferralActionsProps) {
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
      send={(version) => client.post(paths.caseInformationRequests(caseId), withVersion({ question: question.trim() }, version), savedCaseSchema)}
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
