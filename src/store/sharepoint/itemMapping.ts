import type { DataQualityProblem } from '../port';
import { choiceLabel, type ColumnSpec, IDEMPOTENCY_KEY, type ListSpec, RECORD_ID, RECORD_JSON, TEXT_LIMIT } from './listSchema';

/**
 * Records to SharePoint fields and back. RecordJson holds the record as RiskPanel wrote it; the visible columns
 * mirror its fields so coordinators can read (and edit) them. On read a valid column value wins (a coordinator's
 * edit), an invalid one is ignored in favour of the last value RiskPanel saved and reported as a data-quality
 * problem, so a hand edit never breaks a page or the bot.
 */

// The types live with the port (every host shows them); re-exported here for the adapter's own users.
export type { DataQualityProblem } from '../port';

/** Set on a record read from SharePoint whose item a hand edit broke; absent when the item is clean. */
export const DATA_QUALITY = 'dataQuality';
export type WithDataQuality<T> = T & { dataQuality?: DataQualityProblem[] };
export const dataQualityOf = (record: object): DataQualityProblem[] => (record as WithDataQuality<object>).dataQuality ?? [];

export interface GraphListItem {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  webUrl?: string;
  fields?: Record<string, unknown>;
}

export interface DecodedItem {
  itemId: string;
  /** The token of the write that produced the item, to tell our own lost write from someone else's. */
  writeId?: string;
  guid: string;
  version: number;
  recordId?: string;
  title?: string;
  webUrl?: string;
  /** Undefined when the item cannot be used at all (no record id). */
  record?: Record<string, unknown>;
  problems: DataQualityProblem[];
}

/** `"{guid},N"`: the item's GUID and its change counter, which is the record's version. */
export function parseETag(etag: string | undefined): { guid: string; version: number } {
  const m = /^"?\{?([0-9a-fA-F-]{36})\}?,(\d+)"?$/.exec(etag ?? '');
  if (!m) throw new Error(`Unexpected list item eTag ${etag}`);
  return { guid: m[1]!, version: Number(m[2]) };
}
export const makeETag = (guid: string, version: number) => `"${guid},${version}"`;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A domain value as SharePoint stores it. */
export function encodeValue(col: ColumnSpec, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (col.type) {
    case 'choice':
      return choiceLabel(String(v));
    case 'multiChoice':
      return Array.isArray(v) ? v.map((x) => choiceLabel(String(x))) : null;
    case 'date':
      return ISO_DATE.test(String(v)) ? `${String(v)}T00:00:00Z` : null;
    case 'dateTime':
      return Number.isNaN(Date.parse(String(v))) ? null : new Date(String(v)).toISOString();
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'text': {
      const s = String(v);
      return s.length > TEXT_LIMIT ? s.slice(0, TEXT_LIMIT) : s;
    }
    default:
      return String(v);
  }
}

/** Kept in RecordJson beside the record: which write put it there. */
export const WRITE_ID = '_writeId';

/** The fields of an item for a create or a full update: every column, null where the record has no value. */
export function toFields(spec: ListSpec, record: Record<string, unknown>, writeId?: string): Record<string, unknown> {
  const { version: _v, [DATA_QUALITY]: _dq, ...data } = record;
  const fields: Record<string, unknown> = { Title: spec.title(data) || String(data.id) };
  for (const col of spec.columns) {
    if (col.name === RECORD_JSON) fields[col.name] = JSON.stringify(writeId ? { ...data, [WRITE_ID]: writeId } : data);
    else if (col.name === RECORD_ID) fields[col.name] = String(data.id);
    else fields[col.name] = encodeValue(col, col.computed ? col.computed(data) : data[col.field]);
    if (col.type === 'multiChoice') fields[`${col.name}@odata.type`] = 'Collection(Edm.String)';
  }
  return fields;
}

type Decoded = { ok: true; value: unknown } | { ok: false; message: string };

function choiceValue(col: ColumnSpec, raw: unknown): string | undefined {
  const s = String(raw).trim().toLowerCase();
  return (col.choices ?? []).find((c) => c.toLowerCase() === s || choiceLabel(c).toLowerCase() === s);
}

/** A non-empty column value as a domain value, or why it is not one. */
export function decodeValue(col: ColumnSpec, raw: unknown): Decoded {
  switch (col.type) {
    case 'choice': {
      const v = choiceValue(col, raw);
      return v ? { ok: true, value: v } : { ok: false, message: `"${String(raw)}" is not one of the choices for ${col.displayName}` };
    }
    case 'multiChoice': {
      const values = Array.isArray(raw) ? raw : String(raw).split(';#').filter(Boolean);
      const mapped = values.map((x) => choiceValue(col, x));
      const bad = values.filter((_, i) => !mapped[i]);
      return bad.length ? { ok: false, message: `${bad.map((b) => `"${String(b)}"`).join(', ')} not among the choices for ${col.displayName}` } : { ok: true, value: mapped };
    }
    case 'date': {
      const s = String(raw);
      if (ISO_DATE.test(s)) return { ok: true, value: s };
      const t = Date.parse(s);
      // A date picked in the SharePoint UI is midnight in the site's time zone, e.g. 23:00Z the day before in summer
      // in the UK: the nearest midnight is the day meant.
      return Number.isNaN(t) ? { ok: false, message: `"${s}" is not a date in ${col.displayName}` } : { ok: true, value: new Date(Math.round(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10) };
    }
    case 'dateTime': {
      const t = Date.parse(String(raw));
      return Number.isNaN(t) ? { ok: false, message: `"${String(raw)}" is not a date and time in ${col.displayName}` } : { ok: true, value: new Date(t).toISOString() };
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 1 || raw === '1' || raw === 'true' || raw === 'Yes') return { ok: true, value: true };
      if (raw === 0 || raw === '0' || raw === 'false' || raw === 'No') return { ok: true, value: false };
      return { ok: false, message: `"${String(raw)}" is not yes or no in ${col.displayName}` };
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `"${String(raw)}" is not a number in ${col.displayName}` };
    }
    default:
      return typeof raw === 'string' || typeof raw === 'number' ? { ok: true, value: String(raw) } : { ok: false, message: `Unexpected value in ${col.displayName}` };
  }
}

/** Whether a column's decoded value says the same as the record's (dates lose milliseconds, text is cut at 255). */
function sameValue(col: ColumnSpec, decoded: unknown, saved: unknown): boolean {
  if (saved === undefined || saved === null) return false;
  switch (col.type) {
    case 'dateTime':
      return Math.floor(Date.parse(String(decoded)) / 1000) === Math.floor(Date.parse(String(saved)) / 1000);
    case 'multiChoice':
      return Array.isArray(saved) && JSON.stringify([...(decoded as string[])].sort()) === JSON.stringify([...saved].map(String).sort());
    case 'text':
      return decoded === saved || decoded === String(saved).slice(0, TEXT_LIMIT);
    default:
      return decoded === saved;
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export function decodeItem(spec: ListSpec, item: GraphListItem): DecodedItem {
  const fields = item.fields ?? {};
  const { guid, version } = parseETag(item.eTag ?? item['@odata.etag'] ?? (fields['@odata.etag'] as string | undefined));
  const problems: DataQualityProblem[] = [];
  const recordId = typeof fields[RECORD_ID] === 'string' && fields[RECORD_ID] ? (fields[RECORD_ID] as string) : undefined;
  const base: DecodedItem = { itemId: String(item.id), guid, version, problems, ...(recordId ? { recordId } : {}), title: String(fields.Title ?? ''), ...(item.webUrl ? { webUrl: item.webUrl } : {}) };
  if (!recordId) {
    problems.push({ field: 'id', column: 'Record id', message: 'This item has no record id, so RiskPanel cannot use it. It was probably added in SharePoint by hand.' });
    return base;
  }

  let saved: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(String(fields[RECORD_JSON] ?? ''));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    const { [WRITE_ID]: writeId, ...rest } = parsed as Record<string, unknown>;
    if (typeof writeId === 'string') base.writeId = writeId;
    saved = rest;
  } catch {
    problems.push({ field: '*', column: 'Record (RiskPanel data)', message: 'The saved record is missing or damaged; only the columns could be read.' });
    saved = structuredClone(spec.defaults);
  }
  for (const [field, fallback] of Object.entries(spec.defaults)) {
    if (saved[field] !== undefined && Array.isArray(fallback) !== Array.isArray(saved[field])) {
      problems.push({ field, column: 'Record (RiskPanel data)', message: `The saved ${field} has the wrong shape; it was left out.` });
      saved[field] = structuredClone(fallback);
    }
  }

  const record: Record<string, unknown> = { ...saved };
  for (const col of spec.columns) {
    // A computed column is the adapter's index data, not part of the record.
    if (col.name === RECORD_ID || col.name === RECORD_JSON || col.name === IDEMPOTENCY_KEY || col.computed) continue;
    const raw = fields[col.name];
    const kept = saved[col.field];
    if (isEmpty(raw)) {
      // An empty column keeps what RiskPanel saved; a required one emptied by hand is worth telling someone about.
      // One RiskPanel itself saved empty (e.g. the audit of a refused list, which names no record) was not a hand edit.
      if (col.required && (kept === undefined || !isEmpty(kept))) {
        problems.push({
          field: col.field,
          column: col.displayName,
          message: kept === undefined ? `${col.displayName} is empty.` : `${col.displayName} was emptied in SharePoint; showing the last value RiskPanel saved.`,
        });
      }
      continue;
    }
    const decoded = decodeValue(col, raw);
    if (!decoded.ok) {
      problems.push({
        field: col.field,
        column: col.displayName,
        value: raw,
        message: kept === undefined ? `${decoded.message}.` : `${decoded.message}; showing the last value RiskPanel saved.`,
      });
      continue;
    }
    if (!sameValue(col, decoded.value, kept)) record[col.field] = decoded.value;
  }
  if (spec.appendOnly && typeof fields[IDEMPOTENCY_KEY] === 'string') record.idempotencyKey = fields[IDEMPOTENCY_KEY];
  record.id = recordId;
  record.version = version;
  if (problems.length) record[DATA_QUALITY] = problems;
  return { ...base, record };
}
