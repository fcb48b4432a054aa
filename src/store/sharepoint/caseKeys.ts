import { createHash } from 'node:crypto';
import type { CaseRecord } from '../../domain/records';
import type { Condition, Scalar } from '../port';
import { DERIVED_FIELDS } from '../schema';
import type { ColumnSpec } from './listSchema';

/*
 * The cases' derived fields (schema.ts DERIVED_FIELDS: audience, search, adultKeys) as index data SharePoint can
 * answer. A many-valued column cannot be indexed in SharePoint, so a hidden companion list holds one item per
 * (case, derived key), with the key, the case's id and the few case values the register filters and orders by
 * (received at, reference, status, risk level). A query on a derived field reads the items of its keys (each an
 * indexed equality, under the list view threshold unless the key is dense) and then only the cases they name.
 *
 * Personal data: audience and search keys hold member and agency ids, 'chair'-style role keys, reference suffixes and
 * initials suffixes, all already shown on channel cards. adultKeys hold the NHS number and the name with the date of
 * birth, so they are stored ONLY as a SHA-256 hex of the key (a lookup hashes what it looks for the same way); the
 * list never holds an adult's name, date of birth or NHS number. (A plain hash of an NHS number could be found again
 * by trying every number; whoever can read this hidden list can read the Cases list beside it, which holds them.)
 */

export const CASE_KEYS_LIST = 'RiskPanel case keys';
export const CASE_KEYS_DESCRIPTION =
  'Index data RiskPanel keeps for finding cases (who may see each case, reference and initials search keys, hashed repeat-referral keys). Do not edit: RiskPanel and provisioning keep it in step.';

const text = (name: string, displayName: string, indexed: boolean, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  field: name, name, displayName, type: 'text', indexed, required: false, hidden: true, ...extra,
});

/** The companion list's columns (provisioned like the others; Title holds the key, to read the list by hand). */
export const CASE_KEY_COLUMNS: ColumnSpec[] = [
  text('KeyId', 'Key id', true, { unique: true, description: 'SHA-256 of the case id and the key: one item per case and key.' }),
  text('Key', 'Key', true),
  text('CaseId', 'Case id', true),
  { field: 'receivedAt', name: 'ReceivedAt', displayName: 'Received at', type: 'dateTime', indexed: true, required: false, hidden: true },
  text('Received', 'Received at (exact)', false),
  text('RefOrder', 'Reference (sort key)', true, { description: 'The reference as hexadecimal, so SharePoint sorts it exactly as RiskPanel does.' }),
  text('Ref', 'Reference', false),
  text('Status', 'Status', false),
  text('RiskLevel', 'Risk level', false),
];

/** The case fields an item carries, so conditions and orders on them are answered from the items alone. */
export const ITEM_FIELDS = new Set(['id', 'receivedAt', 'ref', 'status', 'riskLevel']);

const FIELD_PREFIX: Record<string, string> = { audience: 'au:', search: 'se:', adultKeys: 'ad:' };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A derived value as the list stores it: prefixed by its field; an adult key hashed (it holds personal data). */
export function storedKey(field: string, value: Scalar): string {
  const prefix = FIELD_PREFIX[field];
  if (!prefix) throw new Error(`"${field}" is not a derived field of cases`);
  return field === 'adultKeys' ? `${prefix}${sha256(String(value))}` : `${prefix}${String(value)}`;
}

export const isCaseKeyField = (field: string) => field in FIELD_PREFIX;

export const refOrder = (ref: string) => Buffer.from(ref, 'utf8').toString('hex');
export const keyId = (caseId: string, key: string) => sha256(`${caseId}\u0000${key}`);

/** One item of the list as the adapter reads it. */
export interface CaseKeyItem {
  itemId?: string;
  key: string;
  caseId: string;
  receivedAt?: string;
  ref: string;
  status?: string;
  riskLevel?: string;
}

/** The items a case should have: one per value of each derived field. */
export function caseKeyItems(c: CaseRecord): CaseKeyItem[] {
  const out = new Map<string, CaseKeyItem>();
  for (const [field, derive] of Object.entries(DERIVED_FIELDS.cases ?? {})) {
    for (const v of derive(c)) {
      const key = storedKey(field, v);
      out.set(key, {
        key,
        caseId: c.id,
        ...(c.receivedAt ? { receivedAt: c.receivedAt } : {}),
        ref: c.ref ?? '',
        ...(c.status ? { status: c.status } : {}),
        ...(c.riskLevel ? { riskLevel: c.riskLevel } : {}),
      });
    }
  }
  return [...out.values()];
}

/** An item's fields for a create or an update. */
export function keyItemFields(i: CaseKeyItem): Record<string, unknown> {
  return {
    Title: i.key.slice(0, 255),
    KeyId: keyId(i.caseId, i.key),
    Key: i.key.slice(0, 255),
    CaseId: i.caseId,
    ReceivedAt: i.receivedAt ? new Date(i.receivedAt).toISOString() : UNDATED,
    Received: i.receivedAt ?? null,
    RefOrder: refOrder(i.ref).slice(0, 255),
    Ref: i.ref.slice(0, 255),
    Status: i.status ?? null,
    RiskLevel: i.riskLevel ?? null,
  };
}

/**
 * What the indexed ReceivedAt holds for a case not yet received (a draft): the oldest instant, so SharePoint's order
 * and ranges put it where the port does (after every dated case newest first, before them oldest first) and a
 * keyset bound never drops it. The exact value (or its absence) is in Received.
 */
export const UNDATED = '1900-01-01T00:00:00Z';

export const KEY_ITEM_SELECT = ['KeyId', 'Key', 'CaseId', 'Received', 'Ref', 'Status', 'RiskLevel'];

/** An item as read from Graph (its `fields`), or undefined when it is not one of ours. */
export function decodeKeyItem(item: { id: string; fields?: Record<string, unknown> }): CaseKeyItem | undefined {
  const f = item.fields ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const key = str(f.Key);
  const caseId = str(f.CaseId);
  if (!key || !caseId) return undefined;
  const receivedAt = str(f.Received);
  const status = str(f.Status);
  const riskLevel = str(f.RiskLevel);
  return { itemId: String(item.id), key, caseId, ref: str(f.Ref) ?? '', ...(receivedAt ? { receivedAt } : {}), ...(status ? { status } : {}), ...(riskLevel ? { riskLevel } : {}) };
}

const sameContent = (a: CaseKeyItem, b: CaseKeyItem) =>
  a.receivedAt === b.receivedAt && a.ref === b.ref && a.status === b.status && a.riskLevel === b.riskLevel && a.caseId === b.caseId;

export interface KeyDiff {
  create: CaseKeyItem[];
  update: (CaseKeyItem & { itemId: string })[];
  remove: string[];
}

/** What brings a case's items (as stored) in line with what it should have; duplicates of one key are removed. */
export function diffKeyItems(want: readonly CaseKeyItem[], have: readonly CaseKeyItem[]): KeyDiff {
  const diff: KeyDiff = { create: [], update: [], remove: [] };
  const byKey = new Map<string, CaseKeyItem>();
  for (const h of have) {
    if (byKey.has(h.key) || !want.some((w) => w.key === h.key && w.caseId === h.caseId)) diff.remove.push(h.itemId!);
    else byKey.set(h.key, h);
  }
  for (const w of want) {
    const h = byKey.get(w.key);
    if (!h) diff.create.push(w);
    else if (!sameContent(w, h)) diff.update.push({ ...w, itemId: h.itemId! });
  }
  return diff;
}

/** The stored keys a condition on a derived field looks for: exact keys, or one prefix for startsWith. */
export function conditionKeys(c: Condition): { keys: string[] } | { prefix: string } {
  if (c.op === 'startsWith') return { prefix: storedKey(c.field, c.value) };
  const values = c.op === 'in' ? c.value : c.op === 'eq' ? [c.value] : [];
  return { keys: [...new Set(values.map((v) => storedKey(c.field, v)))] };
}

/** A case record's values for the item-checkable fields, as an item carries them. */
export const itemAsRecord = (i: CaseKeyItem): Record<string, unknown> => ({
  id: i.caseId,
  ref: i.ref,
  ...(i.receivedAt ? { receivedAt: i.receivedAt } : {}),
  ...(i.status ? { status: i.status } : {}),
  ...(i.riskLevel ? { riskLevel: i.riskLevel } : {}),
});
