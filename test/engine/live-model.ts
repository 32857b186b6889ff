// Helpers for the live engine's tests: the samples' grids, and the cells of ours a host ends up with,
// modelled as values and styles per cell, so a full Apply and live updates can be compared.
import { join } from "path";
import { readXlsx } from "../../src/xlsx";
import { runScorecard, type ScorecardOptions } from "../../src/engine/scorecard";
import type { LiveUpdate } from "../../src/engine/live/types";
import type { SheetPlan } from "../../src/engine/vocab/plan";
import type { SheetGrid } from "../../src/engine/vocab/types";

export const SAMPLES: { file: string; options: ScorecardOptions }[] = [
  { file: "dudley-community-safety.xlsx", options: { preset: "dudley", reportDate: "2010-12-31", today: "2011-01-15" } },
  { file: "broxtowe-pentana.xlsx", options: { preset: "pentana", reportDate: "2021-06-30", today: "2021-07-15" } },
  { file: "derby-csp.xlsx", options: { preset: "rag", reportDate: "2010-03-31", today: "2010-04-15" } },
  { file: "cannock-pdp.xlsx", options: { preset: "cannock", reportDate: "2015-09-30", today: "2015-10-15" } },
];

export async function sampleGrids(file: string): Promise<SheetGrid[]> {
  return (await readXlsx(join(__dirname, "..", "..", "samples", file))).grids;
}

/** Deep copy, so each test edits its own grids. */
export function cloneGrids(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => ({ ...g, values: g.values.map((r) => [...(r ?? [])]), numberFormats: g.numberFormats?.map((r) => [...(r ?? [])]) }));
}

/** Our cells on the officers' sheets: "Sheet!row,col" → value and style (as JSON). Blank text counts as no value. */
export type CellModel = Map<string, { value?: string | number | boolean; style?: string }>;

function put(model: CellModel, sheet: string, row: number, col: number, change: { value?: unknown; style?: string }): void {
  const key = `${sheet}!${row},${col}`;
  const cell = { ...model.get(key) };
  if ("value" in change) {
    const v = change.value;
    if (v === "" || v === null || v === undefined) delete cell.value;
    else cell.value = v as string | number | boolean;
  }
  if (change.style !== undefined) cell.style = change.style;
  if (cell.value === undefined && cell.style === undefined) model.delete(key);
  else model.set(key, cell);
}

/** Writes edit plans into the model, as a host does: values, then styles (a style replaces the cell's whole style). */
export function applyPlans(model: CellModel, plans: SheetPlan[]): void {
  for (const plan of plans) {
    if (plan.action !== "edit") continue;
    for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => put(model, plan.sheet, b.row + i, b.col + j, { value: v })));
    for (const g of plan.styles) {
      const style = JSON.stringify(g.style, Object.keys(g.style).sort());
      for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) put(model, plan.sheet, row, col, { style });
    }
  }
}

/** A full Apply colours: earlier writes of ours undone, then the run's plans. */
export function fullApply(grids: SheetGrid[], options: ScorecardOptions): CellModel {
  const model: CellModel = new Map();
  applyPlans(model, runScorecard(grids, options).plans);
  return model;
}

/** A live update on the model: `cleared` cells put back, then the plans; a rescan is a full Apply. */
export function applyUpdate(model: CellModel, update: LiveUpdate, grids: () => SheetGrid[], options: ScorecardOptions): CellModel {
  if (update.kind === "none") return model;
  if (update.kind === "rescan") return fullApply(grids(), options);
  for (const { sheet, ranges } of update.cleared ?? []) {
    for (const r of ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) model.delete(`${sheet}!${row},${col}`);
  }
  applyPlans(model, update.plans);
  return model;
}

/** Writes a grid cell in sheet coordinates, growing the grid as needed (what the officer typed). */
export function setCell(grid: SheetGrid, row: number, col: number, value: SheetGrid["values"][0][0]): void {
  const o = grid.origin ?? { row: 0, col: 0 };
  while (grid.values.length <= row - o.row) grid.values.push([]);
  const line = grid.values[row - o.row];
  for (let i = line.length; i < col - o.col; i++) line[i] = null;
  line[col - o.col] = value;
}
