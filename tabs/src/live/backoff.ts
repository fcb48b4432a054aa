/**
 * How long to wait before reconnection attempt `attempt` (1 for the first retry): doubling from `baseMs` up to
 * `maxMs`, with "full jitter" (a random share of that ceiling) so thirty side panels that lost the same server do not
 * all come back in the same instant. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, { baseMs = 500, maxMs = 15_000, random = Math.random } = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // Never quite zero: half the ceiling is fixed, the rest is jitter.
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
