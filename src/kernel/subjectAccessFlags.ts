import type { Adult } from '../domain/records';

/*
 * Third-party information in a subject access export: what the coordinator must review, and perhaps redact, before the
 * export goes to the adult (UK GDPR Article 15(4); DPA 2018 Schedule 2, Part 3: information about other people).
 * RiskPanel never redacts by itself: it flags, and a person decides. The rule, also in docs/data-protection.md
 * ("Subject access"), flags a field when any of these holds:
 *
 * 1. referrer: it identifies who made the referral (their name, agency, and the manager who signed it off).
 * 2. other_person: free text that names or describes someone other than the adult: a title and a name ("Mr Patel"),
 *    a relationship or role word ("her son", "the neighbour", "a carer"), a capitalised first name and surname that
 *    is not the adult's or an agency's, or the referral's "others at risk" details (always about other people).
 * 3. staff: the name of a member of staff of an agency other than the one the exporting coordinator works for
 *    (their own agency's staff acting in their job are usually disclosed; another agency should be asked first).
 * 4. third_party_information: what another agency provided (its involvement answer and note, chronology entries and
 *    risk evidence it supplied, the answer to an information request): ask that agency before release.
 *
 * The detection of names in narrative is deliberately generous: a false flag costs the reviewer a glance, a missed one
 * could disclose someone's information. The adult's own name is never a reason to flag.
 */

export const REDACTION_REASONS = ['referrer', 'other_person', 'staff', 'third_party_information'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];

/** Plain words for the reviewer (and the adult, should a marked copy reach them). */
export const REDACTION_REASON_LABELS: Record<RedactionReason, string> = {
  referrer: 'identifies the person who made the referral',
  other_person: 'names or describes another person',
  staff: 'names a member of staff of another agency',
  third_party_information: 'information another agency provided',
};

/** One field of one record that needs a reviewer's eye before release, and why. */
export interface RedactionFlag {
  recordKind: string;
  recordId: string;
  /** The field's name in the JSON export (dotted for nested ones: "domains.2.evidence", "progress.0.note"). */
  field: string;
  reasons: RedactionReason[];
  /** What was found: the words that look like another person, the agency that provided it. */
  details: string[];
}

const HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev)\.?\s+[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?/g;
const RELATION = new RegExp(
  '\\b(?:son|sons|daughter|daughters|mother|father|mum|dad|parent|parents|brother|brothers|sister|sisters|husband|wife|' +
    'ex-husband|ex-wife|partner|ex-partner|boyfriend|girlfriend|fiancée?|spouse|neighbour|neighbours|carer|carers|friend|friends|' +
    'landlord|landlady|lodger|tenant|grandson|granddaughter|grandchild|grandchildren|grandmother|grandfather|nephew|niece|cousin|' +
    'uncle|aunt|relative|relatives|child|children|stepson|stepdaughter|stepfather|stepmother|visitor|visitors|associate|associates)\\b',
  'gi',
);
/** "partner agency" and "partners" in the panel's own sense are not people in the adult's life. */
const PANEL_PARTNER = /^partners?$/i;
const NAME_PAIR = /\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b/g;
/** Capitalised words that start organisations, places and documents, not people. */
const NOT_NAMES = new Set([
  'The', 'A', 'An', 'Adult', 'Adults', 'Social', 'Care', 'Fire', 'Rescue', 'Police', 'Service', 'Services', 'Health', 'Council',
  'Panel', 'Team', 'Mental', 'Housing', 'Ambulance', 'Trust', 'Hospital', 'Street', 'Road', 'Lane', 'Avenue', 'Close', 'Court',
  'House', 'Ward', 'Unit', 'Centre', 'Practice', 'Surgery', 'Clinic', 'Safeguarding', 'Board', 'Community', 'District', 'County',
  'City', 'Borough', 'Invented', 'Section', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Probation', 'Department', 'Work', 'Pensions', 'Benefits', 'Food', 'Bank', 'Drug', 'Alcohol', 'Recovery', 'Support', 'Mind',
  'Age', 'Concern', 'Station', 'Accident', 'Emergency', 'Royal', 'General', 'Primary', 'Home', 'Office',
]);

export interface PeopleContext {
  adult: Pick<Adult, 'name'>;
  /** Names of members of staff: found in text, they are reported by name (staff of any agency are other people). */
  staffNames: readonly string[];
  /** Agency names and short names: their words never make a person's name. */
  agencyNames: readonly string[];
}

const words = (s: string) => s.split(/[^\p{L}'’-]+/u).filter(Boolean);

/**
 * The mentions in `text` that look like people other than the adult: titled names, relationship words, staff names
 * and capitalised name pairs. Empty when none was found.
 */
export function otherPeopleIn(text: string | undefined, people: PeopleContext): string[] {
  if (!text?.trim()) return [];
  const adultWords = new Set(words(people.adult.name).map((w) => w.toLowerCase()));
  const agencyWords = new Set(people.agencyNames.flatMap(words));
  const isAdult = (phrase: string) => words(phrase).every((w) => adultWords.has(w.toLowerCase()) || /^(Mr|Mrs|Ms|Miss|Mx|Dr)$/.test(w));
  const found: string[] = [];
  const add = (m: string) => {
    const clean = m.trim();
    if (clean && !isAdult(clean) && !found.some((f) => f.toLowerCase() === clean.toLowerCase())) found.push(clean);
  };
  for (const m of text.matchAll(HONORIFIC)) add(m[0]);
  const agencyNames = new Set(people.agencyNames.map((n) => n.toLowerCase()));
  for (const name of people.staffNames) {
    // A name that is also an agency's is read as the agency.
    if (name.trim().length >= 3 && !agencyNames.has(name.trim().toLowerCase()) && new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text)) add(name);
  }
  for (const m of text.matchAll(RELATION)) {
    if (PANEL_PARTNER.test(m[0]) && /^\s*agenc/i.test(text.slice(m.index + m[0].length))) continue;
    add(m[0].toLowerCase());
  }
  for (const m of text.matchAll(NAME_PAIR)) {
    const pair = words(m[0]);
    if (pair.some((w) => NOT_NAMES.has(w) || agencyWords.has(w))) continue;
    if (found.some((f) => f.includes(m[0]))) continue;
    add(m[0]);
  }
  return found;
}

/** Collects the flags of one export: one per field, its reasons and details merged. */
export class RedactionFlags {
  private readonly byKey = new Map<string, RedactionFlag>();

  constructor(private readonly people: PeopleContext) {}

  /** Flags the field for these reasons (nothing when `reasons` is empty). */
  flag(recordKind: string, recordId: string, field: string, reasons: RedactionReason[], details: string[] = []): void {
    if (!reasons.length) return;
    const key = `${recordKind}\u0000${recordId}\u0000${field}`;
    const flag = this.byKey.get(key) ?? { recordKind, recordId, field, reasons: [], details: [] };
    for (const r of reasons) if (!flag.reasons.includes(r)) flag.reasons.push(r);
    for (const d of details) if (!flag.details.includes(d)) flag.details.push(d);
    this.byKey.set(key, flag);
  }

  /** Flags free text that names or describes someone other than the adult; `always` for fields about others by nature. */
  narrative(recordKind: string, recordId: string, field: string, text: string | undefined, always = false): void {
    if (!text?.trim()) return;
    const mentions = otherPeopleIn(text, this.people);
    if (mentions.length || always) this.flag(recordKind, recordId, field, ['other_person'], mentions);
  }

  /** In the order they were raised, which is the document's order. */
  list(): RedactionFlag[] {
    return [...this.byKey.values()];
  }
}
