import type { Period } from './period';

/** What every indicator is computed for: a period, optionally one agency, judged at `now` (what is overdue yet). */
export interface IndicatorScope {
  period: Period;
  agencyId?: string;
  now: Date;
}

/** One line of a count by some key, largest first (ties by key, so the order never depends on input order). */
export interface Count<K extends string = string> { key: K; count: number }

export function countBy<T, K extends string>(items: readonly T[], keyOf: (item: T) => K | undefined): Count<K>[] {
  const counts = new Map<K, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Counts for every key of a closed vocabulary, zeros included and in the vocabulary's order. */
export function countEach<T, K extends string>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K | undefined): Count<K>[] {
  return keys.map((key) => ({ key, count: items.filter((i) => keyOf(i) === key).length }));
}

/** A share to one decimal place of a percentage's base (0..1, three decimals); null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** The median of whole numbers (the mean of the middle two when even); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
