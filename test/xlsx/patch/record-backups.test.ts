// The file host keeps the add-in's record as Apply colours keeps it (src/excel/saved.ts mergeBackups):
// a cell coloured for the first time is backed up, a cell backed up earlier keeps its backup.
import { emptySheetPlan, type SheetPlan } from "../../../src/engine/vocab/plan";
import { emptyMemory, keyedBySheet, type SheetMemory } from "../../../src/excel/saved";
import { FormatsReplaced, followSortedRows, putBack, recordBuild, staleCells, withChanges } from "../../../src/xlsx/patch/record-backups";
import { keyOf } from "../../../src/engine/trackers/row-keys";
import { CellSet, cellKey } from "../../../src/excel/cells";
import type { SheetGrid } from "../../../src/engine/vocab/types";
import { sheetEdits } from "../../../src/xlsx/patch/sheet-edits";

/** Our column F (rows 1–3) written, rows 2–3 coloured; `seen` the formats the patch replaced. */
function sheet(name: string, seen: [number, number, number][], leaveAlone?: { row: number; col: number }[], widths = new Map<number, number>()) {
  const plan: SheetPlan = { ...emptySheetPlan(name, "edit"), blocks: [{ row: 0, col: 5, values: [["Status (auto)"], ["✓ On target"], ["▲ Off target"]] }], ...(leaveAlone ? { leaveAlone } : {}) };
  const replaced = new FormatsReplaced();
  for (const [row, col, xf] of seen) replaced.add(row, col, xf);
  return { name, plan, replaced, widths };
}

describe("recordBuild", () => {
  test("a sheet the record does not know gets an entry: the cells written, and a backup of each format replaced", () => {
    const saved: Record<string, SheetMemory> = {};
    const update = recordBuild(saved, [
      sheet("KPIs", [
        [1, 5, 0],
        [2, 5, 7],
        [1, 3, 4],
      ]),
    ]);
    expect(update.changed).toBe(true);
    expect(saved.KPIs.values.rects()).toEqual([{ top: 0, bottom: 2, left: 5, right: 5 }]);
    expect(saved.KPIs.backed.rects()).toEqual([
      { top: 1, bottom: 1, left: 3, right: 3 },
      { top: 1, bottom: 2, left: 5, right: 5 },
    ]);
    // Record columns from C (2), one per source column, in the order the record's cells are listed.
    expect([...saved.KPIs.cols]).toEqual([
      [3, 2],
      [5, 3],
    ]);
    expect(update.backups).toEqual([
      { row: 1, col: 3, xf: 0 },
      { row: 2, col: 3, xf: 7 },
      { row: 1, col: 2, xf: 4 },
    ]);
  });

  test("a cell backed up earlier keeps its backup (it shows our colours now); a second build changes nothing", () => {
    const saved: Record<string, SheetMemory> = {};
    recordBuild(saved, [sheet("KPIs", [[2, 5, 7]])]);
    // The same cells again, now showing our format 30: not backed up over the officer's 7.
    expect(recordBuild(saved, [sheet("KPIs", [[2, 5, 30]])])).toEqual({ changed: false, backups: [] });
  });

  test("columns already in the record keep theirs; a new column takes the next free one across every sheet", () => {
    const other = emptyMemory();
    other.backed.add(4, 1);
    other.cols.set(1, 6);
    const saved: Record<string, SheetMemory> = { Tasks: other };
    const update = recordBuild(saved, [sheet("KPIs", [[1, 5, 9]])]);
    expect(update.backups).toEqual([{ row: 1, col: 7, xf: 9 }]);
    expect(saved.Tasks.cols.get(1)).toBe(6);
  });

  test("a sheet's entry is found by its exact name first; the list of cells of ours becomes what this build wrote", () => {
    const exact = emptyMemory();
    exact.values.addRange({ top: 0, bottom: 5, left: 5, right: 5 });
    const other = emptyMemory();
    const saved: Record<string, SheetMemory> = { kpis: other, KPIs: exact };
    const update = recordBuild(saved, [sheet("KPIs", [])]);
    expect(update.changed).toBe(true);
    expect(saved.KPIs.values.rects()).toEqual([{ top: 0, bottom: 2, left: 5, right: 5 }]);
    expect(other.values.size).toBe(0);
    expect(recordBuild(saved, [sheet("KPIs", [])]).changed).toBe(false);
  });

  test("the width a column had before the build first sized it is kept, not the one it has after", () => {
    const saved: Record<string, SheetMemory> = {};
    expect(recordBuild(saved, [sheet("KPIs", [], undefined, new Map([[5, 48]]))]).changed).toBe(true);
    expect(recordBuild(saved, [sheet("KPIs", [], undefined, new Map([[5, 119.25]]))]).changed).toBe(false);
    expect([...saved.KPIs.widths]).toEqual([[5, 48]]);
  });
});

describe("staleCells and putBack", () => {
  // The last build wrote and coloured F1:F5 (backups of F2:F5 in record column C); this one only F1:F3.
  function lastBuild(): Record<string, SheetMemory> {
    const mem = emptyMemory();
    mem.values.addRange({ top: 0, bottom: 4, left: 5, right: 5 });
    mem.backed.addRange({ top: 0, bottom: 4, left: 5, right: 5 });
    mem.cols.set(5, 2);
    return { KPIs: mem };
  }
  const grid = (f4: string | number, f5: string | number): SheetGrid => ({
    name: "KPIs",
    values: [
      ["Ref", "Indicator", "Target", "Actual", "Polarity", "Status (auto)"],
      ["HE 1", "Rent", 97, 98, "Higher is better", "✓ On target"],
      ["HE 2", "Re-let", 30, 41, "Lower is better", "▲ Off target"],
      [null, null, null, null, null, f4],
      [null, null, null, null, null, f5],
    ],
  });
  const styled: SheetPlan = { ...sheet("KPIs", []).plan, styles: [{ style: { fill: "#C6EFCE" }, ranges: [{ top: 0, bottom: 2, left: 5, right: 5 }] }] };

  test("our statuses below the table are cleared and their formats put back; a figure the officer typed stays", () => {
    const saved = lastBuild();
    const stale = staleCells(saved, [styled], [grid("✓ On target", 42)]).get("KPIs")!;
    expect({ clear: stale.clear.rects(), restore: stale.restore.rects() }).toEqual({ clear: [{ top: 3, bottom: 3, left: 5, right: 5 }], restore: [{ top: 3, bottom: 4, left: 5, right: 5 }] });
    const clears: { row: number; col: number; xf: number }[] = [];
    const changes = putBack(stale, saved.KPIs, new Map([[cellKey(3, 2), 7]]), clears);
    // F4's backup is format 7; F5's record cell has none: the default format.
    expect(changes).toEqual([
      { row: 3, col: 5, value: null, xf: 7 },
      { row: 4, col: 5, xf: 0 },
    ]);
    expect(clears).toEqual([
      { row: 3, col: 2, xf: 0 },
      { row: 4, col: 2, xf: 0 },
    ]);
    expect(saved.KPIs.backed.rects()).toEqual([{ top: 0, bottom: 2, left: 5, right: 5 }]);
  });

  test("text an officer typed below the table stays; where our column moved, no format is put back", () => {
    const typed = staleCells(lastBuild(), [styled], [grid("Withdrawn by Cabinet", "✓ On target")]).get("KPIs")!;
    expect(typed.clear.rects()).toEqual([{ top: 4, bottom: 4, left: 5, right: 5 }]);
    // A column inserted before ours (live colours off): our heading is in G now, where this build writes and
    // colours, so F's record is not trusted: its backups are forgotten, none put back on the officer's F.
    const moved = grid("", "");
    moved.values = moved.values.map((line) => [...line.slice(0, 3), null, ...line.slice(3)]);
    const inG: SheetPlan = { ...styled, blocks: styled.blocks.map((b) => ({ ...b, col: 6 })), styles: [{ style: { fill: "#C6EFCE" }, ranges: [{ top: 0, bottom: 2, left: 6, right: 6 }] }] };
    const stale = staleCells(lastBuild(), [inG], [moved]).get("KPIs")!;
    expect([stale.restore.size, stale.forget.rects()]).toEqual([0, [{ top: 0, bottom: 4, left: 5, right: 5 }]]);
    const saved = lastBuild();
    const clears: { row: number; col: number; xf: number }[] = [];
    // No format is set anywhere, and the officer's Polarity text now in F1:F3 is not cleared (F4:F5 are blank).
    const changes = putBack(stale, saved.KPIs, new Map(), clears);
    expect(changes.every((c) => c.xf === undefined && c.row >= 3)).toBe(true);
    expect([saved.KPIs.backed.size, clears.length]).toEqual([0, 5]);
  });

  test("widths of columns the last build sized and this one does not: put back where the record is in place, else forgotten (helper-62)", () => {
    // The last build sized F (ours) and G (its Check column, hidden before: 0 points).
    const withWidths = (): Record<string, SheetMemory> => {
      const saved = lastBuild();
      saved.KPIs.widths.set(5, 48).set(6, 0);
      return saved;
    };
    const inPlace = staleCells(withWidths(), [styled], [grid("", "")]).get("KPIs")!;
    // Our column moved to G: the record's columns are the officer's now, and nothing is put back on them.
    const moved = grid("", "");
    moved.values = moved.values.map((line) => [...line.slice(0, 3), null, ...line.slice(3)]);
    const inG: SheetPlan = { ...styled, blocks: styled.blocks.map((b) => ({ ...b, col: 6 })), styles: [{ style: { fill: "#C6EFCE" }, ranges: [{ top: 0, bottom: 2, left: 6, right: 6 }] }] };
    const out = staleCells(withWidths(), [inG], [moved]).get("KPIs")!;
    expect({ back: [...inPlace.widths], gone: [...inPlace.widthsGone], movedBack: [...out.widths], movedGone: [...out.widthsGone].sort() }).toEqual({
      // F is still ours (this build writes there): it keeps its width.
      back: [[6, 0]],
      gone: [],
      movedBack: [],
      movedGone: [5],
    });
  });

  test("statuses of ours with no backup (a build before builds kept a record wrote them) are not the officer's to back up", () => {
    const ours = staleCells({}, [styled], [grid("", "")]).get("KPIs")!;
    expect([ours.ours.rects(), ours.clear.size, ours.restore.size]).toEqual([[{ top: 0, bottom: 2, left: 5, right: 5 }], 0, 0]);
    const saved: Record<string, SheetMemory> = {};
    const update = recordBuild(saved, [{ ...sheet("KPIs", [[2, 5, 30], [1, 3, 4]]), ours: ours.ours }]);
    expect(update.backups).toEqual([{ row: 1, col: 2, xf: 4 }]);
  });

  test("a build that writes and colours all the last one did has nothing stale", () => {
    const saved = lastBuild();
    const all: SheetPlan = { ...styled, blocks: [{ row: 0, col: 5, values: [["Status (auto)"], ["a"], ["b"], ["c"], ["d"]] }], styles: [{ style: { bold: true }, ranges: [{ top: 0, bottom: 4, left: 5, right: 5 }] }] };
    expect(staleCells(saved, [all], [grid("", "")]).size).toBe(0);
  });
});

describe("followSortedRows", () => {
  /** F2:F4 (rows 1–3) backed up in the record's column C as formats 11, 12 and 13, for HS01–HS03. */
  function sorted(refs: (string | null)[]) {
    const mem = emptyMemory();
    mem.backed.addRange({ top: 1, bottom: 3, left: 5, right: 5 });
    mem.cols.set(5, 2);
    mem.values.addRange({ top: 0, bottom: 3, left: 5, right: 5 });
    mem.keys = new Map(["HS01", "HS02", "HS03"].map((ref, i) => [i + 1, { col: 0, key: keyOf(ref) as string }]));
    const formats = new Map([1, 2, 3].map((row) => [cellKey(row, 2), 10 + row]));
    const grid: SheetGrid = { name: "KPIs", values: [["Ref", null, null, null, null, "Status"], ...refs.map((r) => [r])] };
    return { saved: { KPIs: mem }, mem, formats, grid };
  }

  test("each backup moves to its record's row: read from the record as it was, then written", () => {
    const { saved, mem, formats, grid } = sorted(["HS03", "HS01", "HS02"]);
    const moved = followSortedRows(saved, [grid], formats);
    expect(moved.sort((a, b) => a.row - b.row)).toEqual([
      { row: 1, col: 2, xf: 13 },
      { row: 2, col: 2, xf: 11 },
      { row: 3, col: 2, xf: 12 },
    ]);
    expect([1, 2, 3].map((row) => formats.get(cellKey(row, 2)))).toEqual([13, 11, 12]);
    expect(mem.keys?.get(1)?.key).toBe(keyOf("HS03"));
    // Our column's cells listed where they are now: a blank row sorted to the end holds none of ours.
    expect(mem.values.rects()).toEqual([{ top: 0, bottom: 3, left: 5, right: 5 }]);
    // Where the rows are now, nothing moves again.
    expect(followSortedRows(saved, [grid], formats)).toEqual([]);
  });

  test("a record whose row another took, its key not found, takes the row no other took (its cells were sorted there)", () => {
    // HS01's ref cleared and the rows sorted: HS02 on row 1, HS03 on row 2, HS01's row (no ref now) last.
    const { saved, mem, formats, grid } = sorted(["HS02", "HS03", null]);
    grid.values[3] = [null, "Households in temporary accommodation"];
    const moved = followSortedRows(saved, [grid], formats);
    expect(moved.sort((a, b) => a.row - b.row)).toEqual([
      { row: 1, col: 2, xf: 12 },
      { row: 2, col: 2, xf: 13 },
      { row: 3, col: 2, xf: 11 },
    ]);
    expect(formats.get(cellKey(3, 2))).toBe(11);
    expect(mem.backed.rects()).toEqual([{ top: 1, bottom: 3, left: 5, right: 5 }]);
    expect(mem.values.rects()).toEqual([{ top: 0, bottom: 3, left: 5, right: 5 }]);
  });

  test("a record's row deleted (the rows under it moved up): its backup goes nowhere, the empty row left gets none (helper-85)", () => {
    const { saved, mem, formats, grid } = sorted(["HS02", "HS03", null]);
    const moved = followSortedRows(saved, [grid], formats);
    expect(moved.sort((a, b) => a.row - b.row)).toEqual([
      { row: 1, col: 2, xf: 12 },
      { row: 2, col: 2, xf: 13 },
      { row: 3, col: 2, xf: 0 },
    ]);
    expect(mem.backed.rects()).toEqual([{ top: 1, bottom: 2, left: 5, right: 5 }]);
  });

  test("a moved backup put back in the same build is cleared: one change per record cell, the last", () => {
    const { saved, mem, formats, grid } = sorted(["HS03", "HS01", "HS02"]);
    const clears = followSortedRows(saved, [grid], formats);
    const stale = { clear: new CellSet(), restore: new CellSet(), forget: new CellSet(), ours: new CellSet(), widths: new Map(), widthsGone: new Set<number>(), inPlace: true };
    stale.restore.add(2, 5);
    // HS01's own format (11) goes back to its row now.
    expect(putBack(stale, mem, formats, clears)).toEqual([expect.objectContaining({ row: 2, col: 5, xf: 11 })]);
    const { backups } = recordBuild(saved, [], clears);
    expect(backups.filter((b) => b.row === 2)).toEqual([{ row: 2, col: 2, xf: 0 }]);
    expect(backups).toHaveLength(3);
  });
});

describe("withChanges", () => {
  test("puts the backups into the rows of column A's edits and after them, in order, and widens the extent", () => {
    const plan: SheetPlan = { ...emptySheetPlan("RagScorecardState", "edit"), blocks: [{ row: 0, col: 0, values: [["a1"], ["memory"]] }] };
    const edits = withChanges(sheetEdits(plan, [], false), [
      { row: 4, col: 3, xf: 2 },
      { row: 1, col: 2, xf: 5 },
      { row: 4, col: 2, xf: 0 },
    ]);
    expect(edits.rows.map((r) => [r.row, r.cells.map((c) => [c.col, c.value ?? null, c.xf ?? null])])).toEqual([
      [0, [[0, "a1", null]]],
      [
        1,
        [
          [0, "memory", null],
          [2, null, 5],
        ],
      ],
      [
        4,
        [
          [2, null, 0],
          [3, null, 2],
        ],
      ],
    ]);
    expect(edits.extent).toEqual({ top: 0, bottom: 4, left: 0, right: 3 });
  });
});

describe("keyedBySheet", () => {
  test("an entry under a name the workbook has only in another case moves to the sheet's name; one that would clash stays", () => {
    const [a, b, c] = [emptyMemory(), emptyMemory(), emptyMemory()];
    const out = keyedBySheet({ kpis: a, Tasks: b, TASKS: c, Gone: emptyMemory() }, ["KPIs", "Tasks"]);
    expect(Object.keys(out).sort()).toEqual(["Gone", "KPIs", "TASKS", "Tasks"]);
    expect([out.KPIs, out.Tasks, out.TASKS]).toEqual([a, b, c]);
    expect([out.KPIs === a, out.Tasks === b, out.TASKS === c]).toEqual([true, true, true]);
  });
});
