import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { Shell } from '../../components/Shell';
import { ErrorNotice } from '../../components/Status';
import { registerHref } from '../../routing/useHashRoute';
import { useHost } from '../../theme/HostThemeProvider';
import { offerChannelTabSave } from './channelTabConfig';

/**
 * The channel tab's configuration page (the manifest's configurationUrl). Shown without sign-in: Teams opens it
 * while the tab is being added, before anything else of RiskPanel has run.
 */
export default function ConfigPage() {
  const { host } = useHost();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (host !== 'teams') return;
    offerChannelTabSave(window.location.origin).catch((error: unknown) =>
      setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [host]);

  return (
    <Shell>
      <PageHeading focusKey="config">Add RiskPanel to this channel</PageHeading>
      {host === 'detecting' && (
        <div role="status" aria-live="polite">
          <Spinner label="Connecting to Teams…" />
        </div>
      )}
      {host === 'teams' && !failure && <p>Select Save to add the RiskPanel case register as a tab in this channel.</p>}
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
