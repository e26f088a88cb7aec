/** Levenshtein distance, case-insensitive: names in USQL are case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/** The candidates closest to `name`, at most `count`, within a distance that still looks like a typo. */
export function closestNames(name: string, candidates: readonly string[], count = 3): string[] {
  const threshold = Math.max(2, Math.floor(name.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter((entry) => entry.distance <= threshold || entry.candidate.toLowerCase().includes(name.toLowerCase()))
    .sort((p, q) => p.distance - q.distance || p.candidate.localeCompare(q.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

export function didYouMean(name: string, candidates: readonly string[]): string {
  const close = closestNames(name, candidates);
  if (close.length === 0) return '';
  return ` — did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?`;
}
