// Hand-built workbooks and plans shaped like what the planners will produce (they are written elsewhere).
import type { PlanValue, SheetPlan, StyleGroup } from "../../src/engine/vocab/plan";
import { emptySheetPlan } from "../../src/engine/vocab/plan";
import type { CellRange, CellValue } from "../../src/engine/vocab/types";
import type { FakeExcel, FakeWorkbookInit } from "../../src/fake-excel";
import { parseOwned, STATE_SHEET } from "../../src/excel/state";
import type { OwnedSheet } from "../../src/excel/state";

/** Our record sheet as the fake holds it: the owned sheets (A1) and the saved formats' JSON (A2…). */
export function stateOf(fake: FakeExcel): { owned: OwnedSheet[]; saved: string; visibility: string } | undefined {
  const view = fake.sheet(STATE_SHEET);
  if (!view) return undefined;
  const column = view.values.map((line) => String(line[0] ?? ""));
  return { owned: parseOwned(column[0]), saved: column.slice(1).join(""), visibility: view.visibility };
}

export const STATUSES = [
  // As the engine writes them (a preset's symbol, a space, its label): Remove colours clears only text in that shape.
  { key: "green", label: "✓ On target", fill: "#00B050", font: "#FFFFFF" },
  { key: "amber", label: "● Within tolerance", fill: "#FFC000", font: "#000000" },
  { key: "red", label: "▲ Off target", fill: "#C00000", font: "#FFFFFF" },
  { key: "blue", label: "★ Good", fill: "#0070C0", font: "#FFFFFF" },
  { key: "grey", label: "? No data", fill: "#A6A6A6", font: "#000000" },
];

const cell = (row: number, col: number): CellRange => ({ top: row, left: col, bottom: row, right: col });

/** An officer's tracker: header in row 1, n indicators; the manual status column E carries the officer's own formats. */
export function tracker(n: number): FakeWorkbookInit {
  const values: CellValue[][] = [["Ref", "Indicator", "Target", "Actual", "Status"]];
  for (let i = 0; i < n; i++) values.push([`PI ${i + 1}`, `Indicator number ${i + 1}`, 100 + (i % 7), 90 + (i % 13), ["G", "A", "R", "", "G"][i % 5]]);
  return {
    sheets: [
      {
        name: "Indicators",
        values,
        formats: [
          { address: "A1:E1", format: { bold: true, fill: "#D9E1F2" } },
          { address: `E2:E${Math.min(n + 1, 4)}`, format: { fill: "#FFFF00", italic: true } },
          { address: `E${Math.min(n + 1, 5)}`, format: { fontColor: "#FF0000", fontName: "Arial", fontSize: 9 } },
        ],
      },
      { name: "Notes", values: [["Keep me"]] },
    ],
  };
}

/**
 * Apply colours: the owned column F ("Status (auto)") gets the computed status of each row,
 * and both status cells (E, the officer's, and F) get the status colours. Single-cell ranges
 * scattered over five groups: the worst case for addresses.
 */
export function applyPlan(n: number, shift = 0): SheetPlan {
  const plan = emptySheetPlan("Indicators", "edit");
  const values: PlanValue[][] = [["Status (auto)"]];
  const groups: StyleGroup[] = STATUSES.map((s) => ({ style: { fill: s.fill, fontColor: s.font, bold: true }, ranges: [] }));
  for (let i = 0; i < n; i++) {
    const s = (i + shift) % STATUSES.length;
    values.push([STATUSES[s].label]);
    groups[s].ranges.push(cell(i + 1, 4), cell(i + 1, 5));
  }
  plan.blocks.push({ row: 0, col: 5, values });
  plan.styles.push({ style: { bold: true, fill: "#1F3864", fontColor: "#FFFFFF" }, ranges: [cell(0, 5)] }, ...groups.filter((g) => g.ranges.length));
  plan.columnWidths.push({ col: 5, width: 16 });
  return plan;
}

/** Build summary: title, key, a scorecard table of n rows, exceptions, print setup. */
export function summaryPlan(n: number, name = "Summary"): SheetPlan {
  const plan = emptySheetPlan(name, "create");
  const header = ["Ref", "Indicator", "Q1", "Q2", "Target", "Actual", "Status", "Trend", "Comment"];
  plan.blocks.push({ row: 0, col: 0, values: [["Performance report — Quarter 3 (October to December) 2010/11"], ["Report date 14 February 2011 · preset rag"]] });
  plan.blocks.push({ row: 3, col: 0, values: STATUSES.map((s) => [s.label, s.key]) });
  const rows: PlanValue[][] = [header];
  const statusGroups: StyleGroup[] = STATUSES.map((s) => ({ style: { fill: s.fill, fontColor: s.font }, ranges: [] }));
  const top = 9;
  for (let i = 0; i < n; i++) {
    const s = i % STATUSES.length;
    rows.push([`PI ${i + 1}`, `Percentage of household waste sent for reuse, recycling and composting (${i + 1})`, 0.41, 0.43, 0.45, 0.44 + (i % 3) / 100, STATUSES[s].label, "▲ improving", i % 50 === 0 ? "=SUM(A1) is not a formula" : "Slightly below target; recovery plan in place"]);
    statusGroups[s].ranges.push(cell(top + 1 + i, 6));
  }
  plan.blocks.push({ row: top, col: 0, values: rows });
  const table: CellRange = { top, left: 0, bottom: top + n, right: 8 };
  plan.styles.push(
    { style: { bold: true, fontSize: 16, fontName: "Calibri" }, ranges: [cell(0, 0)] },
    { style: { bold: true, fill: "#1F3864", fontColor: "#FFFFFF", wrap: true, vAlign: "center" }, ranges: [{ top, left: 0, bottom: top, right: 8 }] },
    { style: { border: "#BFBFBF" }, ranges: [table] },
    { style: { numberFormat: "0.0%", hAlign: "right" }, ranges: [{ top: top + 1, left: 2, bottom: top + n, right: 5 }] },
    ...statusGroups.filter((g) => g.ranges.length),
  );
  STATUSES.forEach((s, i) => plan.styles.push({ style: { fill: s.fill, fontColor: s.font }, ranges: [cell(3 + i, 0)] }));
  plan.merges.push({ top: 0, left: 0, bottom: 0, right: 8 }, { top: 1, left: 0, bottom: 1, right: 8 });
  plan.columnWidths.push(...[8, 50, 8, 8, 8, 8, 16, 12, 60].map((width, col) => ({ col, width })));
  plan.rowHeights.push({ row: 0, height: 24 });
  plan.freeze = { rows: top + 1, cols: 0 };
  plan.print = { orientation: "landscape", paper: "A4", fitToPagesWide: 1, repeatRows: { first: top, last: top }, header: "&LPerformance report&RPage &P of &N", footer: "&CPrinted &D" };
  plan.tabColor = "#1F3864";
  return plan;
}
