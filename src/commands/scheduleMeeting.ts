import { ValidationError } from '../domain/errors';
import { quorumRuleProblems } from '../domain/quorum';
import { authorize } from '../policies';
import { scheduleMeetingBodySchema, meetingRecordSchema } from '../contract/meetings';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { requireActiveAgency, requireActiveMember } from '../kernel/guards';

export const scheduleMeeting = defineCommand({
  name: 'scheduleMeeting',
  summary: 'Schedule a panel meeting: date, time, length, chair (and deputy), quorum rule and the Teams meeting it runs in',
  input: scheduleMeetingBodySchema,
  ...{ output: meetingRecordSchema },
  async run(ctx, tx, input) {
    authorize(ctx.actor, 'schedule', 'meeting', null, 'Only coordinators can schedule a panel meeting.');
    const now = ctx.now();
    if (new Date(input.startsAt).getTime() < now.getTime()) {
      throw new ValidationError([{ field: 'startsAt', message: 'must not be in the past' }]);
    }
    const chair = await requireActiveMember(tx, input.chairId, 'chairId');
    if (!chair.roles.includes('chair')) throw new ValidationError([{ field: 'chairId', message: 'must be a member with the chair role' }]);
    if (input.deputyChairId) {
      const deputy = await requireActiveMember(tx, input.deputyChairId, 'deputyChairId');
      if (deputy.id === chair.id) throw new ValidationError([{ field: 'deputyChairId', message: 'must be someone other than the chair' }]);
      if (deputy.roles.every((r) => r === 'viewer' || r === 'auditor')) {
        throw new ValidationError([{ field: 'deputyChairId', message: 'must be a panel member, not a viewer' }]);
      }
    }
    const problems = quorumRuleProblems(input.quorum);
    if (problems.length) throw new ValidationError(problems);
    for (const [i, agencyId] of input.quorum.coreAgencyIds.entries()) await requireActiveAgency(tx, agencyId, `quorum.coreAgencyIds.${i}`);

    const meeting = await tx.insert('meetings', {
      id: ctx.newId(),
      title: input.title,
      startsAt: new Date(input.startsAt).toISOString(),
      lengthMinutes: input.lengthMinutes,
      chairId: chair.id,
      ...(input.deputyChairId ? { deputyChairId: input.deputyChairId } : {}),
      status: 'planned',
      quorum: input.quorum,
      ...(input.teamsLink ? { teamsLink: input.teamsLink } : {}),
      ...(input.teamsMeetingId ? { teamsMeetingId: input.teamsMeetingId } : {}),
    });
    await recordAudit(ctx, tx, {
      action: 'create',
      recordType: 'meeting',
      recordId: meeting.id,
      change: { startsAt: meeting.startsAt, lengthMinutes: meeting.lengthMinutes, chairId: meeting.chairId, deputyChairId: meeting.deputyChairId, status: 'planned' },
    });
    return meeting;
  },
});
