import { createHash } from 'node:crypto';
import { IMPORT_FIELD_NAMES, type ImportFieldName, type ImportRequest, type ImportRow } from '../../contract/imports';
import { CLOSURE_REASONS, type CaseStatus, type ClosureReason, RISK_CATEGORIES, type RiskCategory } from '../../domain/enums';
import { isNhsNumber } from '../../domain/formats';
import { CLOSURE_REASON_LABELS, RISK_CATEGORY_LABELS, STATUS_LABELS } from '../../domain/labels';
import type { Agency, CaseRecord } from '../../domain/records';
import { initialsOf } from '../../domain/rules';
import { londonDate, londonTimeOn } from '../../domain/time';
import { authorize, can } from '../../policies';
import type { Tx } from '../../store/port';
import { findCase } from '../caseAccess';
import type { Context } from '../context';
import { byLabel, type CellReader, type ImportMapping, looseKey as key, parseDate } from './importCells';
import { type ActionTarget, judgeActionPart, type PlannedActionRecord } from './planActionPart';
import { type ImportFile, readImportFile } from './readImportFile';

/**
 * A past log's rows as the referrals, cases and actions they would become, with a reason for every row refused. The
 * preview (src/queries/previewImport.ts) shows the plan; the import (src/commands/importLog.ts) carries it out, so
 * both judge every row alike. A row holds a case (it names the adult), an action (it describes an action and leaves
 * the adult's name empty) of the case its reference names (in the file or already in RiskPanel), or both. A case's
 * identity is the log's own reference, an action's its case, wording and due date: the same rows imported again,
 * from this file or an edited copy, are "already imported", never a second record.
 */

export type { ImportMapping } from './importCells';
export const IMPORT_FIELDS = IMPORT_FIELD_NAMES;

export const REQUIRED_FIELDS: readonly ImportFieldName[] = ['reference', 'adultName', 'referringAgency', 'receivedDate', 'status'];

/** Statuses a past record may arrive in: drafts and the steps before a decision are today's work, not history. */
const IMPORT_STATUSES: readonly CaseStatus[] = ['submitted', 'declined', 'withdrawn', 'open', 'closed'];

export type RowPlan = ImportRow;
export type PlannedCaseRecord = Omit<CaseRecord, 'version' | 'ref' | 'id'>;
/** A row judged, with the records it creates (none when it is refused or already imported). */
export interface PlannedRow {
  plan: RowPlan;
  case?: { id: string; record: PlannedCaseRecord };
  action?: { id: string; caseId: string; record: PlannedActionRecord };
}

const ALIASES: Record<ImportFieldName, string[]> = {
  reference: ['reference', 'ref', 'caseref', 'casereference', 'id'], adultName: ['adultname', 'name', 'adult', 'fullname'],
  dateOfBirth: ['dateofbirth', 'dob', 'birthdate'], nhsNumber: ['nhsnumber', 'nhsno', 'nhs'], postcode: ['postcode', 'postalcode'],
  referringAgency: ['referringagency', 'referrer', 'agency', 'referredby'], receivedDate: ['receiveddate', 'received', 'referraldate', 'datereceived', 'date'],
  riskCategories: ['riskcategories', 'risks', 'categories', 'risk'], reasons: ['reasons', 'reason', 'summary'], status: ['status', 'casestatus', 'outcome'],
  leadAgency: ['leadagency', 'lead'], closedDate: ['closeddate', 'closed', 'dateclosed'], closureReason: ['closurereason', 'reasonclosed'],
  actionDescription: ['actiondescription', 'action', 'actions'], actionAgency: ['actionagency', 'owningagency', 'owneragency', 'actionowneragency'],
  actionOwnerEmail: ['actionowneremail', 'owneremail', 'actionowner', 'owner'], actionDueDate: ['actionduedate', 'duedate', 'due', 'dueby', 'actiondue'],
  actionStatus: ['actionstatus'], actionCompletedDate: ['actioncompleteddate', 'completeddate', 'completed', 'datecompleted', 'completedon'],
};

/** A mapping guessed from the headers: "NHS number", "nhs_number" and "NHSNumber" all find nhsNumber. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const header = headers.find((h) => ALIASES[field].includes(key(h)));
    if (header) mapping[field] = header;
  }
  return mapping;
}

/** The id a log's reference always becomes, so importing it twice finds the first. */
export const importedCaseId = (reference: string): string =>
  `imported-${createHash('sha256').update(reference.trim().toUpperCase()).digest('hex').slice(0, 24)}`;

interface CasePart { reasons: string[]; id?: string; exists?: boolean; record?: PlannedCaseRecord; status?: CaseStatus }

/** A row's case fields: refused with reasons, already imported, or the record to create. */
async function judgeCasePart(ctx: Context, tx: Tx, get: CellReader, row: number, fileName: string, agencyOf: (t: string) => Agency | undefined): Promise<CasePart> {
  const reasons: string[] = [];
  for (const f of REQUIRED_FIELDS) if (!get(f)) reasons.push(`${f} is empty`);
  const reference = get('reference');
  const received = get('receivedDate') ? parseDate(get('receivedDate')) : undefined;
  if (get('receivedDate') && !received) reasons.push(`receivedDate "${get('receivedDate')}" is not a date (2025-03-14 or 14/03/2025)`);
  if (received && received > londonDate(ctx.now())) reasons.push('receivedDate is in the future');
  const dob = get('dateOfBirth') ? parseDate(get('dateOfBirth')) : undefined;
  if (get('dateOfBirth') && !dob) reasons.push('dateOfBirth is not a date');
  const nhs = get('nhsNumber');
  if (nhs && !isNhsNumber(nhs)) reasons.push('nhsNumber is not a valid NHS number (10 digits with a correct check digit)');
  const referrer = get('referringAgency') ? agencyOf(get('referringAgency')) : undefined;
  if (get('referringAgency') && !referrer) reasons.push(`no member agency called "${get('referringAgency')}"`);
  const status = get('status') ? byLabel(IMPORT_STATUSES, STATUS_LABELS, get('status')) : undefined;
  if (get('status') && !status) reasons.push(`status "${get('status')}" is not one of ${IMPORT_STATUSES.join(', ')}`);
  const lead = get('leadAgency') ? agencyOf(get('leadAgency')) : undefined;
  if (get('leadAgency') && !lead) reasons.push(`no member agency called "${get('leadAgency')}"`);
  if ((status === 'open' || status === 'closed') && !get('leadAgency')) reasons.push('an open or closed case needs its leadAgency');
  const categories: RiskCategory[] = [];
  for (const part of get('riskCategories').split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
    const c = byLabel(RISK_CATEGORIES, RISK_CATEGORY_LABELS, part);
    if (c) categories.push(c);
    else reasons.push(`risk category "${part}" is not one the panel uses`);
  }
  const closedOn = get('closedDate') ? parseDate(get('closedDate')) : undefined;
  let closureReason: ClosureReason | undefined;
  if (status === 'closed') {
    if (!closedOn) reasons.push('a closed case needs its closedDate');
    closureReason = byLabel(CLOSURE_REASONS, CLOSURE_REASON_LABELS, get('closureReason'));
    if (!closureReason) reasons.push(`closureReason must be one of ${CLOSURE_REASONS.join(', ')}`);
    if (closedOn && received && closedOn < received) reasons.push('closedDate is before receivedDate');
  }
  if (reasons.length) return { reasons };
  const id = importedCaseId(reference);
  if (await tx.get('cases', id)) return { reasons, id, exists: true, status: status! };
  // Midday in London: the day is what the log knows, and midday never moves it.
  const receivedAt = londonTimeOn(received!, '12:00').toISOString();
  const now = ctx.now().toISOString();
  const name = get('adultName');
  return {
    reasons, id, status: status!,
    record: {
      status: status!, createdAt: now, updatedAt: now, receivedAt,
      // The log does not say who referred: the coordinator who imports answers for the record, with the agency the log names.
      referrerMemberId: ctx.actor.member.id, referrerAgencyId: referrer!.id,
      adult: { name, ...(dob ? { dateOfBirth: dob } : {}), ...(nhs ? { nhsNumber: nhs } : {}), ...(get('postcode') ? { postcode: get('postcode').toUpperCase() } : {}) },
      initials: initialsOf(name), riskCategories: categories, reasons: get('reasons') || `Imported from ${fileName}, row ${row}.`,
      currentSupport: '', childrenAtRisk: false, otherAdultsAtRisk: false, capacity: 'presumed', adultAware: true, consent: 'given',
      otherProcessesConsidered: [], adultViews: '', advocacyNeeded: false, involvements: [], restricted: false, namedMemberIds: [], legalHold: false,
      ...(lead ? { leadAgencyId: lead.id } : {}),
      ...(status === 'open' || status === 'closed' ? { acceptedAt: receivedAt } : {}),
      ...(status === 'closed' ? { closedAt: londonTimeOn(closedOn!, '12:00').toISOString(), closureReason: closureReason! } : {}),
    },
  };
}

/** Every row judged: what it creates, already imported, or refused with its reasons. */
export async function planRows(ctx: Context, tx: Tx, file: ImportFile, mapping: ImportMapping): Promise<PlannedRow[]> {
  const agencies = await tx.find('agencies');
  const agencyOf = (text: string): Agency | undefined => agencies.find((a) => key(a.shortName) === key(text) || key(a.name) === key(text));
  const column = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping[f] ? file.headers.indexOf(mapping[f]!) : -1])) as Record<ImportFieldName, number>;
  const readerOf = (cells: string[]): CellReader => (f) => (column[f] >= 0 ? (cells[column[f]] ?? '').trim() : '');

  // First every row's case (so an action may name a case on a later row), then every row's action.
  const cases = new Map<string, { row: number; part: CasePart }>();
  const judged: { row: number; get: CellReader; kind: RowPlan['kind']; casePart?: CasePart; duplicateOf?: number }[] = [];
  for (const [i, cells] of file.rows.entries()) {
    const row = i + 2;
    const get = readerOf(cells);
    const hasAction = get('actionDescription') !== '';
    const kind: RowPlan['kind'] = !hasAction ? 'case' : get('adultName') ? 'caseAndAction' : 'action';
    if (kind === 'action') {
      judged.push({ row, get, kind });
      continue;
    }
    const casePart = await judgeCasePart(ctx, tx, get, row, file.fileName, agencyOf);
    const first = get('reference') ? cases.get(key(get('reference'))) : undefined;
    if (get('reference') && !first) cases.set(key(get('reference')), { row, part: casePart });
    judged.push({ row, get, kind, casePart, ...(first ? { duplicateOf: first.row } : {}) });
  }

  const members = await tx.find('members');
  const dir = { agencyOf, members, today: londonDate(ctx.now()), nowIso: ctx.now().toISOString(), importerId: ctx.actor.member.id };
  const actionRows = new Map<string, number>();
  const out: PlannedRow[] = [];
  for (const { row, get, kind, casePart, duplicateOf } of judged) {
    const reference = get('reference');
    const reasons = [...(casePart?.reasons ?? [])];
    if (duplicateOf !== undefined) reasons.push(`reference ${reference} is also on row ${duplicateOf}`);
    let action: PlannedRow['action'];
    let actionExists = false;
    if (kind !== 'case') {
      let target: ActionTarget | undefined;
      if (kind === 'caseAndAction') {
        if (casePart?.id && casePart.status) target = { caseId: casePart.id, status: casePart.status, ref: reference };
      } else if (!reference) reasons.push('reference is empty: an action row names the reference of its case');
      else target = await targetOf(ctx, tx, reference, cases, reasons);
      const part = judgeActionPart(get, target, dir);
      reasons.push(...part.reasons);
      if (part.action) {
        const first = actionRows.get(part.action.id);
        if (first !== undefined) reasons.push(`the same action (case, wording and due date) is also on row ${first}`);
        else actionRows.set(part.action.id, row);
        if (await tx.get('actions', part.action.id)) actionExists = true;
        else action = { ...part.action, caseId: target!.caseId };
      }
    }
    const base = { row, ...(reference ? { reference } : {}), kind };
    if (reasons.length) {
      out.push({ plan: { ...base, outcome: 'refused', reasons } });
      continue;
    }
    const newCase = casePart?.record && casePart.id ? { id: casePart.id, record: casePart.record } : undefined;
    if (!newCase && !action) {
      out.push({ plan: { ...base, outcome: 'exists', reasons: ['already imported'] } });
      continue;
    }
    const notes = kind === 'caseAndAction' && !newCase ? ['its case is already imported: only the action is new']
      : kind === 'caseAndAction' && actionExists ? ['its action is already imported: only the case is new'] : [];
    out.push({ plan: { ...base, outcome: 'create', reasons: notes }, ...(newCase ? { case: newCase } : {}), ...(action ? { action } : {}) });
  }
  return out;
}

/** The case an action-only row names: a case row of this file, a case imported before, or a case in RiskPanel by its reference. */
async function targetOf(
  ctx: Context, tx: Tx, reference: string, cases: Map<string, { row: number; part: CasePart }>, reasons: string[],
): Promise<ActionTarget | undefined> {
  const inFile = cases.get(key(reference));
  if (inFile) {
    if (inFile.part.reasons.length || !inFile.part.id || !inFile.part.status) {
      reasons.push(`its case (row ${inFile.row}) is refused`);
      return undefined;
    }
    return { caseId: inFile.part.id, status: inFile.part.status, ref: reference };
  }
  const stored = (await tx.get('cases', importedCaseId(reference))) ?? (await findCase(tx, { ref: reference }));
  // A case the importer may not add actions to answers as a missing one: the report never tells that it exists.
  if (!stored || !can(ctx.actor, 'createAction', 'case', stored)) {
    reasons.push(`no case with reference ${reference} in this file or in RiskPanel`);
    return undefined;
  }
  return { caseId: stored.id, status: stored.status, ref: stored.ref };
}

/**
 * What the preview and the import share: coordinators only; the file read and checked; the columns as mapped (given,
 * or guessed from the headers); and the rows asked for planned, each judged against the whole file.
 */
export async function planImportRequest(ctx: Context, tx: Tx, input: ImportRequest) {
  authorize(ctx.actor, 'coordinate', 'partnership', null, 'Only coordinators can import a log.');
  const file = await readImportFile(input.fileName, input.base64);
  const mapping = input.mapping ?? suggestMapping(file.headers);
  const only = input.rows && new Set(input.rows);
  const planned = (await planRows(ctx, tx, file, mapping)).filter((p) => !only || only.has(p.plan.row));
  return { file, mapping, planned };
}
