import { Button, Link } from '@fluentui/react-components';
import { ShareScreenStartRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { meetingHref } from '../../routing/useHashRoute';
import { useHost } from '../../theme/HostThemeProvider';
import { shareToStage } from './teamsMeeting';

/**
 * Puts the stage view on the meeting stage for the room. Inside Teams it asks Teams to share; a failure or no answer
 * is said plainly and nothing else depends on it. In a plain browser (local mode) it opens the stage in a window.
 */
export function ShareToStage({ meetingId }: { meetingId: string }) {
  const { host } = useHost();
  const [state, setState] = useState<{ busy?: boolean; done?: string; failure?: string }>({});
  const stageUrl = `${window.location.origin}${window.location.pathname}${meetingHref(meetingId, 'stage')}`;
  if (host !== 'teams') {
    return (
      <Link href={meetingHref(meetingId, 'stage')} target="_blank" rel="noopener">
        Open the stage view in a new window
      </Link>
    );
  }
  return (
    <>
      <Button
        icon={<ShareScreenStartRegular />}
        disabledFocusable={state.busy}
        onClick={() => {
          setState({ busy: true });
          void shareToStage(stageUrl).then((outcome) => setState(outcome.ok ? { done: 'The stage view is shared.' } : { failure: outcome.message }));
        }}
      >
        Share to stage
      </Button>
      <LiveStatus message={state.busy ? 'Asking Teams to share the stage…' : (state.done ?? '')} busy={state.busy} />
      {state.failure && <ErrorNotice intent="warning" title="The stage was not shared" message={state.failure} />}
    </>
  );
}
