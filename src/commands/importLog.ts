import { type ImportResult, importRequestSchema, importResultSchema } from '../contract/imports';
import { formatRef } from '../domain/rules';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { planImportRequest } from '../kernel/import/planImport';

/**
 * Imports a past log of referrals, cases and actions in one unit of work: every row the preview would create is
 * created (a case with the partnership's next reference for its year), every other row is left alone and reported.
 * Importing the same rows again creates nothing (a log reference always becomes the same case, an action its case,
 * wording and due date). `rows` imports part of the file, judged as the whole; a part's actions whose case is in a
 * part not yet imported are refused until it is. Each record is audited as imported, with the file's name, its hash
 * and the row. No card is sent: these are history, not new referrals or newly assigned actions.
 */
export const importLog = defineCommand({
  name: 'importLog',
  summary: 'Import a past log of referrals, cases and actions (Excel or CSV); rows already imported or refused are reported, not written',
  input: importRequestSchema,
  output: importResultSchema,
  async run(ctx, tx, input): Promise<ImportResult> {
    const { file, planned } = await planImportRequest(ctx, tx, input);
    const imported = (row: number) => ({ imported: true, fileName: file.fileName, fileSha256: file.sha256, row });
    const reason = (row: number) => `imported from ${file.fileName}, row ${row}`;
    const rows: ImportResult['rows'] = planned.map((p) => ({ ...p.plan }));
    const records = { cases: 0, actions: 0 };
    // Cases first, so an action finds its case whichever row of the part holds it.
    for (const [i, p] of planned.entries()) {
      if (!p.case) continue;
      const year = Number(p.case.record.receivedAt!.slice(0, 4));
      const ref = formatRef(ctx.refPrefix, year, await tx.nextSequence(`ref-${ctx.refPrefix}-${year}`));
      const created = await tx.insert('cases', { ...p.case.record, id: p.case.id, ref });
      await recordAudit(ctx, tx, {
        action: 'create', recordType: 'case', recordId: created.id, reason: reason(p.plan.row),
        change: { ...imported(p.plan.row), ref, status: created.status },
      });
      rows[i] = { ...rows[i]!, caseId: created.id, ref };
      records.cases++;
    }
    for (const [i, p] of planned.entries()) {
      if (!p.action) continue;
      const parent = await tx.get('cases', p.action.caseId);
      if (!parent) {
        rows[i] = { ...rows[i]!, outcome: 'refused', reasons: [`its case ${p.plan.reference ?? ''} is not imported yet: import the case's row first`] };
        continue;
      }
      const created = await tx.insert('actions', { ...p.action.record, id: p.action.id });
      await recordAudit(ctx, tx, {
        action: 'create', recordType: 'action', recordId: created.id, reason: reason(p.plan.row),
        change: { ...imported(p.plan.row), parentKind: 'case', parentId: parent.id, ownerId: created.ownerId, agencyId: created.agencyId, dueDate: created.dueDate, status: created.status },
      });
      rows[i] = { ...rows[i]!, caseId: parent.id, ref: parent.ref, actionId: created.id };
      records.actions++;
    }
    const count = (o: string) => rows.filter((r) => r.outcome === o).length;
    return { fileName: file.fileName, rows, counts: { created: count('create'), exists: count('exists'), refused: count('refused') }, records };
  },
});
