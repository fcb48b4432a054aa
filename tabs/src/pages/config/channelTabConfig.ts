import { meetingHref, registerHref } from '../../routing/useHashRoute';

/** What a channel tab saves: the register, named so, at this server's address. */
export function channelTabSettings(origin: string) {
  const url = `${origin}/${registerHref()}`;
  return { entityId: 'riskpanel-register', contentUrl: url, websiteUrl: url, suggestedDisplayName: 'RiskPanel' };
}

/**
 * Inside Teams' "add a tab" dialog: saving stores the register as the channel tab's content. Nothing needs choosing,
 * so Save is enabled at once.
 */
export async function offerChannelTabSave(origin: string): Promise<void> {
  const { pages } = await import('@microsoft/teams-js');
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config.setConfig(channelTabSettings(origin)).then(
      () => saveEvent.notifySuccess(),
      (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
  pages.config.setValidityState(true);
}

/**
 * What a meeting tab saves: the RiskPanel meeting's side panel (Teams shows the same address on the stage, where the
 * page shows the stage view), named after the meeting, so the Teams meeting and the RiskPanel meeting are linked.
 */
export function meetingTabSettings(origin: string, meetingId: string) {
  return {
    entityId: `riskpanel-meeting-${meetingId}`,
    contentUrl: `${origin}/${meetingHref(meetingId, 'panel')}`,
    websiteUrl: `${origin}/${meetingHref(meetingId)}`,
    suggestedDisplayName: 'RiskPanel',
  };
}

/**
 * Inside a Teams meeting's "add an app" dialog: Save is enabled once a RiskPanel meeting is chosen (`chosen()` is
 * read when Save is pressed, so the latest choice is saved). Returns a function that sets Save's state.
 */
export async function offerMeetingTabSave(origin: string, chosen: () => string | undefined): Promise<(valid: boolean) => void> {
  const { pages } = await import('@microsoft/teams-js');
  pages.config.registerOnSaveHandler((saveEvent) => {
    const meetingId = chosen();
    if (!meetingId) return saveEvent.notifyFailure('Choose the RiskPanel meeting first.');
    pages.config.setConfig(meetingTabSettings(origin, meetingId)).then(
      () => saveEvent.notifySuccess(),
      (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
  pages.config.setValidityState(Boolean(chosen()));
  return (valid) => pages.config.setValidityState(valid);
}
