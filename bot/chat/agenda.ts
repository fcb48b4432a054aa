import { queries, runQuery } from '../../src/queries';
import { listCard, type ListLine } from '../../src/cards/listCard';
import { formatDateTime } from '../../src/cards/format';
import { AGENDA_KIND_LABELS, MEETING_STATUS_LABELS } from '../../src/domain/labels';
import { type BotDeps, type BotInput, type BotReply, isShared } from '../types';
import { defineBotCommand } from './command';
import { caseLabel, contextFor, SHARED_DETAILS_NOTE } from './chatContext';
import { meetingAgendaReplies } from '../meeting/meetingAgenda';

export const NO_MEETING = 'No panel meeting is planned yet. The coordinator sets meetings up in the RiskPanel tab.';
export const AGENDA_NOTE = 'Papers and case details are in the RiskPanel tab.';

export const agendaCommand = defineBotCommand<Record<string, never>>({
  name: 'agenda',
  aliases: ['next panel', 'panel', 'next meeting'],
  usage: 'agenda',
  example: 'agenda',
  summary: 'The next panel meeting and its agenda (in a meeting\'s chat: that meeting\'s running order).',
  parseArgs: (rest) => (rest.trim() === '' ? {} : undefined),
  run: (input, _args, deps) => agendaReplies(input, deps),
});

/** A meeting link is shown only when it is a Teams https link, never whatever text the field holds. */
const isTeamsLink = (url: string | undefined): url is string => Boolean(url && /^https:\/\/teams\.microsoft\.com\//.test(url));

/**
 * In a Teams meeting's chat, that meeting's running order (bot/meeting/meetingAgenda.ts); anywhere else the next panel
 * (queries.nextMeeting): when, and each agenda item by reference and initials.
 */
export async function agendaReplies(input: BotInput, deps: BotDeps): Promise<BotReply[]> {
  if (input.meeting) return meetingAgendaReplies(input, input.meeting, deps);
  const ctx = contextFor(input, deps);
  const meeting = await runQuery(queries.nextMeeting, ctx, {});
  if (!meeting) return [{ text: NO_MEETING }];
  const shared = isShared(input.conversationType);
  const agencies = shared ? [] : await runQuery(queries.listAgencies, ctx, {});
  const lines: ListLine[] = meeting.agenda.map((line) => {
    const what = line.restricted ? 'Restricted case' : line.caseId ? caseLabel(line, shared) : '';
    const presenting = agencies.find((a) => a.id === line.presentingAgencyId)?.shortName;
    return {
      main: `${line.order}. ${AGENDA_KIND_LABELS[line.kind]}`,
      detail: shared ? what : [what, `${line.minutesAllotted} min`, presenting ? `presented by ${presenting}` : ''].filter(Boolean).join(' \u00b7 '),
    };
  });
  const when = formatDateTime(meeting.startsAt);
  return [
    {
      card: listCard({
        title: 'Next panel',
        intro: [
          ...(shared ? [when] : [meeting.title, when, MEETING_STATUS_LABELS[meeting.status], `chaired by ${meeting.chairName}`]),
          ...(lines.length ? [] : ['no items on the agenda yet']),
        ].join(' \u00b7 '),
        groups: [{ heading: '', lines }],
        note: shared ? SHARED_DETAILS_NOTE : AGENDA_NOTE,
        links: [
          { title: 'Open meetings in RiskPanel', url: `${deps.config.publicUrl.replace(/\/+$/, '')}/#/meetings` },
          ...(!shared && isTeamsLink(meeting.teamsLink) ? [{ title: 'Join the meeting', url: meeting.teamsLink }] : []),
        ],
      }),
    },
  ];
}
