import { queries, runQuery, type AgencyItem } from '../../src/queries';
import { listCard, type ListLine } from '../../src/cards/listCard';
import { days, formatDate } from '../../src/cards/format';
import { actionsUrl } from '../../src/cards/links';
import { type BotDeps, type BotInput, type BotReply, isShared } from '../types';
import { defineBotCommand } from './command';
import { caseLabel, contextFor, SHARED_DETAILS_NOTE } from './chatContext';
import { nearest } from '../../src/queries/fuzzy';

export const NOTHING_OVERDUE = 'Nothing is overdue that you can see.';
export const OVERDUE_NOTE = 'Owners, their agency leads, coordinators and the chair can update them from the overdue digest or in the RiskPanel tab.';

export const overdueCommand = defineBotCommand<{ agency?: string }>({
  name: 'overdue',
  aliases: ['late'],
  usage: 'overdue [agency]',
  example: 'overdue Police',
  summary: 'Overdue actions you may see, longest overdue first; name an agency (its short name) for only its actions.',
  parseArgs(rest) {
    const agency = rest.trim();
    if (!agency) return {};
    return agency.length <= 60 ? { agency } : undefined;
  },
  run: (input, args, deps) => overdueReplies(input, args.agency, deps),
});

/** "No agency called "Polise". Did you mean Police?", or the list of short names to choose from. */
export function unknownAgency(typed: string, agencies: AgencyItem[]): string {
  const names = agencies.filter((a) => a.active).map((a) => a.shortName);
  const guess = nearest(typed, names) ?? nearest(typed, agencies.map((a) => a.name));
  const meant = guess ? agencies.find((a) => a.shortName === guess || a.name === guess)?.shortName : undefined;
  return meant
    ? `There is no agency called that. Did you mean ${meant}? Say: overdue ${meant}`
    : `There is no agency called that. Say overdue and one of: ${names.sort().join(', ')}.`;
}

/**
 * Overdue actions the actor may see (listOverdueActions), grouped by agency. In a personal chat with owners and due
 * dates; in a channel or group chat only references, initials and how overdue.
 */
export async function overdueReplies(input: BotInput, agencyName: string | undefined, deps: BotDeps): Promise<BotReply[]> {
  const ctx = contextFor(input, deps);
  const agencies = await runQuery(queries.listAgencies, ctx, {});
  let agency: AgencyItem | undefined;
  if (agencyName) {
    const wanted = agencyName.toLowerCase();
    agency = agencies.find((a) => a.shortName.toLowerCase() === wanted || a.name.toLowerCase() === wanted);
    if (!agency) return [{ text: unknownAgency(agencyName, agencies) }];
  }
  const items = await runQuery(queries.listOverdueActions, ctx, agency ? { agencyId: agency.id } : {});
  if (!items.length) return [{ text: agency ? `Nothing of ${agency.shortName}'s is overdue that you can see.` : NOTHING_OVERDUE }];

  const shared = isShared(input.conversationType);
  const shortName = new Map(agencies.map((a) => [a.id, a.shortName]));
  const groupNames = [...new Set(items.map((i) => shortName.get(i.agencyId) ?? 'Unknown agency'))].sort((a, b) => a.localeCompare(b));
  const groups = groupNames.map((heading) => ({
    heading,
    lines: items
      .filter((i) => (shortName.get(i.agencyId) ?? 'Unknown agency') === heading)
      .map((i): ListLine =>
        shared
          ? { main: caseLabel(i, shared), detail: `${days(i.daysOverdue)} overdue` }
          : { main: caseLabel(i, shared), detail: `${i.ownerName} \u00b7 due ${formatDate(i.dueDate)} \u00b7 ${days(i.daysOverdue)} overdue` },
      ),
  }));
  return [
    {
      card: listCard({
        title: agency ? `Overdue actions: ${agency.shortName}` : 'Overdue actions',
        intro: `${items.length} overdue action${items.length === 1 ? '' : 's'}`,
        groups,
        note: shared ? SHARED_DETAILS_NOTE : OVERDUE_NOTE,
        links: [{ title: 'Open actions in RiskPanel', url: actionsUrl(deps.config.publicUrl) }],
      }),
    },
  ];
}
