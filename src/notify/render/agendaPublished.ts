import { agendaPublishedCard } from '../../cards/agendaPublishedCard';
import { meetingUrl } from '../../cards/links';
import { agendaOf } from '../../kernel/meetingWrites';
import { itemSubject, meetingPlaces } from './meetingPlaces';
import { cardActivity, type KindRenderer } from './rendering';

/** The published agenda, rendered from the meeting as it is when sent: references, initials and item kinds only. */
export const renderAgendaPublished: KindRenderer<'agendaPublished'> = async (r, p) => {
  const meeting = await r.tx.get('meetings', p.meetingId);
  if (!meeting) return null;
  const items = await agendaOf(r.tx, meeting.id);
  const lines = [];
  for (const item of items) {
    const c = item.caseId ? await r.tx.get('cases', item.caseId) : undefined;
    lines.push({ order: item.order, kind: item.kind, subject: itemSubject(item, c) });
  }
  const card = agendaPublishedCard({
    title: meeting.title, startsAt: meeting.startsAt, papersIssuedAt: meeting.papersIssuedAt ?? p.papersIssuedAt, items: lines,
    openUrl: meetingUrl(r.publicUrl, meeting.id),
  });
  return meetingPlaces(r.tx, meeting, cardActivity(card, `Agenda published: ${meeting.title}`));
};
