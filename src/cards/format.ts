// How the bot writes dates and counts for people. Pure, so card builders stay data in, card out.

const LONDON_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

// Formatters are made once: building one per call cost a twentieth of a bot reply.
const UTC_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 2026-07-15 (or an ISO date-time) → "15 Jul 2026": a date has no time zone, so it is formatted as the UTC day it names. */
export function formatDate(iso: string): string {
  const date = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(iso);
  return UTC_DATE.format(date);
}

/** An instant as people in the UK read it: "15 Jun 2026, 10:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : LONDON_DATE_TIME.format(date);
}

/** "1 day", "3 days". */
export const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** Whole days from `from` to `to` (yyyy-mm-dd), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}
