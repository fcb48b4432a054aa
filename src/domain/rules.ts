import type { ActionRecord, CaseRecord } from './records';
import { FINISHED_ACTION_STATUSES, REFERRAL_STATUSES } from './enums';
import { stripBidiControls } from './formats';
import { daysBetween, hasLondonDayEnded, londonDate } from './time';

/** The calendar date (yyyy-mm-dd) of an instant in London: "today" wherever a date is compared with now. */
export const isoDate = (d: Date): string => londonDate(d);

export const isActionFinished = (a: Pick<ActionRecord, 'status'>): boolean => FINISHED_ACTION_STATUSES.includes(a.status);

/**
 * Overdue is derived, never stored: the due date's day has ended in London and the action is not finished. An
 * action due on a summer date is not overdue at 23:30 that evening (22:30 UTC) but is at 00:30 the next day (BST).
 */
export function isOverdue(a: Pick<ActionRecord, 'status' | 'dueDate'>, now: Date): boolean {
  return !isActionFinished(a) && hasLondonDayEnded(a.dueDate, now);
}

/** Whole London days since the due date (0 on the due date and before it). */
export function daysOverdue(a: Pick<ActionRecord, 'dueDate'>, now: Date): number {
  return Math.max(0, daysBetween(a.dueDate, londonDate(now)));
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
