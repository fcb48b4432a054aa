import { z } from 'zod';
import { assessQuorum } from '../domain/quorum';
import { AGENDA_KIND_LABELS } from '../domain/labels';
import { authorize, can } from '../policies';
import type { StageLine, StageView } from '../contract/meetings';
import { load } from '../kernel/loaders';
import { defineQuery } from '../kernel/query';
import { id } from '../kernel/validation';
import { agendaItemsOf, casesOf, clockOf, itemState, sharedLabel } from './meetingView';
import { stageViewSchema } from '../contract/meetings';

/**
 * The meeting stage: one view for the whole room, so it shows only what every participant may see (surface rule 5):
 * reference, initials and kind, "Restricted case" for a restricted one, the time left and the running order. It is
 * the same for every panel member; a board member (viewer), who sees an agenda's kinds only, gets each case item
 * labelled by its kind, so a stage opened outside the room names nobody.
 */
export const getMeetingStage = defineQuery({
  name: 'getMeetingStage',
  summary: 'The shared stage view of a meeting: reference, initials, kind, time left, running order; no names or narrative',
  output: stageViewSchema,
  input: z.object({ meetingId: id }).strict(),
  async run(ctx, tx, input): Promise<StageView> {
    const m = await load(tx, 'meetings', input.meetingId);
    authorize(ctx.actor, 'read', 'meeting', m);
    const now = ctx.now();
    const items = await agendaItemsOf(tx, m.id);
    const cases = await casesOf(tx, items);
    const agendaReader = can(ctx.actor, 'readAgenda', 'meeting', m);
    const labelOf = (i: (typeof items)[number]) =>
      agendaReader || !i.caseId ? sharedLabel(i, i.caseId ? cases.get(i.caseId) : undefined) : AGENDA_KIND_LABELS[i.kind];
    const line = (i: (typeof items)[number]): StageLine => ({
      order: i.order, kind: i.kind, label: labelOf(i),
      minutesAllotted: i.minutesAllotted, state: itemState(m, items, i),
    });
    const runningOrder = items.map(line);
    const current = items.find((i) => i.id === m.currentItemId);
    const clock = clockOf(m, current, now);
    const nextItem = current ? items.find((i) => i.order > current.order) : m.status === 'agenda_published' || m.status === 'planned' ? items[0] : undefined;
    const attendance = await tx.find('attendance', { where: [{ field: 'meetingId', op: 'eq', value: m.id }] });
    const quorum = assessQuorum(m.quorum, attendance, [m.chairId, ...(m.deputyChairId ? [m.deputyChairId] : [])]);
    return {
      id: m.id,
      version: m.version,
      title: m.title,
      status: m.status,
      serverTime: now.toISOString(),
      current: current && clock
        ? { order: current.order, kind: current.kind, label: line(current).label, minutesAllotted: current.minutesAllotted, endsAt: clock.endsAt, secondsLeft: clock.secondsLeft }
        : null,
      next: nextItem ? line(nextItem) : null,
      runningOrder,
      quorate: quorum.quorate,
    };
  },
});
