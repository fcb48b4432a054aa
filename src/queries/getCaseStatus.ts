import { z } from 'zod';
import type { CaseStatus, RiskLevel } from '../domain/enums';
import { NotFoundError } from '../domain/errors';
import { isActionFinished, isOverdue } from '../domain/rules';
import { recordAudit } from '../kernel/audit';
import { caseAccess, loadVisibleCase, normalizeRef } from '../kernel/caseAccess';
import type { Context } from '../kernel/context';
import { defineQuery, HiddenRecordError } from '../kernel/query';
import { can } from '../policies';
import type { ReadTx } from '../store/port';
import { nearest } from './fuzzy';
import { refParts } from '../domain/reference';
import { surface } from './surface';
import { caseStatusViewSchema } from '../contract/views';

/**
 * Where a case stands, for the bot's `status` (surface rules 1 and 2). Shared surface: reference, initials and state
 * only, and a restricted case is only "restricted", even for an asker who may read it. Personal: the full facts when
 * the policy allows `read`, the minimal summary (no state) when it allows `readSummary`. A case the asker may not see
 * answers exactly as a missing one (audited 'denied'), with at most a suggestion among cases the asker may see.
 */
export type CaseStatusView =
  | { found: false; suggestion?: string }
  | { found: true; shown: 'restricted' }
  | { found: true; shown: 'shared'; caseId: string; ref: string; initials: string; status: CaseStatus }
  | { found: true; shown: 'summary'; caseId: string; ref: string; initials: string; canRecordInvolvement: boolean }
  | {
      found: true;
      shown: 'full';
      caseId: string;
      ref: string;
      initials: string;
      status: CaseStatus;
      riskLevel?: RiskLevel;
      leadAgency?: string;
      nextReviewDate?: string;
      openActions: number;
      overdueActions: number;
    };

export const getCaseStatus = defineQuery({
  name: 'getCaseStatus',
  summary: 'Where a case stands, by reference, in the view the surface allows',
  output: caseStatusViewSchema,
  input: z.object({ ref: z.string().trim().min(1).max(60), surface }),
  async run(ctx, tx, input): Promise<CaseStatusView> {
    let visible: Awaited<ReturnType<typeof loadVisibleCase>>;
    try {
      visible = await loadVisibleCase(ctx, tx, { ref: input.ref });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      if (err instanceof HiddenRecordError) {
        await recordAudit(ctx, tx, { action: 'denied', recordType: err.recordType, recordId: err.recordId, reason: `getCaseStatus: ${err.message}` });
      }
      const suggestion = await nearestVisibleRef(ctx, tx, input.ref);
      return suggestion ? { found: false, suggestion } : { found: false };
    }
    const { record: c, access } = visible;
    await recordAudit(ctx, tx, { action: 'view', recordType: 'case', recordId: c.id, reason: `caseStatus (${input.surface}, ${access})` });
    if (input.surface === 'shared') {
      if (c.restricted) return { found: true, shown: 'restricted' };
      return { found: true, shown: 'shared', caseId: c.id, ref: c.ref, initials: c.initials, status: c.status };
    }
    if (access === 'summary') {
      return { found: true, shown: 'summary', caseId: c.id, ref: c.ref, initials: c.initials, canRecordInvolvement: can(ctx.actor, 'recordInvolvement', 'case', c) };
    }
    const now = ctx.now();
    const actions = (await tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: c.id }] })).filter((a) => a.parentKind === 'case');
    const lead = c.leadAgencyId ? await tx.get('agencies', c.leadAgencyId) : undefined;
    return {
      found: true,
      shown: 'full',
      caseId: c.id,
      ref: c.ref,
      initials: c.initials,
      status: c.status,
      ...(c.riskLevel ? { riskLevel: c.riskLevel } : {}),
      ...(lead ? { leadAgency: lead.shortName } : {}),
      ...(c.nextReviewDate ? { nextReviewDate: c.nextReviewDate } : {}),
      openActions: actions.filter((a) => !isActionFinished(a)).length,
      overdueActions: actions.filter((a) => isOverdue(a, now)).length,
    };
  },
});

/**
 * The reference they probably meant: a case the actor may see with the same number and a prefix and year within two
 * slips ("CASP-2026-14", "CASPA-2025-0014"). Only cases the actor may see are candidates, so a suggestion never tells
 * anyone that a case they may not see exists; a number alone is never "corrected" to a neighbouring number.
 */
async function nearestVisibleRef(ctx: Context, tx: ReadTx, typed: string): Promise<string | undefined> {
  const exact = normalizeRef(typed);
  const wanted = refParts(exact);
  if (!wanted) return undefined;
  const byHead = new Map<string, string>();
  // Only cases with the number typed can be suggested: the reference's number is a search key (an index lookup).
  for (const c of await tx.find('cases', { where: [{ field: 'search', op: 'eq', value: `n:${wanted.number}` }] })) {
    const parts = refParts(c.ref);
    if (parts?.number === wanted.number && c.ref !== exact && caseAccess(ctx.actor, c)) byHead.set(`${parts.prefix}-${parts.year}`, c.ref);
  }
  const head = nearest(`${wanted.prefix}-${wanted.year}`, [...byHead.keys()], 2);
  return head ? byHead.get(head) : undefined;
}
