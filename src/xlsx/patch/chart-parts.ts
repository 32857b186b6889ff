// The parts that draw our sheets' charts: for each rendered sheet whose plan has charts, one drawing
// part, one chart part per chart, the sheet's relationships to the drawing, and their content types.
// Part numbers are ones the output has free (the input's own drawings and charts keep theirs); the
// parts of a summary being replaced are dropped with it (owned-parts.ts) and their numbers reused.
import type { CellRange, Problem } from "../../engine/vocab/types";
import type { ChartPlan, PlanValue, SheetPlan } from "../../engine/vocab/plan";
import { toA1 } from "../../engine/vocab/address";
import type { PackageRead } from "../read-package";
import { relsPartOf } from "../package/relationships";
import { chartXml, rangeCells, type CellValueAt } from "./chart-xml";
import { CHART_REL, DRAWING_REL, drawingXml, relsXml } from "./drawing-xml";

export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const MAX_ROW = 1048575;
const MAX_COL = 16383;

export interface ChartParts {
  /** The `<drawing r:id>` of each rendered sheet part that has charts (keys in lower case). */
  drawingRelFor: Map<string, string>;
  /** Parts to add to the output, whole. */
  entries: { name: string; text: string }[];
  contentTypes: { part: string; type: string }[];
  /** Input entries written over by one of ours (a stray .rels under a new sheet's name): leave them out. */
  replaces: string[];
}

function validRange(r: CellRange | undefined): r is CellRange {
  return !!r && [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) && r.top <= r.bottom && r.left <= r.right && r.bottom <= MAX_ROW && r.right <= MAX_COL;
}

const isLine = (r: CellRange): boolean => r.top === r.bottom || r.left === r.right;
const lengthOf = (r: CellRange): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Why a chart cannot be drawn as planned, or undefined when it can. */
export function chartFault(c: ChartPlan): string | undefined {
  if (c.kind !== "line") return `it is a "${String(c.kind)}" chart, and only line charts are drawn`;
  if (!validRange(c.anchor)) return "the cells it should cover are not on the sheet";
  if (!validRange(c.categories) || !isLine(c.categories)) return "its period labels are not one row or one column";
  if (!c.series.length) return "it has no series";
  for (const s of c.series) {
    if (!validRange(s.values) || !isLine(s.values)) return `its series "${s.name}" is not one row or one column`;
    if (lengthOf(s.values) !== lengthOf(c.categories)) return `its series "${s.name}" has ${lengthOf(s.values)} figures for ${lengthOf(c.categories)} periods`;
  }
  return undefined;
}

/** The plan's value of each cell the charts read, from its blocks (one pass over the blocks). */
function planValues(plan: SheetPlan, charts: ChartPlan[]): CellValueAt {
  const wanted = charts.flatMap((c) => [c.categories, ...c.series.map((s) => s.values)]);
  const key = (row: number, col: number) => row * 16384 + col;
  const need = new Set(wanted.flatMap((r) => rangeCells(r).map((c) => key(c.row, c.col))));
  const values = new Map<number, PlanValue>();
  for (const b of plan.blocks) {
    const bottom = b.row + b.values.length - 1;
    // Reduced, not spread: a block may hold 100,000 rows, past the call stack (helper-80: the build failed).
    const right = b.col + b.values.reduce((n, r) => Math.max(n, r.length), 0) - 1;
    for (const r of wanted) {
      if (r.bottom < b.row || r.top > bottom || r.right < b.col || r.left > right) continue;
      for (const c of rangeCells(r)) {
        const v = b.values[c.row - b.row]?.[c.col - b.col];
        if (v !== undefined && need.has(key(c.row, c.col))) values.set(key(c.row, c.col), v);
      }
    }
  }
  return (row, col) => values.get(key(row, col));
}

/** `to` as a relationship target relative to the folder of `from` ("../charts/chart1.xml"). */
export function relativeTarget(from: string, to: string): string {
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let same = 0;
  while (same < base.length && same < target.length - 1 && base[same] === target[same]) same++;
  return [...base.slice(same).map(() => ".."), ...target.slice(same)].join("/");
}

/** Free part names "<folder><stem>N.xml", N counting from 1, none of them in `taken` (lower case). */
function freeNames(folder: string, stem: string, count: number, taken: Set<string>): string[] {
  const out: string[] = [];
  for (let n = 1; out.length < count; n++) {
    const name = `${folder}${stem}${n}.xml`;
    if (!taken.has(name.toLowerCase())) out.push(name);
  }
  return out;
}

/**
 * The chart parts for the rendered sheets. `dropped` are input entries left out of the output (their
 * names are free again). Charts that cannot be drawn are problems naming the sheet and the chart's cell.
 */
export function planChartParts(read: PackageRead, rendered: { part: string; plan: SheetPlan }[], dropped: Set<string>, problems: Problem[]): ChartParts {
  const out: ChartParts = { drawingRelFor: new Map(), entries: [], contentTypes: [], replaces: [] };
  const gone = new Set([...dropped].map((d) => d.toLowerCase()));
  const taken = new Set(read.pkg.entries.map((e) => e.name.toLowerCase()).filter((n) => !gone.has(n)));
  const folder = read.workbook.partName.slice(0, read.workbook.partName.lastIndexOf("/") + 1);
  for (const { part, plan } of rendered) {
    const charts = (plan.charts ?? []).filter((c) => {
      const fault = chartFault(c);
      if (fault) problems.push({ sheet: plan.sheet, cell: validRange(c.anchor) ? toA1(c.anchor.top, c.anchor.left) : "", message: `The chart "${c.title}" was not drawn: ${fault}.`, severity: "warning" });
      return !fault;
    });
    if (!charts.length || plan.action !== "create") continue;
    const [drawing] = freeNames(`${folder}drawings/`, "drawing", 1, taken);
    const chartNames = freeNames(`${folder}charts/`, "chart", charts.length, taken);
    for (const n of [drawing, ...chartNames]) taken.add(n.toLowerCase());
    const at = planValues(plan, charts);
    const chartRels = charts.map((_, i) => ({ id: `rId${i + 1}`, type: CHART_REL, target: relativeTarget(drawing, chartNames[i]) }));
    const sheetPart = read.pkg.entryName(part) ?? part;
    const sheetRels = relsPartOf(sheetPart);
    const stray = read.pkg.entryName(sheetRels);
    const drawingRels = read.pkg.entryName(relsPartOf(drawing));
    for (const e of [stray, drawingRels]) if (e && !gone.has(e.toLowerCase())) out.replaces.push(e);
    out.entries.push(
      { name: sheetRels, text: relsXml([{ id: "rId1", type: DRAWING_REL, target: relativeTarget(sheetPart, drawing) }]) },
      { name: drawing, text: drawingXml(charts, chartRels.map((r) => r.id)) },
      { name: relsPartOf(drawing), text: relsXml(chartRels) },
      ...charts.map((c, i) => ({ name: chartNames[i], text: chartXml(c, plan.sheet, at) })),
    );
    out.contentTypes.push({ part: drawing, type: DRAWING_TYPE }, ...chartNames.map((p) => ({ part: p, type: CHART_TYPE })));
    out.drawingRelFor.set(part.toLowerCase(), "rId1");
  }
  return out;
}
