// The merges a create plan asks for that can be made: plain merges, then each row of each
// "merge across" area as a merge of its own. Overlaps and invalid ranges are reported and left out.
import type { CellRange, Problem } from "../../engine/vocab/types";
import type { SheetPlan } from "../../engine/vocab/plan";
import { rangeToA1, toA1 } from "../../engine/vocab/address";
import { rangeOk } from "./sheet-edits";

/** Merged areas by row, for overlap checks: most merges are one row high, so a row holds few. */
class MergeAreas {
  private readonly byRow = new Map<number, number[]>(); // row → [left, right, left, right, …]

  overlaps(m: CellRange): boolean {
    for (let r = m.top; r <= m.bottom; r++) {
      const spans = this.byRow.get(r);
      if (!spans) continue;
      for (let k = 0; k < spans.length; k += 2) if (spans[k] <= m.right && m.left <= spans[k + 1]) return true;
    }
    return false;
  }

  add(m: CellRange): void {
    for (let r = m.top; r <= m.bottom; r++) {
      const spans = this.byRow.get(r);
      if (spans) spans.push(m.left, m.right);
      else this.byRow.set(r, [m.left, m.right]);
    }
  }
}

export function mergesToMake(plan: SheetPlan, problems: Problem[]): CellRange[] {
  const taken = new MergeAreas();
  const made: CellRange[] = [];
  const take = (m: CellRange): void => {
    if (m.top === m.bottom && m.left === m.right) return;
    if (taken.overlaps(m)) {
      problems.push({ sheet: plan.sheet, cell: rangeToA1(m), message: "These cells overlap another merged area, so they were not merged.", severity: "warning" });
      return;
    }
    taken.add(m);
    made.push(m);
  };
  const invalid = (m: CellRange): void => {
    problems.push({ sheet: plan.sheet, cell: toA1(Math.max(0, m.top), Math.max(0, m.left)), message: "A merged area in the plan is not a valid range, so it was skipped.", severity: "warning" });
  };
  for (const m of plan.merges) {
    if (rangeOk(m)) take(m);
    else invalid(m);
  }
  for (const area of plan.rowMerges ?? []) {
    if (!rangeOk(area)) invalid(area);
    else for (let r = area.top; r <= area.bottom; r++) take({ top: r, left: area.left, bottom: r, right: area.right });
  }
  return made;
}
