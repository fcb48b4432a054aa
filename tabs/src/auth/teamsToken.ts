/** The tab's SSO token for our own API; teams-js caches it and renews it when it nears expiry. */
export async function teamsToken(): Promise<string> {
  const { authentication } = await import('@microsoft/teams-js');
  return authentication.getAuthToken();
}
