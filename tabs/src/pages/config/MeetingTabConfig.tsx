import { Radio, RadioGroup, Field } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { meetingSummarySchema, paths } from '../../../../src/contract';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { MEETING_STATUS_LABELS } from '../../labels';
import { offerMeetingTabSave } from './channelTabConfig';

const OPEN = new Set(['planned', 'agenda_published', 'in_progress']);
const listSchema = meetingSummarySchema.array();

/**
 * Adding RiskPanel to a Teams meeting: the user (signed in through Teams) chooses which RiskPanel meeting this Teams
 * meeting is; Save stores that meeting's side panel as the tab, which links the two.
 */
export function MeetingTabConfig() {
  const meetings = useApi(paths.meetings(), (c, signal) => c.get(paths.meetings(), listSchema, signal));
  const [chosen, setChosen] = useState<string>();
  const chosenRef = useRef<string>(undefined);
  const [setValid, setSetValid] = useState<(valid: boolean) => void>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    offerMeetingTabSave(window.location.origin, () => chosenRef.current).then(
      (fn) => setSetValid(() => fn),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  const open = (meetings.data ?? []).filter((m) => OPEN.has(m.status));
  return (
    <>
      <PageHeading focusKey="meeting-config">Add RiskPanel to this meeting</PageHeading>
      {meetings.state === 'loading' && <LiveStatus message="Loading the panel meetings…" busy />}
      {meetings.state === 'error' && <ErrorNotice title="The meetings could not be loaded" message={meetings.error.message} onRetry={meetings.reload} />}
      {failure && <ErrorNotice title="The tab could not be set up" message={failure} />}
      {meetings.data && open.length === 0 && <p>No panel meeting is planned. A coordinator schedules one on RiskPanel&apos;s Meetings page first.</p>}
      {open.length > 0 && (
        <Field label="Which panel meeting is this Teams meeting?">
          <RadioGroup
            value={chosen ?? ''}
            onChange={(_, d) => {
              chosenRef.current = d.value;
              setChosen(d.value);
              setValid?.(true);
            }}
          >
            {open.map((m) => (
              <Radio key={m.id} value={m.id} label={`${m.title}, ${formatDateTime(m.startsAt)} (${MEETING_STATUS_LABELS[m.status]})`} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {chosen && <p>Select Save: the meeting&apos;s side panel shows the agenda, and the chair can run the panel from it.</p>}
    </>
  );
}
