import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { addDays, endOfLondonDay, LONDON, londonDate } from './time';

/**
 * Working days in England and Wales: Monday to Friday, less the bank holidays. The partnership works to English and
 * Welsh bank holidays (Scotland and Northern Ireland differ); date-holidays' GB/ENG rules give them, substitute days
 * included (Christmas on a Saturday moves its holiday to the Monday). GB/WLS has the same public holidays, which
 * tests/unit/workingDays.test.ts checks for every year the service will plausibly see.
 */
const ENGLAND_AND_WALES = new Holidays('GB', 'ENG');

/** Minutes go out within 3 working days of the panel (docs/domain.md, "Indicators a board wants"). */
export const MINUTES_STANDARD_WORKING_DAYS = 3;

const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The bank holidays of a year (date → name); only 'public' ones, not observances such as Mother's Day. */
export function bankHolidays(year: number): ReadonlyMap<string, string> {
  let found = holidaysByYear.get(year);
  if (!found) {
    found = new Map(
      ENGLAND_AND_WALES.getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    holidaysByYear.set(year, found);
  }
  return found;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function calendarDay(date: string): DateTime {
  const day = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: LONDON }) : undefined;
  if (!day?.isValid) throw new RangeError(`Not a calendar date (yyyy-mm-dd): "${date}"`);
  return day;
}

export const isBankHoliday = (date: string): boolean => bankHolidays(calendarDay(date).year).has(date);

/** A London calendar date that is neither a weekend nor a bank holiday. */
export function isWorkingDay(date: string): boolean {
  const day = calendarDay(date);
  return day.weekday <= 5 && !bankHolidays(day.year).has(date);
}

/** The working day `n` (≥ 0) working days after `date`: day 0 is `date` itself, whatever it is. */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A number of working days must be a whole number ≥ 0, not ${n}`);
  let day = date;
  calendarDay(date);
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * Working days from one instant to another, by their London dates: the working days after `from`'s date up to and
 * including `to`'s. The same day is 0; Friday to the next Monday is 1; negative when `to` is earlier.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = londonDate(from);
  const end = londonDate(to);
  if (end < start) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = start; day < end; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) count++;
  }
  return count;
}

export interface MinutesTimeliness {
  /** Working days from the meeting's end to the minutes' issue. */
  workingDays: number;
  /** The last London date on which issuing still meets the standard. */
  dueBy: string;
  met: boolean;
}

/**
 * Whether minutes issued at `issuedAt` met the standard after a meeting that ended at `endedAt`. The deadline is the
 * end of the London day that is `standard` working days after the meeting's day, so minutes of a Friday meeting
 * issued at 23:59 on the Wednesday are on time, and a bank holiday in between gives one more calendar day.
 */
export function minutesTimeliness(endedAt: Date, issuedAt: Date, standard: number = MINUTES_STANDARD_WORKING_DAYS): MinutesTimeliness {
  const dueBy = addWorkingDays(londonDate(endedAt), standard);
  return {
    workingDays: workingDaysBetween(endedAt, issuedAt),
    dueBy,
    met: issuedAt.getTime() < endOfLondonDay(dueBy).getTime(),
  };
}
