import { DateTime } from 'luxon';

/**
 * The partnership's clock. Instants are stored in UTC; dates (due dates, review dates) are UK calendar dates, and
 * "today", "overdue", the daily scan and everything told to people are judged in Europe/London, through luxon so
 * BST and the two clock changes are the time-zone database's business, not ours.
 */
export const LONDON = 'Europe/London';

export interface LocalDateTime { year: number; month: number; day: number; hour: number; minute: number; second: number }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function calendarDate(date: string): DateTime {
  const day = ISO_DATE.test(date.slice(0, 10)) ? DateTime.fromISO(date.slice(0, 10), { zone: LONDON }) : undefined;
  if (!day?.isValid) throw new RangeError(`Not a calendar date (yyyy-mm-dd): "${date}"`);
  return day;
}

/** The wall-clock reading of an instant in a time zone. */
export function localParts(at: Date, timeZone: string = LONDON): LocalDateTime {
  const { year, month, day, hour, minute, second } = DateTime.fromJSDate(at, { zone: timeZone });
  return { year, month, day, hour, minute, second };
}

let lastDate: { t: number; zone: string; date: string } | undefined;

/** The calendar date (yyyy-mm-dd) of an instant in London: "today" for anything judged by date. */
export function londonDate(at: Date, timeZone: string = LONDON): string {
  const t = at.getTime();
  // Asked again and again for the same instant (a scan's "now" for each action it judges).
  if (lastDate && lastDate.t === t && lastDate.zone === timeZone) return lastDate.date;
  const date = DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
  lastDate = { t, zone: timeZone, date };
  return date;
}


const DAY_MS = 86_400_000;

/**
 * A calendar date as the UTC midnight that starts it: date arithmetic (adding days, days between) needs no time zone,
 * since a calendar day is a day whatever the clocks do, and is far cheaper than a zoned luxon DateTime, which
 * matters when a scan judges thousands of due dates.
 */
function utcMidnight(date: string): number {
  const day = date.slice(0, 10);
  const t = ISO_DATE.test(day) ? Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) : NaN;
  // Date.UTC rolls 2026-02-30 over into March: a date that does not come back the same does not exist.
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) throw new RangeError(`Not a calendar date (yyyy-mm-dd): "${date}"`);
  return t;
}

/** Days end at the same few instants over and over (every action due that day): each is worked out once. */
const dayEnds = new Map<string, number>();
const DAY_ENDS_KEPT = 10_000;

/** The first instant after a London calendar date ends (its midnight into the next day, BST or GMT). */
export function endOfLondonDay(date: string): Date {
  let end = dayEnds.get(date);
  if (end === undefined) {
    end = calendarDate(date).plus({ days: 1 }).startOf('day').toMillis();
    if (dayEnds.size >= DAY_ENDS_KEPT) dayEnds.clear();
    dayEnds.set(date, end);
  }
  return new Date(end);
}

/** True once the London day `date` has ended: what "overdue" means for a due date. */
export const hasLondonDayEnded = (date: string, now: Date): boolean => now.getTime() >= endOfLondonDay(date).getTime();

/** The calendar date `days` after (or before, if negative) `date`; no time zone can make this skip or repeat a day. */
export const addDays = (date: string, days: number): string => new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/**
 * The instant a wall-clock time happens in the zone. A time that happens twice (the October hour) is its first
 * occurrence (BST); a time that never happens (the March gap) moves on by the gap, so 01:30 on the last Sunday of
 * March in London is 02:30 BST.
 */
export function zonedTimeToUtc(local: Omit<LocalDateTime, 'second'> & { second?: number }, timeZone: string = LONDON): Date {
  const wall = DateTime.fromObject({ ...local, second: local.second ?? 0 }, { zone: timeZone });
  if (!wall.isValid) throw new RangeError(`Not a wall-clock time in ${timeZone}: ${JSON.stringify(local)}`);
  // luxon resolves an ambiguous time to one of its two offsets; take the earlier instant, whichever it chose.
  const candidates = [wall, wall.minus({ hours: 1 }), wall.plus({ hours: 1 })].filter(
    (t) => t.hour === wall.hour && t.minute === wall.minute && t.day === wall.day,
  );
  return DateTime.min(...candidates)!.toJSDate();
}

/** 'HH:MM' (24-hour), as SCAN_TIME is given. */
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The London instant of the wall-clock time `at` ('HH:MM') on a calendar date: the daily scan's moment that day. */
export function londonTimeOn(date: string, at: string): Date {
  const m = HH_MM.exec(at);
  if (!m) throw new RangeError(`A daily time must be HH:MM (24-hour), not "${at}"`);
  const { year, month, day } = calendarDate(date);
  return zonedTimeToUtc({ year, month, day, hour: Number(m[1]), minute: Number(m[2]) });
}

/** The first daily occurrence of `at` London time strictly after `after` (one run on the October day, not two). */
export function nextLondonTime(after: Date, at: string): Date {
  const today = londonDate(after);
  for (let offset = 0; offset < 3; offset++) {
    const candidate = londonTimeOn(addDays(today, offset), at);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error('unreachable: a daily time always recurs within three days');
}

const SPOKEN = "d MMMM yyyy 'at' HH:mm";

/** Times are stored in UTC and told to people in UK time: "15 June 2026 at 10:00". */
export function londonDateTime(at: string | Date): string {
  const instant = typeof at === 'string' ? DateTime.fromISO(at, { zone: 'utc' }) : DateTime.fromJSDate(at);
  if (!instant.isValid) throw new RangeError(`Not an instant: "${String(at)}"`);
  return instant.setZone(LONDON).setLocale('en-GB').toFormat(SPOKEN);
}
