import { formatDateTime } from '../../src/cards/format';
import { listCard, type ListLine } from '../../src/cards/listCard';
import { AGENDA_KIND_LABELS, MEETING_STATUS_LABELS } from '../../src/domain/labels';
import { queries, runQuery } from '../../src/queries';
import { SHARED_DETAILS_NOTE } from '../chat/chatContext';
import type { BotDeps, BotInput, BotReply, MeetingChat } from '../types';
import { chairCheck, teamsRoleOf } from './chairCheck';

export const MEETING_NOT_LINKED =
  'This Teams meeting is not linked to a panel meeting in RiskPanel. Add RiskPanel to the meeting and choose the panel ' +
  'meeting on its set-up page, or ask me "agenda" in a personal chat for the next panel.';

const STATE_WORDS = { current: 'now', done: 'done', upcoming: '' } as const;

/**
 * `agenda` in a Teams meeting's chat: the running order of the panel that meeting runs, as the stage shows it to the
 * room (getMeetingStage: reference and initials, "Restricted case", kinds; never a name), because everyone in the
 * meeting sees the answer. When the one asking chairs the panel, Teams is asked for their role in the meeting: a chair
 * Teams has as an attendee is told plainly what that means (the app's rule still makes them the chair).
 */
export async function meetingAgendaReplies(input: BotInput, meeting: MeetingChat, deps: BotDeps): Promise<BotReply[]> {
  const ctx = deps.contextFor(input.actor);
  const match = meeting.names.length ? await runQuery(queries.findTeamsMeeting, ctx, { names: meeting.names, purpose: 'agenda' }) : null;
  if (!match) return [{ text: MEETING_NOT_LINKED }];
  const stage = await runQuery(queries.getMeetingStage, ctx, { meetingId: match.id });
  const lines: ListLine[] = stage.runningOrder.map((line) => {
    const kind = AGENDA_KIND_LABELS[line.kind];
    return {
      main: `${line.order}. ${kind}`,
      detail: [line.label === kind ? '' : line.label, `${line.minutesAllotted} min`, STATE_WORDS[line.state]].filter(Boolean).join(' \u00b7 '),
    };
  });
  const replies: BotReply[] = [
    {
      card: listCard({
        title: 'This panel\u2019s agenda',
        intro: [
          formatDateTime(match.startsAt),
          MEETING_STATUS_LABELS[stage.status],
          ...(stage.current ? [`now on item ${stage.current.order} of ${stage.runningOrder.length}`] : []),
          ...(lines.length ? [] : ['no items on the agenda yet']),
        ].join(' \u00b7 '),
        groups: [{ heading: '', lines }],
        note: SHARED_DETAILS_NOTE,
        links: [{ title: 'Open the meeting in RiskPanel', url: `${deps.config.publicUrl.replace(/\/+$/, '')}/#/meetings/${encodeURIComponent(match.id)}` }],
      }),
    },
  ];
  if (match.drives && meeting.teamsMeetingId) {
    const role = await teamsRoleOf(meeting.participants, {
      teamsMeetingId: meeting.teamsMeetingId,
      aadObjectId: meeting.aadObjectId,
      ...(meeting.tenantId ? { tenantId: meeting.tenantId } : {}),
    });
    const { notice } = chairCheck(true, role);
    if (notice) replies.push({ text: notice });
  }
  return replies;
}
