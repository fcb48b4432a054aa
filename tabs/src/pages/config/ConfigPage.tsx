import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { SignInGate } from '../../auth/SignInGate';
import { DirectoryProvider } from '../../hooks/useDirectory';
import { PageHeading } from '../../components/PageHeading';
import { Shell } from '../../components/Shell';
import { ErrorNotice } from '../../components/Status';
import { registerHref } from '../../routing/useHashRoute';
import { useHost } from '../../theme/HostThemeProvider';
import { mayBeInTeams } from '../../theme/teamsHost';
import { meetingFrame } from '../meeting/teamsMeeting';
import { offerChannelTabSave } from './channelTabConfig';
import { MeetingTabConfig } from './MeetingTabConfig';

/**
 * The tab's configuration page (the manifest's configurationUrl). In a channel it is shown without sign-in: Teams
 * opens it while the tab is being added, before anything else of RiskPanel has run. In a Teams meeting it signs in
 * (silently, through Teams) and links the meeting to a RiskPanel meeting.
 */
export default function ConfigPage() {
  const { host } = useHost();
  const [failure, setFailure] = useState<string>();
  // Whether Teams opened the page in a meeting (undefined while asking; teams-js calls time out, so never for ever).
  // Outside a frame there is no meeting to ask about.
  const [inMeeting, setInMeeting] = useState<boolean | undefined>(() => (mayBeInTeams() ? undefined : false));

  useEffect(() => {
    if (host !== 'teams') return;
    let live = true;
    void meetingFrame().then((frame) => {
      if (!live) return;
      const meeting = Boolean(frame?.meetingId);
      setInMeeting(meeting);
      if (!meeting) {
        offerChannelTabSave(window.location.origin).catch((error: unknown) =>
          setFailure(error instanceof Error ? error.message : String(error)),
        );
      }
    });
    return () => {
      live = false;
    };
  }, [host]);

  if (host === 'teams' && inMeeting) {
    return (
      <SignInGate>
        <DirectoryProvider>
          <Shell>
            <MeetingTabConfig />
          </Shell>
        </DirectoryProvider>
      </SignInGate>
    );
  }

  return (
    <Shell>
      <PageHeading focusKey="config">Add RiskPanel to this channel</PageHeading>
      {(host === 'detecting' || (host === 'teams' && inMeeting === undefined)) && (
        <div role="status" aria-live="polite">
          <Spinner label="Connecting to Teams…" />
        </div>
      )}
      {host === 'teams' && inMeeting === false && !failure && <p>Select Save to add the RiskPanel case register as a tab in this channel.</p>}
      {failure && <ErrorNotice title="The tab could not be set up" message={failure} />}
      {host === 'browser' && (
        <p>
          This page is used by Microsoft Teams when RiskPanel is added to a channel; to work with cases, open the{' '}
          <a href={registerHref()}>case register</a>.
        </p>
      )}
    </Shell>
  );
}
