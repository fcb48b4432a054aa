// Links from cards and answers into the RiskPanel tab. Ids are the store's; encoded anyway, so a link can only ever
// point at one record.

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** The case in the tab, behind the same policy check as everything there. */
export const caseUrl = (publicUrl: string, caseId: string): string => `${base(publicUrl)}/#/cases/${encodeURIComponent(caseId)}`;

/** The actions page of the tab. */
export const actionsUrl = (publicUrl: string): string => `${base(publicUrl)}/#/actions`;

/** The static tab the manifest declares (appPackage/manifest.json, entityId "cases"); deep links open it inside Teams. */
export const TAB_ENTITY_ID = 'cases';

/**
 * The referral form. Inside Teams a deep link to the app's own tab keeps people in Teams (the tab reads subEntityId
 * "refer" from its context); without a Teams app id (local mode, the Playground) the plain web address.
 */
export function referUrl(publicUrl: string, teamsAppId?: string): string {
  if (teamsAppId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(teamsAppId)) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: 'refer' }));
    return `https://teams.microsoft.com/l/entity/${teamsAppId}/${TAB_ENTITY_ID}?context=${context}`;
  }
  return `${base(publicUrl)}/#/refer`;
}

/** A panel meeting's page in the tab (agenda, decisions, minutes and their document). */
export const meetingUrl = (publicUrl: string, meetingId: string): string => `${base(publicUrl)}/#/meetings/${encodeURIComponent(meetingId)}`;
