// Checking a committee the user named against those the workbook's records name (issue 12 item 4).

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Edit distance between two short texts (committee names): insertions, deletions, substitutions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known names nearest to `wanted`: those containing it or contained in it first, then by edit distance. */
export function nearestNames(wanted: string, known: string[], count = 3): string[] {
  const w = fold(wanted);
  const score = (name: string) => {
    const n = fold(name);
    const contains = n.includes(w) || w.includes(n) ? 0 : 1;
    return [contains, distance(w, n) / Math.max(w.length, n.length, 1)];
  };
  return [...known]
    .map((name) => ({ name, s: score(name) }))
    .sort((a, b) => a.s[0] - b.s[0] || a.s[1] - b.s[1] || a.name.localeCompare(b.name, "en-GB"))
    .slice(0, count)
    .map((x) => x.name);
}

/**
 * A message when the committee matches none the records name, else undefined. A workbook that
 * names no committee at all has nothing to check against: every record belongs to every committee.
 */
export function checkCommittee(wanted: string | undefined, known: string[]): string | undefined {
  if (!wanted?.trim() || known.length === 0) return undefined;
  if (known.some((k) => fold(k) === fold(wanted))) return undefined;
  const nearest = nearestNames(wanted, known);
  const names = nearest.map((n) => `"${n}"`).join(", ");
  return `no committee "${wanted.trim()}" in the workbook; the nearest ${nearest.length === 1 ? "is" : "are"} ${names}`;
}
