// Whole percentages for the headline's "count (percent)" cells.

/**
 * Whole percentages by largest remainder, keeping ties equal: floors, then the spare points go to
 * the largest remainders, a whole group of equal remainders at a time. Equal counts always show
 * equal percentages (a reader compares them), so the sum may fall short of 100 ("33%" three times):
 * the headline then says the percentages are rounded (see `roundedShort`).
 */
export function percentages(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const out = exact.map(Math.floor);
  let spare = 100 - out.reduce((a, b) => a + b, 0);
  // Remainders compared in whole hundredths of a count: equal counts give equal keys, exactly.
  const rest = counts.map((c) => (c * 100) % total);
  const levels = [...new Set(rest.filter((r) => r > 0))].sort((a, b) => b - a);
  for (const level of levels) {
    const tied = rest.flatMap((r, i) => (r === level ? [i] : []));
    if (tied.length > spare) break;
    for (const i of tied) out[i]++;
    spare -= tied.length;
  }
  return out;
}
