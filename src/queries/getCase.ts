import { z } from 'zod';
import { recordAudit } from '../kernel/audit';
import { id } from '../kernel/validation';
import { LIVE_CASE_STATUSES, type RiskCategory } from '../domain/enums';
import type { ActionRecord, CaseRecord, ChronologyEntry, Decision, Involvement, RiskAssessment } from '../domain/records';
import { isoDate } from '../domain/rules';
import { type ActionAbilities, type Actor, type CaseAbilities, presentAction, presentCase } from '../policies';
import type { Tx } from '../store/port';
import { overdueOf } from './actionItems';
import { loadVisibleCase } from '../kernel/caseAccess';
import { type RiskAssessmentChange, riskAssessmentChanges } from './riskAssessmentChanges';
import { defineQuery } from '../kernel/query';
import { caseViewSchema } from '../contract/cases';

/** The things an accepted case must have within 28 days of acceptance (docs/domain.md, "The process", 4. Planning). */
export const PLAN_DEADLINE_DAYS = 28;
export type MissingKey = 'lead' | 'riskAssessment' | 'smartPlan' | 'contingencyPlan' | 'reviewDate';
const MISSING_LABELS: Record<MissingKey, string> = {
  lead: 'Lead agency and lead professional',
  riskAssessment: 'Multi-agency risk assessment',
  smartPlan: 'SMART action plan (at least one action)',
  contingencyPlan: 'Contingency plan',
  reviewDate: 'Review date',
};

export interface MissingPlan {
  items: { key: MissingKey; label: string }[];
  daysSinceAcceptance: number;
  /** acceptedAt + 28 days (yyyy-mm-dd). */
  dueBy: string;
  /** True once the 28 days have passed with something still missing. */
  pastDeadline: boolean;
}

export type { CaseAbilities };

export type CaseActionView = ActionRecord & { overdue: boolean; daysOverdue: number; can: ActionAbilities };

export interface FullCaseView {
  access: 'full';
  case: CaseRecord;
  chronology: ChronologyEntry[];
  actions: CaseActionView[];
  decisions: Decision[];
  riskAssessments: RiskAssessment[];
  /** For each assessment after the first: which domains' ratings changed and whether the overall level did. */
  riskAssessmentChanges: RiskAssessmentChange[];
  involvements: (Involvement & { agencyName?: string })[];
  /** Null unless the case is accepted and live (open or escalated). */
  missing: MissingPlan | null;
  can: CaseAbilities;
}

/**
 * The minimal summary every partner sees of a new referral, so they can say whether the adult is known to them
 * (surface rule 1). Not its status, when it was received, or which other agencies know the adult: those could tell a
 * partner, say, that a drug service knows this adult. Their own agency's answer, if it gave one, is theirs to see.
 */
export interface CaseSummary {
  id: string;
  ref: string;
  initials: string;
  riskCategories: RiskCategory[];
  referrerAgencyId: string;
  referrerAgencyShortName: string;
  /** The actor's own agency's answer to "known to us?", when it has given one. */
  myAgencyInvolvement?: { known: boolean };
}
export interface SummaryCaseView {
  access: 'summary';
  case: CaseSummary;
  can: CaseAbilities;
}

export type CaseView = FullCaseView | SummaryCaseView;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(iso.slice(0, 10)) / DAY_MS);

export function missingPlan(c: CaseRecord, actions: ActionRecord[], assessments: RiskAssessment[], now: Date): MissingPlan | null {
  if (!LIVE_CASE_STATUSES.includes(c.status)) return null;
  const accepted = c.acceptedAt ?? c.receivedAt ?? c.createdAt;
  const lacking: MissingKey[] = [];
  if (!c.leadAgencyId || !c.leadProfessionalId) lacking.push('lead');
  if (assessments.length === 0) lacking.push('riskAssessment');
  // A plan made only of cancelled actions is no plan.
  if (!actions.some((a) => a.status !== 'cancelled')) lacking.push('smartPlan');
  if (!c.contingencyPlan?.trim()) lacking.push('contingencyPlan');
  if (!c.nextReviewDate) lacking.push('reviewDate');
  const daysSinceAcceptance = Math.max(0, dayNumber(isoDate(now)) - dayNumber(accepted));
  return {
    items: lacking.map((key) => ({ key, label: MISSING_LABELS[key] })),
    daysSinceAcceptance,
    dueBy: isoDate(new Date((dayNumber(accepted) + PLAN_DEADLINE_DAYS) * DAY_MS)),
    pastDeadline: lacking.length > 0 && daysSinceAcceptance > PLAN_DEADLINE_DAYS,
  };
}

export async function summaryOf(tx: Tx, actor: Actor, c: CaseRecord): Promise<CaseSummary> {
  const referrer = await tx.get('agencies', c.referrerAgencyId);
  const mine = c.involvements.find((i) => i.agencyId === actor.member.agencyId);
  return {
    id: c.id,
    ref: c.ref,
    initials: c.initials,
    riskCategories: c.riskCategories,
    referrerAgencyId: c.referrerAgencyId,
    referrerAgencyShortName: referrer?.shortName ?? 'Unknown agency',
    ...(mine ? { myAgencyInvolvement: { known: mine.known } } : {}),
  };
}

const byCase = (caseId: string) => ({ where: [{ field: 'caseId', op: 'eq' as const, value: caseId }] });
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Everything a full case page shows besides the case: read together so a store can send them in one go. */
function readCaseRecords(tx: Tx, caseId: string) {
  return Promise.all([
    tx.find('chronology', byCase(caseId)),
    tx.find('actions', { where: [{ field: 'parentId', op: 'eq', value: caseId }] }),
    tx.find('decisions', byCase(caseId)),
    tx.find('riskAssessments', byCase(caseId)),
    tx.find('agencies'),
  ]);
}

export const getCase = defineQuery({
  name: 'getCase',
  summary: 'Open a case by id or reference: in full (audited) where permitted, else the new-referral summary, else 404',
  output: caseViewSchema,
  input: z
    .object({ caseId: id.optional(), ref: z.string().trim().min(1).max(60).optional() })
    .refine((v) => v.caseId !== undefined || v.ref !== undefined, { message: 'give a case id or a reference', path: ['caseId'] })
    // Never both: /api/cases/by-ref/:ref?caseId=… must not open a case other than the one the path names.
    .refine((v) => v.caseId === undefined || v.ref === undefined, { message: 'give a case id or a reference, not both', path: ['caseId'] }),
  async run(ctx, tx, input): Promise<CaseView> {
    // Asked for by id, the case's records are read in the same turn as the case itself, so the SharePoint store sends
    // them in one $batch (one round trip instead of two). They are only read early: nothing leaves this query, and no
    // view is audited, until loadVisibleCase has authorised the case; a refusal or a summary discards them.
    const early = input.caseId !== undefined ? readCaseRecords(tx, input.caseId) : undefined;
    // Settled before the query ends either way, so no read outlives its unit of work and no rejection goes unheard.
    const earlySettled = early?.then(() => undefined, () => undefined);
    let visible: Awaited<ReturnType<typeof loadVisibleCase>>;
    try {
      visible = await loadVisibleCase(ctx, tx, input);
    } catch (err) {
      await earlySettled;
      throw err;
    }
    const { record: c, access } = visible;
    const abilities = presentCase(ctx.actor, c);
    if (access === 'summary') {
      await earlySettled;
      await recordAudit(ctx, tx, { action: 'view', recordType: 'case', recordId: c.id, reason: 'summary' });
      return { access, case: await summaryOf(tx, ctx.actor, c), can: abilities };
    }

    const now = ctx.now();
    // The early reads are for the id asked; the case read is exact on id, but never trust them for another case.
    const [chronology, actions, decisions, riskAssessments, agencies] = await (early && c.id === input.caseId
      ? early
      : (earlySettled ?? Promise.resolve()).then(() => readCaseRecords(tx, c.id)));
    const caseActions = actions.filter((a) => a.parentKind === 'case');
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    await recordAudit(ctx, tx, { action: 'view', recordType: 'case', recordId: c.id });
    return {
      access,
      case: c,
      chronology: chronology.sort((a, b) => cmp(a.occurredAt, b.occurredAt) || cmp(a.recordedAt, b.recordedAt) || cmp(a.id, b.id)),
      actions: caseActions
        .sort((a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.id, b.id))
        .map((a) => ({ ...a, ...overdueOf(a, now), can: presentAction(ctx.actor, { action: a, parentCase: c }) })),
      decisions: decisions.sort((a, b) => cmp(a.decidedAt, b.decidedAt) || cmp(a.id, b.id)),
      riskAssessments: riskAssessments.sort((a, b) => a.assessmentNumber - b.assessmentNumber),
      riskAssessmentChanges: riskAssessmentChanges(riskAssessments),
      involvements: c.involvements.map((i) => ({ ...i, agencyName: agencyName.get(i.agencyId) })),
      missing: missingPlan(c, caseActions, riskAssessments, now),
      can: abilities,
    };
  },
});
