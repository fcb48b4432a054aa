import { DateTime } from 'luxon';
import { ValidationError } from '../errors';
import { LONDON } from '../time';
import { londonDay } from './londonDays';
import type { PeriodKind } from './vocabulary';

/**
 * The period a board report covers, as London calendar dates (from and to both included). Month, quarter and year are
 * calendar ones; a custom period is any run of whole days up to three years long.
 */

export interface Period {
  kind: PeriodKind;
  /** First London date in the period. */
  from: string;
  /** Last London date in the period (included). */
  to: string;
  /** How people say it: "March 2026", "Q1 2026 (January to March)", "2026", "1 March 2026 to 15 April 2026". */
  label: string;
  /** Every calendar month the period touches (yyyy-mm), in order: the x axis of the trends. */
  months: string[];
}

const MAX_CUSTOM_DAYS = 3 * 366;
const day = (iso: string) => DateTime.fromISO(iso, { zone: LONDON });
const spoken = (iso: string) => day(iso).setLocale('en-GB').toFormat('d MMMM yyyy');

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = day(from).startOf('month'); m <= day(to); m = m.plus({ months: 1 })) months.push(m.toFormat('yyyy-MM'));
  return months;
}

function make(kind: PeriodKind, start: DateTime, end: DateTime, label: string): Period {
  const from = start.toISODate()!;
  const to = end.toISODate()!;
  return { kind, from, to, label, months: monthsOf(from, to) };
}

const problem = (message: string) => new ValidationError([{ field: 'period', message }]);

/**
 * Reads a period as the API and the tab write it: `2026-03` (a month), `2026-Q1` (a quarter), `2026` (a year) or
 * `2026-03-01..2026-04-15` (custom, both dates included). Anything else is a ValidationError naming the forms.
 */
export function parsePeriod(text: string): Period {
  const value = text.trim();
  let m = /^(\d{4})$/.exec(value);
  if (m) {
    const start = DateTime.fromObject({ year: Number(m[1]), month: 1, day: 1 }, { zone: LONDON });
    return make('year', start, start.endOf('year'), m[1]!);
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(value);
  if (m) {
    const start = DateTime.fromObject({ year: Number(m[1]), month: (Number(m[2]) - 1) * 3 + 1, day: 1 }, { zone: LONDON });
    const end = start.plus({ months: 2 }).endOf('month');
    return make('quarter', start, end, `Q${m[2]} ${m[1]} (${start.toFormat('MMMM')} to ${end.toFormat('MMMM')})`);
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const start = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: LONDON });
    if (!start.isValid) throw problem(`"${value}" is not a month: use yyyy-mm, for example 2026-03.`);
    return make('month', start, start.endOf('month'), start.setLocale('en-GB').toFormat('MMMM yyyy'));
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (m) {
    const start = day(m[1]!);
    const end = day(m[2]!);
    if (!start.isValid || !end.isValid) throw problem(`"${value}" holds a date that does not exist.`);
    if (end < start) throw problem('A custom period must end on or after the day it starts.');
    if (end.diff(start, 'days').days > MAX_CUSTOM_DAYS) throw problem('A custom period may be at most three years long.');
    return make('custom', start, end, `${spoken(m[1]!)} to ${spoken(m[2]!)}`);
  }
  throw problem(`"${value}" is not a period: use 2026-03 (month), 2026-Q1 (quarter), 2026 (year) or 2026-03-01..2026-04-15 (custom).`);
}

/** Whether a London calendar date (yyyy-mm-dd) falls in the period. */
export const dateInPeriod = (date: string, p: Pick<Period, 'from' | 'to'>): boolean => date >= p.from && date <= p.to;

/** Whether an instant (ISO string, stored in UTC) falls on a London date in the period. */
export const instantInPeriod = (at: string | undefined, p: Pick<Period, 'from' | 'to'>): boolean =>
  at !== undefined && dateInPeriod(londonDay(at), p);

/** The London month (yyyy-mm) of an instant. */
export const londonMonth = (at: string): string => londonDay(at).slice(0, 7);

/** The instants that bound the period in storage (UTC ISO strings): from its first London midnight, to before the next one after its end. */
export function periodInstants(p: Pick<Period, 'from' | 'to'>): { start: string; endExclusive: string } {
  return {
    start: day(p.from).startOf('day').toUTC().toISO()!,
    endExclusive: day(p.to).plus({ days: 1 }).startOf('day').toUTC().toISO()!,
  };
}

/** The date `months` calendar months before `date` (the 12-month look-back of repeat referrals). */
export const monthsBefore = (date: string, months: number): string => day(date).minus({ months }).toISODate()!;
