import { z } from 'zod';
import type { AgendaItemKind, MeetingStatus } from '../domain/enums';
import { authorize, can } from '../policies';
import { todayOf } from './actionItems';
import { caseAccess } from '../kernel/caseAccess';
import { type MeetingItem, meetingItems } from './listMeetings';
import { defineQuery } from '../kernel/query';
import { nextMeetingSchema } from '../contract/meetings';

/**
 * An agenda line (surface rule 5). Panel members (partner, chair, coordinator) see its kind and the case by reference
 * and initials; a restricted case they may not read shows as restricted, without either. Viewers see the kinds only.
 */
export interface AgendaLine {
  id: string;
  order: number;
  kind: AgendaItemKind;
  minutesAllotted: number;
  presentingAgencyId?: string;
  caseId?: string;
  caseRef?: string;
  caseInitials?: string;
  /** A restricted case the actor may not see: the line is shown, the case is not. */
  restricted?: true;
  /** A restricted case the actor may see: shared surfaces still hide its reference and initials. */
  caseRestricted?: true;
  /** Whether the actor may open the case the line is about (false for a line about no case). */
  canOpen: boolean;
}

export type NextMeetingView = (MeetingItem & { agenda: AgendaLine[] }) | null;

const UPCOMING: readonly MeetingStatus[] = ['planned', 'agenda_published'];

/**
 * The next panel that has not started (planned or agenda published, today or later), with its agenda in order.
 * A restricted case shows its reference only to those who may read it.
 */
export const nextMeeting = defineQuery({
  name: 'nextMeeting',
  summary: 'The next panel meeting and its agenda (references and initials only)',
  output: nextMeetingSchema,
  input: z.object({}),
  async run(ctx, tx): Promise<NextMeetingView> {
    authorize(ctx.actor, 'read', 'meeting', null);
    const agendaReader = can(ctx.actor, 'readAgenda', 'meeting', null);
    const fromToday = await tx.find('meetings', {
      where: [{ field: 'startsAt', op: 'ge', value: todayOf(ctx.now()) }],
      orderBy: { field: 'startsAt', direction: 'asc' },
    });
    const meeting = fromToday.find((m) => UPCOMING.includes(m.status));
    if (!meeting) return null;
    const [item] = await meetingItems(tx, ctx.actor, [meeting]);
    const items = await tx.find('agendaItems', { where: [{ field: 'meetingId', op: 'eq', value: meeting.id }] });
    const agenda: AgendaLine[] = [];
    for (const a of items.sort((x, y) => x.order - y.order)) {
      const c = a.caseId ? await tx.get('cases', a.caseId) : undefined;
      const line: AgendaLine = { id: a.id, order: a.order, kind: a.kind, minutesAllotted: a.minutesAllotted, canOpen: false };
      // Viewers (the board) see the meeting's shape: the kinds of its items, nothing about whom they concern.
      if (!agendaReader) {
        agenda.push(line);
        continue;
      }
      if (a.presentingAgencyId) line.presentingAgencyId = a.presentingAgencyId;
      const access = c ? caseAccess(ctx.actor, c) : null;
      line.canOpen = access !== null;
      if (c && c.restricted && !access) line.restricted = true;
      else if (c) Object.assign(line, { caseId: c.id, caseRef: c.ref, caseInitials: c.initials, ...(c.restricted ? { caseRestricted: true } : {}) });
      agenda.push(line);
    }
    return { ...item!, agenda };
  },
});
