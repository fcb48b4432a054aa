import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { defineQuery } from '../kernel/query';
import { plainText } from '../kernel/validation';
import { EXPORT_FORMATS, indicatorExportSchema } from '../contract/reports';
import { type BoardLog, boardLog } from '../domain/indicators/boardLog';
import { londonDate } from '../domain/time';
import { openActions } from '../kernel/overdueScan';
import { indicatorsInput } from './getIndicators';
import { type IndicatorsView, indicatorsWithData, reportRecordId } from './indicators/indicatorsView';

/**
 * The indicators for an export (the host renders the workbook or CSV), with the board's two registers: the decision
 * log of the period and the actions open now by agency (references and counts only). Every export is audited as an export, with
 * the reason the member gave and the format: a file leaves the system, so the audit trail says why.
 */
export const exportIndicators = defineQuery({
  name: 'exportIndicators',
  summary: "Export the board's indicators for a period as an Excel workbook or CSV, with the reason for the export",
  output: indicatorExportSchema,
  input: indicatorsInput.extend({
    format: z.enum(EXPORT_FORMATS),
    reason: plainText().min(3, 'say why you are exporting (at least 3 characters)').max(300, 'must be at most 300 characters'),
  }).strict(),
  async run(ctx, tx, input): Promise<IndicatorsView & { boardLog: BoardLog }> {
    const { view, data, scope } = await indicatorsWithData(ctx, tx, input);
    // Two open-ended due-date ranges, which the SharePoint store can read window by window under the threshold.
    const today = londonDate(scope.now);
    const open = (await Promise.all([
      openActions(tx, [{ field: 'dueDate', op: 'lt', value: today }]),
      openActions(tx, [{ field: 'dueDate', op: 'ge', value: today }]),
    ])).flat();
    await recordAudit(ctx, tx, {
      action: 'export', recordType: 'indicators', recordId: reportRecordId(input), reason: input.reason, change: { format: input.format },
    });
    return { ...view, boardLog: boardLog({ cases: data.cases, decisions: data.decisions, openActions: open }, scope) };
  },
});
