/** The partnership's clock: panels, due dates and the daily jobs are all in UK local time. */
export const LONDON = 'Europe/London';

export interface LocalDateTime { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone. */
export function localParts(at: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** yyyy-mm-dd of the instant in the zone (the UK date, not the UTC one, by default). */
export function localDate(at: Date, timeZone: string = LONDON): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The zone's offset from UTC at an instant, in ms (BST: +3,600,000). */
function offsetAt(utcMs: number, timeZone: string): number {
  const p = localParts(new Date(utcMs), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in the zone. Like Temporal's "compatible" choice: a time that happens twice
 * (the autumn hour) is its first occurrence; a time that never happens (the spring gap) moves on by the gap, so
 * 01:30 on the last Sunday of March in London is 02:30 BST.
 */
export function zonedTimeToUtc(local: Omit<LocalDateTime, 'second'> & { second?: number }, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  const DAY = 86_400_000;
  // Clock changes are months apart, so the offsets a day either side are the two that can apply.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  if (candidates.length) return new Date(Math.min(...candidates));
  return new Date(wall - before);
}
