import { endOfLondonDay, londonDate } from '../time';

/**
 * London calendar dates for thousands of records at once. Asking luxon for each record's time zone offset cost
 * seconds for a year of 5,000 cases and 20,000 actions; the answers repeat, so they are remembered:
 * - Europe/London changes its offset only on the hour in UTC (01:00 UTC, last Sundays of March and October), so
 *   every instant in one UTC hour falls on the same London date: one lookup per UTC hour.
 * - The end of a London day depends on the date alone: one lookup per date.
 * - Days between two calendar dates need no time zone at all.
 */

const MAX_REMEMBERED = 100_000;
const dayOfHour = new Map<string, string>();
const endOfDay = new Map<string, number>();

function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    v = compute();
    cache.set(key, v);
  }
  return v;
}

/** The London date (yyyy-mm-dd) of an instant: the same answer as `londonDate`, remembered per UTC hour. */
export function londonDay(at: string | Date): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  const hour = instant.toISOString().slice(0, 13);
  return remember(dayOfHour, hour, () => londonDate(new Date(`${hour}:00:00.000Z`)));
}

/** Whether the London day `date` has ended at `now` (what overdue means): `hasLondonDayEnded`, remembered per date. */
export const londonDayEnded = (date: string, now: Date): boolean =>
  now.getTime() >= remember(endOfDay, date, () => endOfLondonDay(date).getTime());

const DAY_MS = 86_400_000;
const utcOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** Whole calendar days from one date (yyyy-mm-dd) to another, negative when `to` is earlier. */
export const calendarDaysBetween = (from: string, to: string): number => Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
