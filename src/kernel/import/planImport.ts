import { createHash } from 'node:crypto';
import { CLOSURE_REASONS, type CaseStatus, type ClosureReason, RISK_CATEGORIES, type RiskCategory } from '../../domain/enums';
import { isNhsNumber } from '../../domain/formats';
import { CLOSURE_REASON_LABELS, RISK_CATEGORY_LABELS, STATUS_LABELS } from '../../domain/labels';
import type { Agency, CaseRecord } from '../../domain/records';
import { initialsOf } from '../../domain/rules';
import { londonDate, londonTimeOn } from '../../domain/time';
import type { Tx } from '../../store/port';
import type { Context } from '../context';
import type { ImportFile } from './readImportFile';

/**
 * A past log's rows as the referrals and cases they would become, with a reason for every row refused. The preview
 * (src/queries/previewImport.ts) shows the plan; the import (src/commands/importLog.ts) carries it out, so both judge
 * every row alike. A row's identity is the log's own reference: the same reference imported again, from this file or
 * an edited copy, is "already imported", never a second case.
 */

export const IMPORT_FIELDS = [
  'reference', 'adultName', 'dateOfBirth', 'nhsNumber', 'postcode', 'referringAgency', 'receivedDate', 'riskCategories', 'reasons',
  'status', 'leadAgency', 'closedDate', 'closureReason',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Which column (by its header) holds each field. */
export type ImportMapping = Partial<Record<ImportField, string>>;

export const REQUIRED_FIELDS: readonly ImportField[] = ['reference', 'adultName', 'referringAgency', 'receivedDate', 'status'];

/** Statuses a past record may arrive in: drafts and the steps before a decision are today's work, not history. */
const IMPORT_STATUSES: readonly CaseStatus[] = ['submitted', 'declined', 'withdrawn', 'open', 'closed'];

export interface RowPlan {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  reference?: string;
  outcome: 'create' | 'exists' | 'refused';
  reasons: string[];
}
export interface PlannedCase { plan: RowPlan; id: string; record: Omit<CaseRecord, 'version' | 'ref' | 'id'> }

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A mapping guessed from the headers: "NHS number", "nhs_number" and "NHSNumber" all find nhsNumber. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const aliases: Record<ImportField, string[]> = {
    reference: ['reference', 'ref', 'caseref', 'casereference', 'id'], adultName: ['adultname', 'name', 'adult', 'fullname'],
    dateOfBirth: ['dateofbirth', 'dob', 'birthdate'], nhsNumber: ['nhsnumber', 'nhsno', 'nhs'], postcode: ['postcode', 'postalcode'],
    referringAgency: ['referringagency', 'referrer', 'agency', 'referredby'], receivedDate: ['receiveddate', 'received', 'referraldate', 'datereceived', 'date'],
    riskCategories: ['riskcategories', 'risks', 'categories', 'risk'], reasons: ['reasons', 'reason', 'summary'], status: ['status', 'outcome'],
    leadAgency: ['leadagency', 'lead'], closedDate: ['closeddate', 'closed', 'dateclosed'], closureReason: ['closurereason', 'reasonclosed'],
  };
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const header = headers.find((h) => aliases[field].includes(key(h)));
    if (header) mapping[field] = header;
  }
  return mapping;
}

/** A date as logs write it: 2025-03-14 or 14/03/2025 (UK order). */
function parseDate(text: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (uk) m = [text, uk[3]!, uk[2]!.padStart(2, '0'), uk[1]!.padStart(2, '0')] as unknown as RegExpExecArray;
  }
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const byLabel = <K extends string>(keys: readonly K[], labels: Partial<Record<K, string>>, text: string): K | undefined =>
  keys.find((k) => key(k) === key(text) || (labels[k] !== undefined && key(labels[k]!) === key(text)));

/** The id a log's reference always becomes, so importing it twice finds the first. */
export const importedCaseId = (reference: string): string =>
  `imported-${createHash('sha256').update(reference.trim().toUpperCase()).digest('hex').slice(0, 24)}`;

/** Every row judged: to create (with the record), already imported, or refused with its reasons. */
export async function planRows(ctx: Context, tx: Tx, file: ImportFile, mapping: ImportMapping): Promise<(PlannedCase | RowPlan)[]> {
  const agencies = await tx.find('agencies');
  const agencyOf = (text: string): Agency | undefined => agencies.find((a) => key(a.shortName) === key(text) || key(a.name) === key(text));
  const column = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping[f] ? file.headers.indexOf(mapping[f]!) : -1])) as Record<ImportField, number>;
  const today = londonDate(ctx.now());
  const firstRowOf = new Map<string, number>();
  const out: (PlannedCase | RowPlan)[] = [];
  for (const [i, cells] of file.rows.entries()) {
    const row = i + 2;
    const get = (f: ImportField) => (column[f] >= 0 ? (cells[column[f]] ?? '').trim() : '');
    const reasons: string[] = [];
    for (const f of REQUIRED_FIELDS) if (!get(f)) reasons.push(`${f} is empty`);
    const reference = get('reference') || undefined;
    if (reference) {
      const first = firstRowOf.get(key(reference));
      if (first !== undefined) reasons.push(`reference ${reference} is also on row ${first}`);
      else firstRowOf.set(key(reference), row);
    }
    const received = get('receivedDate') ? parseDate(get('receivedDate')) : undefined;
    if (get('receivedDate') && !received) reasons.push(`receivedDate "${get('receivedDate')}" is not a date (2025-03-14 or 14/03/2025)`);
    if (received && received > today) reasons.push('receivedDate is in the future');
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
    if (reasons.length) {
      out.push({ row, ...(reference ? { reference } : {}), outcome: 'refused', reasons });
      continue;
    }
    const id = importedCaseId(reference!);
    if (await tx.get('cases', id)) {
      out.push({ row, reference: reference!, outcome: 'exists', reasons: ['already imported'] });
      continue;
    }
    // Midday in London: the day is what the log knows, and midday never moves it.
    const receivedAt = londonTimeOn(received!, '12:00').toISOString();
    const now = ctx.now().toISOString();
    const name = get('adultName');
    out.push({
      plan: { row, reference: reference!, outcome: 'create', reasons: [] },
      id,
      record: {
        status: status!, createdAt: now, updatedAt: now, receivedAt,
        // The log does not say who referred: the coordinator who imports answers for the record, with the agency the log names.
        referrerMemberId: ctx.actor.member.id, referrerAgencyId: referrer!.id,
        adult: { name, ...(dob ? { dateOfBirth: dob } : {}), ...(nhs ? { nhsNumber: nhs } : {}), ...(get('postcode') ? { postcode: get('postcode').toUpperCase() } : {}) },
        initials: initialsOf(name), riskCategories: categories, reasons: get('reasons') || `Imported from ${file.fileName}, row ${row}.`,
        currentSupport: '', childrenAtRisk: false, otherAdultsAtRisk: false, capacity: 'presumed', adultAware: true, consent: 'given',
        otherProcessesConsidered: [], adultViews: '', advocacyNeeded: false, involvements: [], restricted: false, namedMemberIds: [], legalHold: false,
        ...(lead ? { leadAgencyId: lead.id } : {}),
        ...(status === 'open' || status === 'closed' ? { acceptedAt: receivedAt } : {}),
        ...(status === 'closed' ? { closedAt: londonTimeOn(closedOn!, '12:00').toISOString(), closureReason: closureReason! } : {}),
      },
    });
  }
  return out;
}

export const isPlannedCase = (p: PlannedCase | RowPlan): p is PlannedCase => 'plan' in p;
export const rowPlanOf = (p: PlannedCase | RowPlan): RowPlan => (isPlannedCase(p) ? p.plan : p);
