import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import { queueOverdueScan } from '../kernel/overdueScan';
import { can } from '../policies';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { overdueScanReportSchema } from '../contract/operations';

/**
 * The coordinator's "run the overdue scan now" (the tab's button, POST /api/scans/overdue): the same scan the
 * scheduler runs daily (src/kernel/overdueScan.ts), as this coordinator. It only queues cards, each under a key that
 * makes a repeat on the same day a no-op, so pressing twice posts nothing twice. The thresholds are the server's
 * configuration (the route passes them; the request body cannot).
 */
export const runOverdueScan = defineCommand({
  name: 'runOverdueScan',
  summary: 'Run the overdue scan now: queue today\'s overdue digest, reminders and escalations',
  output: overdueScanReportSchema,
  input: z
    .object({
      reminderDaysBefore: z.number().int().min(0).max(60),
      escalationDaysOverdue: z.number().int().min(1).max(365),
    })
    .strict(),
  async run(ctx, tx, input) {
    if (!can(ctx.actor, 'runOverdueScan', 'partnership', null)) throw new ForbiddenError('Only coordinators can run the overdue scan.');
    const report = await queueOverdueScan(tx, ctx.now(), input);
    await recordAudit(ctx, tx, {
      action: 'create',
      recordType: 'overdueScan',
      recordId: report.asOf,
      change: { queued: report.queued, alreadyQueued: report.alreadyQueued, withoutChat: report.withoutChat },
      reason: 'Overdue scan run on demand.',
    });
    return report;
  },
});
