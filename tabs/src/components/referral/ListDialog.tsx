import { Field, Select } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { paths, savedCaseSchema } from '../../../../src/contract';
import { useApiClient } from '../../auth/session';
import { errorProps } from '../../forms/FormParts';
import { formatDateTime } from '../../format';
import { CommandDialog } from '../CommandDialog';
import { type ReferralActionsProps, upcomingMeetings, withVersion } from './referralDialogs';

/** Put the referral on a planned panel's agenda (or list it to be scheduled). */
export function ListDialog({ caseId, reference, baseline, meetings, listedMeetingId, onChanged }: ReferralActionsProps) {
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
      send={(version) => client.post(paths.caseListing(caseId), withVersion(meetingId ? { meetingId } : {}, version), savedCaseSchema)}
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
