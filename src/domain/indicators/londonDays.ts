import { daysBetween, hasLondonDayEnded, londonDate } from '../time';

/**
 * London calendar dates for thousands of records at once. Asking luxon for each record's time zone offset cost
 * seconds for a year of 5,000 cases and 20,000 actions; the answers repeat, so they are remembered:
 * - Europe/London changes its offset only on the hour in UTC (01:00 UTC, last Sundays of March and October), so
 *   every instant in one UTC hour falls on the same London date: one lookup per UTC hour.
 * The end of a London day and days between dates are cheap in time.ts itself (remembered per date; plain calendar
 * arithmetic), so they are only named here.
 */

const MAX_REMEMBERED = 100_000;
const dayOfHour = new Map<string, string>();

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

/** Whether the London day `date` has ended at `now` (what overdue means). */
export const londonDayEnded = hasLondonDayEnded;

/** Whole calendar days from one date (yyyy-mm-dd) to another, negative when `to` is earlier. */
export const calendarDaysBetween = daysBetween;
