import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus, CASE_STATUSES, MEETING_STATUSES } from '../domain/enums';
import { ForbiddenError } from '../domain/errors';
import { ACTION_TRANSITIONS, CASE_TRANSITIONS, MEETING_TRANSITIONS } from '../domain/lifecycle';
import type { ActionRecord, CaseRecord } from '../domain/records';
import { isActionFinished } from '../domain/rules';
import { londonDate } from '../domain/time';
import { recordAudit } from '../kernel/audit';
import { defineCommand } from '../kernel/command';
import { stateLabel } from '../kernel/guards';
import { queueNotification } from '../kernel/notifications';
import { SYSTEM_ACTOR_ID } from '../kernel/overdueScan';
import { isSystemActor } from '../kernel/systemActor';
import { KINDS } from '../store/schema';
import type { Kind, RecordMap } from '../store/port';

/**
 * A change a person made in a SharePoint list, picked up by the delta sync (src/store/sharepoint/deltaSync.ts), made
 * part of the record (issue 13 item 7): audited with SharePoint's editor and the columns changed, then
 * - applied, with the domain's consequences: an action completed in the list counts as done (completed at, by whom,
 *   its cards refreshed as when it is completed in RiskPanel); an action re-dated gets the change in its history;
 * - put back and flagged to the coordinators: a step its lifecycle does not allow (completed → not started), a status
 *   only RiskPanel moves (a case is closed by a decision with its rationale), a column that decides who sees what,
 *   or anything in a list that is never edited (chronology, decisions);
 * - left as it is and flagged: a value RiskPanel cannot read (it already shows the last value it saved, and the item
 *   stays in the data quality list until someone puts it right).
 * Only RiskPanel itself runs it (the scheduler's sync job, as the system actor): each edit's correlation id is the
 * item and version, so an edit seen again (a resync after an expired token) adds no second audit event or card.
 */

/** Columns that only RiskPanel changes: access, retention and identity. A hand edit of one is put back. */
const LOCKED: Partial<Record<Kind, readonly string[]>> = {
  members: ['roles', 'active', 'agencyId', 'aadObjectId', 'email', 'agencyLead'],
  agencies: ['active', 'kind'],
  // The lead agency and referrer decide who may see the case (src/policies/casePolicy.ts).
  cases: ['restricted', 'legalHold', 'retentionDate', 'closedAt', 'closureReason', 'acceptedAt', 'riskLevelAtAcceptance', 'referrerAgencyId', 'leadAgencyId', 'createdAt', 'ref'],
  actions: ['parentKind', 'parentId', 'createdAt', 'completedAt', 'ownerId', 'agencyId'],
  // The chair drives the meeting; papers and minutes are issued by RiskPanel (the cards and the document go with them).
  meetings: ['chairId', 'papersIssuedAt', 'minutesIssuedAt'],
  disposals: ['status', 'approvedAt', 'approvedById', 'proposedById', 'caseId', 'retentionDate'],
};
/** Lists that are never edited: a correction is a new entry (chronology) or a new decision. */
const NEVER_EDITED: readonly Kind[] = ['chronology', 'decisions', 'disposals', 'conversations'];

const RECORD_TYPE: Partial<Record<Kind, string>> = { actions: 'action', cases: 'case', members: 'member', agencies: 'agency', meetings: 'meeting' };

const text = (max: number) => z.string().max(max);
const change = z.object({ field: text(100), column: text(100), from: z.unknown().optional(), to: z.unknown().optional() }).strict();
const problem = z.object({ field: text(100), column: text(100), message: text(1000), value: z.unknown().optional() }).strict();

export const applySharePointEditInput = z
  .object({
    kind: z.enum(KINDS as unknown as [Kind, ...Kind[]]),
    list: text(100),
    itemId: text(50).min(1),
    recordId: text(200).min(1).optional(),
    version: z.number().int().min(0),
    editor: z.object({ name: text(255).min(1), email: text(320).optional(), entraId: text(100).optional() }).strict(),
    editedAt: text(40).optional(),
    webUrl: text(2000).optional(),
    changes: z.array(change).max(100),
    problems: z.array(problem).max(100),
  })
  .strict();

export const applySharePointEditOutput = z.object({
  /**
   * applied: taken as the record; flagged: (partly) not taken, coordinators told; superseded: the item changed again
   * since; alreadyTaken: this edit (item and version) was handled before, e.g. seen again by a full resync.
   */
  outcome: z.enum(['applied', 'flagged', 'superseded', 'alreadyTaken']),
  applied: z.array(z.string()),
  reverted: z.array(z.string()),
  problems: z.array(z.string()),
});

type Change = z.output<typeof change>;
type Outcome = z.output<typeof applySharePointEditOutput>;

interface Verdict {
  revert: boolean;
  reason?: string;
}

function transition<S extends string>(graph: Readonly<Record<S, readonly S[]>>, values: readonly string[], c: Change, what: string, madeHere: boolean): Verdict {
  const from = String(c.from ?? '');
  const to = String(c.to ?? '');
  if (!values.includes(from) || !values.includes(to)) return { revert: true, reason: `${c.column}: ${what} status cannot be set in SharePoint.` };
  if (!graph[from as S].includes(to as S)) {
    return { revert: true, reason: `${c.column}: ${stateLabel(from)} → ${stateLabel(to)} is not a step ${what} can take.` };
  }
  return madeHere ? { revert: false } : { revert: true, reason: `${c.column}: ${stateLabel(from)} → ${stateLabel(to)} is made in RiskPanel (it needs a decision with its rationale).` };
}

/** Whether RiskPanel takes one changed column, and why not. */
function verdictOn(kind: Kind, c: Change, saved: Record<string, unknown>, today: string): Verdict {
  if (NEVER_EDITED.includes(kind)) return { revert: true, reason: `${c.column}: this list is never edited; a correction is a new entry in RiskPanel.` };
  if (LOCKED[kind]?.includes(c.field)) return { revert: true, reason: `${c.column} is changed in RiskPanel only.` };
  if (kind === 'actions' && c.field === 'status') return transition(ACTION_TRANSITIONS, ACTION_STATUSES, c, 'an action', true);
  if (kind === 'cases' && c.field === 'status') return transition(CASE_TRANSITIONS, CASE_STATUSES, c, 'a case', false);
  if (kind === 'meetings' && c.field === 'status') return transition(MEETING_TRANSITIONS, MEETING_STATUSES, c, 'a meeting', false);
  if (kind === 'actions' && c.field === 'dueDate') {
    if (isActionFinished({ status: saved.status as ActionStatus })) return { revert: true, reason: `${c.column}: the action is ${stateLabel(String(saved.status))}, so its due date can no longer change.` };
    if (typeof c.to === 'string' && c.to < today) return { revert: true, reason: `${c.column}: a new due date cannot be in the past.` };
  }
  return { revert: false };
}

const setField = (record: Record<string, unknown>, field: string, value: unknown) => {
  if (value === undefined) delete record[field];
  else record[field] = value;
};

export const applySharePointEdit = defineCommand({
  name: 'applySharePointEdit',
  summary: 'Make a change a person made in a SharePoint list part of the record: audit it, apply or put back, tell the coordinators',
  input: applySharePointEditInput,
  output: applySharePointEditOutput,
  async run(ctx, tx, input): Promise<Outcome> {
    if (!isSystemActor(ctx.actor)) throw new ForbiddenError('Only RiskPanel\'s SharePoint sync applies changes made in SharePoint.');
    const editorMember = input.editor.email ? (await tx.find('members', { where: [{ field: 'email', op: 'eq', value: input.editor.email }] }))[0] : undefined;
    const byId = editorMember?.id ?? SYSTEM_ACTOR_ID;
    const recordType = RECORD_TYPE[input.kind] ?? input.kind;
    const now = ctx.now();
    const problems = input.problems.map((p) => `${p.column}: ${p.message}`);

    // The chain fills a retried append's place with a copy, so an edit seen again is recognised here, before any write.
    const auditRecordId = input.recordId ?? `${input.list}:item:${input.itemId}`;
    const audited = await tx.find('audit', { where: [{ field: 'recordId', op: 'eq', value: auditRecordId }] });
    if (audited.some((e) => e.correlationId === ctx.correlationId)) return { outcome: 'alreadyTaken', applied: [], reverted: [], problems: [] };

    const current = input.recordId ? ((await tx.get(input.kind, input.recordId)) as (RecordMap[Kind] & Record<string, unknown>) | undefined) : undefined;
    // Changed again since the delta page was read: that later edit comes with the next run and is judged then.
    if (input.recordId && (!current || current.version !== input.version)) return { outcome: 'superseded', applied: [], reverted: [], problems: [] };

    const saved: Record<string, unknown> = Object.fromEntries(input.changes.map((c) => [c.field, c.from]));
    if (current) for (const [k, v] of Object.entries(current)) if (!(k in saved)) saved[k] = v;
    const applied: string[] = [];
    const reverted: string[] = [];
    const reasons: string[] = [...problems];
    const next: Record<string, unknown> = current ? { ...current } : {};
    delete next.dataQuality;
    let completed = false;
    let redatedTo: string | undefined;
    for (const c of input.changes) {
      const verdict = verdictOn(input.kind, c, saved, londonDate(now));
      if (verdict.revert) {
        setField(next, c.field, c.from);
        reverted.push(c.column);
        if (verdict.reason) reasons.push(verdict.reason);
        continue;
      }
      applied.push(c.column);
      if (input.kind === 'actions' && c.field === 'status' && isActionFinished({ status: c.to as ActionStatus })) {
        completed = true;
        next.completedAt = input.editedAt ?? now.toISOString();
        next.completedById = byId;
      }
      if (input.kind === 'actions' && c.field === 'dueDate') {
        const history = Array.isArray(next.dueDateChanges) ? next.dueDateChanges : [];
        next.dueDateChanges = [...history, { at: now.toISOString(), byMemberId: byId, from: c.from, to: c.to, reason: `Changed in SharePoint by ${input.editor.name}` }];
        redatedTo = String(c.to);
      }
    }

    // An unreadable value leaves the item alone (writing it back would erase what the person typed); otherwise the
    // record is written, so RecordJson agrees with the columns again (and anything put back is put back).
    const flagged = reasons.length > 0;
    if (current && !problems.length) await tx.update(input.kind, next as unknown as RecordMap[Kind]);

    await recordAudit(ctx, tx, {
      action: 'update',
      recordType,
      recordId: auditRecordId,
      change: {
        source: 'sharepoint',
        editor: input.editor,
        ...(editorMember ? { editorMemberId: editorMember.id } : {}),
        list: input.list,
        itemId: input.itemId,
        itemVersion: input.version,
        fields: input.changes.map((c) => ({ column: c.column, from: c.from ?? null, to: c.to ?? null })),
        applied,
        reverted,
        problems,
      },
      reason: `Changed in SharePoint by ${input.editor.name}${flagged ? '; not all of it was taken' : ''}`,
    });

    const parentCase = input.kind === 'actions' && current && (current as ActionRecord).parentKind === 'case'
      ? await tx.get('cases', (current as ActionRecord).parentId)
      : input.kind === 'cases' ? (current as CaseRecord | undefined) : undefined;
    if (completed && current) {
      // The same card refresh as completing it in RiskPanel (same key: one refresh per completion, however it was made).
      await queueNotification(ctx, tx, 'actionCompleted', current.id, {
        actionId: current.id,
        ...(parentCase ? { caseId: parentCase.id, ref: parentCase.ref } : {}),
        outcome: String(next.status),
        completedById: byId,
      });
    }
    if (redatedTo && current && !problems.length && !completed) {
      // The reminder and escalation cards already posted show the due date: they are rebuilt with the new one.
      await queueNotification(ctx, tx, 'actionRedated', `${current.id}:${redatedTo}`, { actionId: current.id, dueDate: redatedTo });
    }
    if (flagged) {
      await queueNotification(ctx, tx, 'sharePointEditFlagged', `${input.kind}:${input.itemId}:v${input.version}`, {
        kind: input.kind,
        list: input.list,
        itemId: input.itemId,
        ...(input.recordId ? { recordId: input.recordId } : {}),
        ...(parentCase ? { ref: parentCase.ref } : {}),
        editorName: input.editor.name,
        columns: [...new Set([...input.changes.map((c) => c.column), ...input.problems.map((p) => p.column)])],
        reasons,
        reverted: reverted.length > 0 && !problems.length,
        ...(input.webUrl ? { webUrl: input.webUrl } : {}),
      });
    }
    return { outcome: flagged ? 'flagged' : 'applied', applied: problems.length ? [] : applied, reverted: problems.length ? [] : reverted, problems };
  },
});

