/** The most starts in any window [t, t + windowMs) that begins at a start. */
export function busiestWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    for (let j = i; j < sorted.length && sorted[j]! - sorted[i]! < windowMs; j++) n++;
    most = Math.max(most, n);
  }
  return most;
}
