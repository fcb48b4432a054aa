// Dates are stored as ISO (UTC instants or yyyy-mm-dd days) and shown in UK form, times in Europe/London.
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});

// Made once: a formatter is costly to create (the register formats a date on every row it draws).
const londonDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

const isDayOnly = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);

/** "3 Jun 2026" for a day; an instant is shown as its day in London. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  if (isDayOnly(iso)) return dayFormat.format(new Date(`${iso}T00:00:00Z`));
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return londonDayFormat.format(date);
}

/** "3 Jun 2026, 14:05" for an instant; a bare day stays a day. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (isDayOnly(iso)) return formatDay(iso);
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const londonDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** Today in London as yyyy-mm-dd: the earliest date a plan's due or review date may take. */
export const todayIso = (now: Date = new Date()): string => londonDay.format(now);

/** yyyy-mm-dd some days from today (London). */
export const daysFromToday = (days: number, now: Date = new Date()): string => londonDay.format(new Date(now.getTime() + days * 86_400_000));

/** "3 items" / "1 item". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A local date-time input's value ("2026-06-03T14:05") for an instant, in the browser's zone. */
export function localDateTimeInput(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
/** "14:05" in London. */
export const formatTime = (date: Date): string => timeFormat.format(date);
