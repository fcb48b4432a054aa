// Close misspellings: "stauts", "overdeu", "CASP-2026-14". Optimal string alignment distance (Levenshtein plus a
// swap of two neighbours counting as one edit), since swapped letters are the commonest typing slip.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many slips a word of this length may hold and still be recognised: none up to 3 letters ("hi" is not "ho"), then 1, 2, 3. */
export const tolerance = (word: string): number => (word.length <= 3 ? 0 : word.length <= 5 ? 1 : word.length <= 8 ? 2 : 3);

/**
 * The candidate nearest to `typed` (case-insensitive), if it is close enough and nearer than any other; a tie between
 * two different candidates suggests nothing, since guessing wrong is worse than asking.
 */
export function nearest(typed: string, candidates: readonly string[], maxDistance = tolerance(typed)): string | undefined {
  const word = typed.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  let tie = false;
  for (const candidate of new Set(candidates)) {
    const distance = editDistance(word, candidate.toLowerCase());
    if (distance > maxDistance) continue;
    if (!best || distance < best.distance) {
      best = { candidate, distance };
      tie = false;
    } else if (distance === best.distance && candidate.toLowerCase() !== best.candidate.toLowerCase()) {
      tie = true;
    }
  }
  return best && !tie ? best.candidate : undefined;
}
