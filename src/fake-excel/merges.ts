// A sheet's merged areas, indexed by bands of rows so a new merge is checked only against the areas
// near it: a summary with 70,000 merged rows merges in linear time, not quadratic.
import type { CellRange } from "../engine/vocab/types";

/** Rows per band: an area is listed in every band it touches. */
const BAND_ROWS = 64;

const bandOf = (row: number): number => Math.floor(row / BAND_ROWS);

function overlaps(a: CellRange, b: CellRange): boolean {
  return !(a.right < b.left || a.left > b.right || a.bottom < b.top || a.top > b.bottom);
}

export class MergedAreas {
  /** Every area, in the order merged (as the fake reports them). */
  private readonly areas = new Set<CellRange>();
  private readonly bands = new Map<number, Set<CellRange>>();

  constructor(initial: CellRange[] = []) {
    for (const m of initial) this.add(m);
  }

  list(): CellRange[] {
    return [...this.areas];
  }

  /** Areas sharing at least one cell with `rect`. */
  overlapping(rect: CellRange): CellRange[] {
    const out = new Set<CellRange>();
    for (let b = bandOf(rect.top); b <= bandOf(rect.bottom); b++) {
      for (const m of this.bands.get(b) ?? []) if (overlaps(m, rect)) out.add(m);
    }
    return [...out];
  }

  add(rect: CellRange): void {
    const m = { ...rect };
    this.areas.add(m);
    for (let b = bandOf(m.top); b <= bandOf(m.bottom); b++) {
      let band = this.bands.get(b);
      if (!band) this.bands.set(b, (band = new Set()));
      band.add(m);
    }
  }

  /** `m` must be an area this index returned (overlapping or list). */
  delete(m: CellRange): void {
    if (!this.areas.delete(m)) return;
    for (let b = bandOf(m.top); b <= bandOf(m.bottom); b++) {
      const band = this.bands.get(b);
      band?.delete(m);
      if (band?.size === 0) this.bands.delete(b);
    }
  }
}
