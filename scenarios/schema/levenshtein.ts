// "Did you mean …": the closest allowed name by edit distance, for unknown keys, names and paths.

/**
 * Edit distance with insert, delete, substitute and swap of two neighbours (optimal string alignment),
 * unit costs: 'netwrok' is one edit from 'network', as a typist would count it.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Distance to a candidate, or to its start plus one edit: 'treshold' is close to 'thresholdViewers'
 * (a field that gained a unit or a qualifier is still found).
 */
function nearness(w: string, c: string): number {
  const whole = editDistance(w, c);
  // short words match the start of too many names to mean anything
  if (w.length < 4 || c.length <= w.length + 2) return whole;
  let prefix = Infinity;
  for (let n = Math.max(1, w.length - 2); n <= w.length + 2; n++) prefix = Math.min(prefix, editDistance(w, c.slice(0, n)));
  return Math.min(whole, prefix + 1);
}

/**
 * The closest candidate within max(2, ⌊len/3⌋) edits (case-insensitive), or undefined. Ties go to the
 * earlier candidate, so the answer is deterministic.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = nearness(w, c.toLowerCase());
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** `did you mean 'x'?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const c = closest(word, candidates);
  return c === undefined ? undefined : `did you mean '${c}'?`;
}
