import { LONDON, londonDate } from '../domain/time';

/**
 * The idempotency key of a once-a-day card: `<kind>:<scope>:<UK date>`, e.g. `overdue:<conversation>:2026-03-29`.
 * Queue the day's overdue digest for a channel with it and a second scan on the same UK day (a retry, another
 * instance, a coordinator's button) finds the row already there instead of posting the same actions again. The date
 * is the UK one: a scan at 00:30 BST belongs to the new day although it is still yesterday in UTC.
 */
export function dailyKey(kind: string, scope: string, at: Date, timeZone: string = LONDON): string {
  if (!kind || !scope) throw new Error('dailyKey needs a kind and a scope');
  return `${kind}:${scope}:${londonDate(at, timeZone)}`;
}
