import { ErrorNotice, LiveStatus } from '../../components/Status';
import type { CommandFeedback } from './useMeetingCommand';

/** The last command's outcome: busy and done politely (status), a refusal at once (alert). */
export function CommandStatus({ feedback }: { feedback: CommandFeedback }) {
  return (
    <>
      <LiveStatus message={feedback.busy ?? feedback.done ?? ''} busy={Boolean(feedback.busy)} />
      {feedback.failure && <ErrorNotice title={feedback.failure.title} message={feedback.failure.message} />}
    </>
  );
}
