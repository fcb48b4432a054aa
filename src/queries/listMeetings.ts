import { z } from 'zod';
import type { MeetingStatus } from '../domain/enums';
import type { Meeting } from '../domain/records';
import { type Actor, type MeetingAbilities, authorize, presentMeeting } from '../policies';
import type { Tx } from '../store/port';
import { memberNames } from './actionItems';
import { defineQuery } from '../kernel/query';

export interface MeetingItem {
  id: string;
  version: number;
  title: string;
  startsAt: string;
  status: MeetingStatus;
  chairId: string;
  chairName: string;
  teamsLink?: string;
  papersIssuedAt?: string;
  minutesIssuedAt?: string;
  can: MeetingAbilities;
}

export async function meetingItems(tx: Tx, actor: Actor, meetings: Meeting[]): Promise<MeetingItem[]> {
  const names = await memberNames(tx);
  return meetings.map((m) => ({
    id: m.id,
    version: m.version,
    title: m.title,
    startsAt: m.startsAt,
    status: m.status,
    chairId: m.chairId,
    chairName: names.get(m.chairId) ?? 'Unknown member',
    ...(m.teamsLink ? { teamsLink: m.teamsLink } : {}),
    ...(m.papersIssuedAt ? { papersIssuedAt: m.papersIssuedAt } : {}),
    ...(m.minutesIssuedAt ? { minutesIssuedAt: m.minutesIssuedAt } : {}),
    can: presentMeeting(actor, m),
  }));
}

/** Every panel meeting, earliest first. Dates and status are not personal data: any member may see them. */
export const listMeetings = defineQuery({
  name: 'listMeetings',
  summary: 'Panel meetings, earliest first',
  input: z.object({}),
  async run(ctx, tx): Promise<MeetingItem[]> {
    authorize(ctx.actor, 'read', 'meeting', null);
    const meetings = await tx.find('meetings', { orderBy: { field: 'startsAt', direction: 'asc' } });
    return meetingItems(tx, ctx.actor, meetings);
  },
});
