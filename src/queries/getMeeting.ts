import { z } from 'zod';
import { authorize } from '../policies';
import type { MeetingView } from '../contract/meetings';
import { load } from '../kernel/loaders';
import { defineQuery } from '../kernel/query';
import { id } from '../kernel/validation';
import { meetingViewFor } from './meetingView';
import { meetingViewSchema } from '../contract/meetings';

/** One person's view of a meeting: the side panel and the meeting page (personal surface). */
export const getMeeting = defineQuery({
  name: 'getMeeting',
  summary: 'A panel meeting as the caller may see it: state, current item, running agenda, attendance, quorum, decisions',
  output: meetingViewSchema,
  input: z.object({ meetingId: id }).strict(),
  async run(ctx, tx, input): Promise<MeetingView> {
    const meeting = await load(tx, 'meetings', input.meetingId);
    authorize(ctx.actor, 'read', 'meeting', meeting);
    return meetingViewFor(tx, ctx.actor, meeting, ctx.now());
  },
});
