import type { ActionRecord, CaseRecord } from './records';
import { FINISHED_ACTION_STATUSES, REFERRAL_STATUSES } from './enums';
import { stripBidiControls } from './formats';

/** ISO date (yyyy-mm-dd) of an instant, in UTC. */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

export const isActionFinished = (a: Pick<ActionRecord, 'status'>): boolean => FINISHED_ACTION_STATUSES.includes(a.status);

/** Overdue is derived, never stored: the due date has passed and the action is not finished. */
export function isOverdue(a: Pick<ActionRecord, 'status' | 'dueDate'>, today: Date): boolean {
  return !isActionFinished(a) && a.dueDate < isoDate(today);
}

export function daysOverdue(a: Pick<ActionRecord, 'dueDate'>, today: Date): number {
  const ms = Date.parse(isoDate(today)) - Date.parse(a.dueDate);
  return Math.max(0, Math.round(ms / 86_400_000));
}

export const isReferralStage = (c: Pick<CaseRecord, 'status'>): boolean => REFERRAL_STATUSES.includes(c.status);

/** Initials are what shared surfaces show instead of the name: "Jo Anne Smith" → "J.A.S.". */
export function initialsOf(name: string): string {
  // A bidi control taken as a "first letter" would reorder the initials wherever they are shown.
  return stripBidiControls(name)
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join('');
}

/** Human references: PREFIX-YYYY-NNNN. */
export function formatRef(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}

/** The consent rule: without consent, sharing needs a recorded reason and lawful basis. */
export function consentProblems(c: Pick<CaseRecord, 'consent' | 'noConsentReason' | 'lawfulBasis'>): { field: string; message: string }[] {
  if (c.consent === 'given') return [];
  const problems = [];
  if (!c.noConsentReason?.trim()) problems.push({ field: 'noConsentReason', message: 'Without the adult\'s consent, record why the referral is shared anyway.' });
  if (!c.lawfulBasis?.trim()) problems.push({ field: 'lawfulBasis', message: 'Without the adult\'s consent, record the lawful basis for sharing (for example UK GDPR Art 9 with DPA 2018 Sch 1 para 18).' });
  return problems;
}
