import { z } from 'zod';
import { MEETING_STATUSES } from '../domain/enums';
import { type LinkedMeeting, pickLinkedMeeting, teamsMeetingKeys } from '../domain/teamsMeetingLink';
import { authorize, can } from '../policies';
import { defineQuery } from '../kernel/query';
import { isSystemActor } from '../kernel/systemActor';

const name = z.string().trim().min(1).max(2000);

/** The meeting's id and state only: dates and status are not personal data (meeting policy), so nothing is audited. */
export const teamsMeetingMatchSchema = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string(),
  /** Whether the one asking drives it (the stored chair or deputy, by the policies); never RiskPanel itself. */
  drives: z.boolean(),
}).nullable();
export type TeamsMeetingMatch = z.infer<typeof teamsMeetingMatchSchema>;

/**
 * Which RiskPanel meeting a Teams meeting is, from the names Teams gives it in an activity (the chat's conversation id,
 * the meeting id, the join link), matched against each meeting's stored join link, Teams meeting id and chat id; when
 * several RiskPanel meetings share one Teams meeting (a recurring series), the purpose decides (domain rule).
 * RiskPanel itself asks when Teams reports a start or an end; members ask for the agenda.
 */
export const findTeamsMeeting = defineQuery({
  name: 'findTeamsMeeting',
  summary: 'The RiskPanel meeting a Teams meeting runs (id, state and start only)',
  output: teamsMeetingMatchSchema,
  input: z.object({ names: z.array(name).min(1).max(5), purpose: z.enum(['start', 'end', 'agenda']) }).strict(),
  async run(ctx, tx, input): Promise<TeamsMeetingMatch> {
    if (!isSystemActor(ctx.actor)) authorize(ctx.actor, 'read', 'meeting', null);
    const wanted = new Set(teamsMeetingKeys(input.names));
    if (wanted.size === 0) return null;
    // Meetings whose minutes are issued are done with: a late event or question about them finds nothing to do.
    const open = await tx.find('meetings', { where: [{ field: 'status', op: 'in', value: ['planned', 'agenda_published', 'in_progress', 'held'] }] });
    const linked = open.filter((m) => teamsMeetingKeys([m.teamsLink, m.teamsMeetingId, m.chatConversationId]).some((k) => wanted.has(k)));
    const picked: LinkedMeeting | undefined = pickLinkedMeeting(linked, input.purpose, ctx.now());
    const m = picked && linked.find((l) => l.id === picked.id);
    if (!m) return null;
    const drives = !isSystemActor(ctx.actor) && can(ctx.actor, 'drive', 'meeting', m);
    return { id: m.id, version: m.version, status: m.status, startsAt: m.startsAt, drives };
  },
});
