/** Inputs longer than this get no suggestion: no name is that long, and the work would grow with it. */
const MAX_SUGGESTED_INPUT = 64;

/**
 * "Did you mean" for misspelled enum values and keys: the closest candidate within a small edit
 * distance. The work is bounded whatever the input: a long input gets no suggestion, and a
 * candidate whose length differs by more than the limit is not measured (the distance is at least
 * the difference in length).
 */
export function closest(input: string, candidates: readonly string[], maxDistance?: number): string | undefined {
  if (input.length > MAX_SUGGESTED_INPUT) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = maxDistance ?? Math.max(2, Math.floor(input.length / 3));
  for (const c of candidates) {
    if (c === input || Math.abs(c.length - input.length) > limit) continue;
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // A suggestion that shares no character position with the input is a guess, not a correction.
  if (bestDistance <= limit && bestDistance < input.length) return best;
  // A word the user left out ("finance" for "new-finance") is a large edit but an obvious match.
  const containing = candidates.filter((c) => input.length >= 4 && c.toLowerCase().includes(input.toLowerCase()));
  return containing.length === 1 ? containing[0] : undefined;
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const c = closest(input, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
