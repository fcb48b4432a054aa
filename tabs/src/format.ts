// Dates are stored as ISO (UTC instants or yyyy-mm-dd days) and shown in UK form, times in Europe/London.
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});

const isDayOnly = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);

/** "3 Jun 2026" for a day; an instant is shown as its day in London. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  if (isDayOnly(iso)) return dayFormat.format(new Date(`${iso}T00:00:00Z`));
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }).format(date);
}

/** "3 Jun 2026, 14:05" for an instant; a bare day stays a day. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  if (isDayOnly(iso)) return formatDay(iso);
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}
