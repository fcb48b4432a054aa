import { z } from 'zod';
import type { MeetingStatus } from '../domain/enums';
import type { Meeting } from '../domain/records';
import { type Actor, type MeetingAbilities, authorize, presentMeeting } from '../policies';
import type { Tx } from '../store/port';
import { memberNames } from './actionItems';
import { defineQuery } from '../kernel/query';
import type { MinutesTimeliness } from '../contract/meetings';
import { timelinessOf } from './meetingView';
import { meetingListSchema } from '../contract/meetings';

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
  lengthMinutes?: number;
  endedAt?: string;
  /** Held meetings: working days from the meeting to the minutes against the 3-day standard. */
  minutesTimeliness?: MinutesTimeliness;
  can: MeetingAbilities;
}

export async function meetingItems(tx: Tx, actor: Actor, meetings: Meeting[], now: Date = new Date()): Promise<MeetingItem[]> {
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
    ...(m.lengthMinutes ? { lengthMinutes: m.lengthMinutes } : {}),
    ...(m.endedAt ? { endedAt: m.endedAt, minutesTimeliness: timelinessOf(m, now)! } : {}),
    can: presentMeeting(actor, m),
  }));
}

/** Every panel meeting, earliest first. Dates and status are not personal data: any member may see them. */
export const listMeetings = defineQuery({
  name: 'listMeetings',
  summary: 'Panel meetings, earliest first, with each held meeting\'s minutes timeliness (working days against the 3-day standard)',
  output: meetingListSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<MeetingItem[]> {
    authorize(ctx.actor, 'read', 'meeting', null);
    const meetings = await tx.find('meetings', { orderBy: { field: 'startsAt', direction: 'asc' } });
    return meetingItems(tx, ctx.actor, meetings, ctx.now());
  },
});
