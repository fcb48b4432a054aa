import { type ReactNode, useMemo } from 'react';
import { useApiClient } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { useLiveMeeting } from '../../live/useLiveMeeting';
import { meetingCommands } from './meetingApi';
import { useMeetingCommand } from './useMeetingCommand';

/** What every personal meeting surface starts from: the live view, the meeting's commands and one command runner. */
export function useMeetingSession(id: string) {
  const client = useApiClient();
  const live = useLiveMeeting(id);
  const commands = useMemo(() => meetingCommands(client, id), [client, id]);
  const command = useMeetingCommand(live.accept);
  return { live, commands, command, meeting: live.data };
}

/** Shown until the meeting's first snapshot arrives, or why it could not be opened. */
export function MeetingOpening({ error, focusKey, className, children }: { error?: Error | null; focusKey: string; className: string; children?: ReactNode }) {
  return (
    <div className={className}>
      <PageHeading focusKey={focusKey}>Meeting</PageHeading>
      {error ? <ErrorNotice title="The meeting could not be opened" message={error.message} /> : <LiveStatus message="Opening the meeting…" busy />}
      {children}
    </div>
  );
}
