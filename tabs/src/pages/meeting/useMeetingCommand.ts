import { useCallback, useRef, useState } from 'react';
import type { MeetingView } from '../../../../src/contract';
import { ApiError, messageOf } from '../../api/client';

export interface CommandFeedback {
  /** What is being done now ("Moving to item 4…"), for the busy buttons and the status line. */
  busy?: string;
  failure?: { title: string; message: string };
  /** What was done last, said politely in a status line. */
  done?: string;
}

/** Refusals a person can act on, in their words. */
export function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 409 && error.isConflict) {
    return 'The meeting changed while you were looking at it (someone else acted first). The page now shows the latest: check it and try again.';
  }
  return messageOf(error);
}

/**
 * Runs one meeting command at a time and shows its view at once (`accept`); a refusal keeps the page as it was and
 * says why. Used by every button on the side panel and the meeting page.
 */
export function useMeetingCommand(accept: (view: MeetingView) => void) {
  const [feedback, setFeedback] = useState<CommandFeedback>({});
  const running = useRef(false);
  const run = useCallback(
    async (doing: string, work: () => Promise<MeetingView>, done: string, failureTitle = 'That did not work'): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setFeedback({ busy: doing });
      try {
        accept(await work());
        setFeedback({ done });
        return true;
      } catch (error) {
        setFeedback({ failure: { title: failureTitle, message: explain(error) } });
        return false;
      } finally {
        running.current = false;
      }
    },
    [accept],
  );
  const clear = useCallback(() => setFeedback({}), []);
  return { ...feedback, run, clear };
}
