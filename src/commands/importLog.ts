import { type ImportResult, importRequestSchema, importResultSchema } from '../contract/imports';
import { formatRef } from '../domain/rules';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { isPlannedCase, planRows, suggestMapping } from '../kernel/import/planImport';
import { readImportFile } from '../kernel/import/readImportFile';
import { authorize } from '../policies';

/**
 * Imports a past log of referrals and cases in one unit of work: every row the preview would create is created
 * (with the partnership's next reference for its year), every other row is left alone and reported. Importing the
 * same rows again creates nothing (a log reference always becomes the same record). Each record is audited as
 * imported, with the file's name, its hash and the row. No card is sent: these are history, not new referrals.
 */
export const importLog = defineCommand({
  name: 'importLog',
  summary: 'Import a past log of referrals and cases (Excel or CSV); rows already imported or refused are reported, not written',
  input: importRequestSchema,
  output: importResultSchema,
  async run(ctx, tx, input): Promise<ImportResult> {
    authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can import a log.');
    const file = await readImportFile(input.fileName, input.base64);
    const planned = await planRows(ctx, tx, file, input.mapping ?? suggestMapping(file.headers));
    const rows: ImportResult['rows'] = [];
    for (const p of planned) {
      if (!isPlannedCase(p)) {
        rows.push(p);
        continue;
      }
      const year = Number(p.record.receivedAt!.slice(0, 4));
      const ref = formatRef(ctx.refPrefix, year, await tx.nextSequence(`ref-${ctx.refPrefix}-${year}`));
      const created = await tx.insert('cases', { ...p.record, id: p.id, ref });
      await recordAudit(ctx, tx, {
        action: 'create', recordType: 'case', recordId: created.id, reason: `imported from ${file.fileName}, row ${p.plan.row}`,
        change: { imported: true, fileName: file.fileName, fileSha256: file.sha256, row: p.plan.row, ref, status: created.status },
      });
      rows.push({ ...p.plan, caseId: created.id, ref });
    }
    const count = (o: string) => rows.filter((r) => r.outcome === o).length;
    return { fileName: file.fileName, rows, counts: { created: count('create'), exists: count('exists'), refused: count('refused') } };
  },
});
