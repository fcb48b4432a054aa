import { registerHref } from '../../routing/useHashRoute';

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
