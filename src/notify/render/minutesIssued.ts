import { meetingUrl } from '../../cards/links';
import { minutesIssuedCard } from '../../cards/minutesIssuedCard';
import { minutesViewOf } from '../../kernel/minutesView';
import { minutesTimeliness, MINUTES_STANDARD_WORKING_DAYS } from '../../domain/workingDays';
import { meetingPlaces } from './meetingPlaces';
import { cardActivity, type KindRenderer } from './rendering';

/**
 * The issued minutes: each decision by reference, initials and outcome, the count of new actions, the working days
 * against the standard, and the link to the document. The link is SharePoint's in production; locally the document
 * is served by the API behind sign-in, so the card links to the meeting page, which downloads it.
 */
export const renderMinutesIssued: KindRenderer<'minutesIssued'> = async (r, p) => {
  const meeting = await r.tx.get('meetings', p.meetingId);
  if (!meeting) return null;
  const view = await minutesViewOf(r.tx, meeting, r.now);
  const openUrl = meetingUrl(r.publicUrl, meeting.id);
  const issuedAt = meeting.minutesIssuedAt ?? p.minutesIssuedAt;
  const timeliness = minutesTimeliness(new Date(meeting.endedAt ?? meeting.startsAt), new Date(issuedAt));
  const card = minutesIssuedCard({
    title: meeting.title,
    startsAt: meeting.startsAt,
    issuedAt,
    decisions: view.items.flatMap((i) => i.decisions.map((d) => ({ subject: i.label, outcome: d.outcome }))),
    newActions: view.items.reduce((n, i) => n + i.actions.filter((a) => a.change === 'new').length, 0),
    workingDays: timeliness.workingDays,
    standardWorkingDays: MINUTES_STANDARD_WORKING_DAYS,
    withinStandard: timeliness.met,
    documentUrl: meeting.minutesDocumentUrl && /^https:\/\//i.test(meeting.minutesDocumentUrl) ? meeting.minutesDocumentUrl : openUrl,
    openUrl,
  });
  return meetingPlaces(r.tx, meeting, cardActivity(card, `Minutes issued: ${meeting.title}`));
};
