// Shared by the chart tests: hand-made chart plans on a real build's summary, and the output's parts
// read back as element trees (saxes, a strict parser: a part that is not well-formed fails here).
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { SaxesParser } from "saxes";
import { runScorecard } from "../../src/engine/scorecard";
import type { ChartPlan, SheetPlan } from "../../src/engine/vocab/plan";
import { readPackage, writePatchedPackage } from "../../src/xlsx";
import type { Problem } from "../../src/engine/vocab/types";
import { readParts, type Parts } from "./helpers/zip-parts";
import { relsPartOf, resolveTarget } from "../../src/xlsx/package/relationships";

export const SAMPLE = path.join(__dirname, "../../samples/broxtowe-pentana.xlsx");
const OPTIONS = { preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30", today: "2021-07-05" };

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.write(xml).close();
  return root.children[0];
}

/** Every element named `name` under `el`, depth first. */
export function all(el: El, name: string): El[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}
export const one = (el: El, name: string): El => {
  const found = all(el, name);
  if (found.length !== 1) throw new Error(`${found.length} <${name}> in <${el.name}>`);
  return found[0];
};

/** N charts on the summary, their data in columns AN:AS (outside the printed columns), one row each. */
export function withCharts(plans: SheetPlan[], count: number, sheetPrefix = "Summary"): SheetPlan[] {
  return plans.map((p) => {
    if (p.action !== "create" || !p.sheet.startsWith(sheetPrefix)) return p;
    const rows = Array.from({ length: count }, (_, i) => [
      ["Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"],
      [10 + i, 12, 9, 14, 11],
      [12, 12, 12, 12, 12],
    ]).flat();
    const charts: ChartPlan[] = Array.from({ length: count }, (_, i) => ({
      kind: "line",
      title: `Indicator ${i + 1} & "trend" <by quarter>`,
      description: `Line chart of indicator ${i + 1}: actual against target over five quarters.`,
      categories: { top: 3 * i, left: 39, bottom: 3 * i, right: 43 },
      series: [
        { name: "Actual", values: { top: 3 * i + 1, left: 39, bottom: 3 * i + 1, right: 43 } },
        { name: "Target", values: { top: 3 * i + 2, left: 39, bottom: 3 * i + 2, right: 43 }, dashed: true },
      ],
      anchor: { top: 4 + 12 * i, left: 12, bottom: 14 + 12 * i, right: 18 },
    }));
    return { ...p, blocks: [...p.blocks, { row: 0, col: 39, values: rows }], charts };
  });
}

/** Builds `input` with the sample's options and `edit` applied to the plans; the output's parts. */
export async function buildWith(input: string | Buffer, edit: (plans: SheetPlan[]) => SheetPlan[]): Promise<{ out: string; parts: Parts; plans: SheetPlan[]; problems: Problem[] }> {
  const read = await readPackage(input, "input.xlsx");
  const run = runScorecard(read.grids, { ...OPTIONS, ownedSheets: read.ownedSheets });
  const plans = edit(run.plans);
  const out = path.join(mkdtempSync(path.join(tmpdir(), "rag-charts-")), "built.xlsx");
  let problems: Problem[];
  try {
    ({ problems } = await writePatchedPackage(read, plans, out));
  } finally {
    read.pkg.close();
  }
  return { out, parts: await readParts(out), plans, problems };
}

export const bytesOf = (p: string): Buffer => readFileSync(p);

export const text = (parts: Parts, name: string): string => {
  const b = parts.get(name);
  if (!b) throw new Error(`${name} is not in the package`);
  return b.toString("utf8");
};

/** The relationships of a part: id → resolved part name and type. */
export function relsOf(parts: Parts, source: string): Map<string, { part: string; type: string }> {
  const out = new Map<string, { part: string; type: string }>();
  const rels = parts.get(relsPartOf(source));
  if (!rels) return out;
  for (const r of all(parseXml(rels.toString("utf8")), "Relationship")) out.set(r.attrs.Id, { part: resolveTarget(source, r.attrs.Target) as string, type: r.attrs.Type.replace(/^.*\//, "") });
  return out;
}

export function overrides(parts: Parts): Map<string, string> {
  return new Map(all(parseXml(text(parts, "[Content_Types].xml")), "Override").map((o) => [o.attrs.PartName.replace(/^\//, ""), o.attrs.ContentType]));
}

/** The sheet part of a named sheet, through the workbook's relationships. */
export function sheetPart(parts: Parts, name: string): string {
  const sheet = all(parseXml(text(parts, "xl/workbook.xml")), "sheet").find((s) => s.attrs.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return relsOf(parts, "xl/workbook.xml").get(sheet.attrs["r:id"])?.part as string;
}

/** Each chart of a sheet, as drawn: its anchor element and its chart part, every link checked. */
export function chartsOf(parts: Parts, sheet: string): { anchor: El; part: string; chart: El }[] {
  const part = sheetPart(parts, sheet);
  const ws = parseXml(text(parts, part));
  const drawings = all(ws, "drawing");
  if (!drawings.length) return [];
  expect(drawings).toHaveLength(1);
  const drawingRel = relsOf(parts, part).get(drawings[0].attrs["r:id"]);
  expect(drawingRel?.type).toBe("drawing");
  const drawingPart = drawingRel?.part as string;
  expect(overrides(parts).get(drawingPart)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
  const drawing = parseXml(text(parts, drawingPart));
  const chartRels = relsOf(parts, drawingPart);
  return all(drawing, "xdr:twoCellAnchor").map((anchor) => {
    const rel = chartRels.get(one(anchor, "c:chart").attrs["r:id"]);
    expect(rel?.type).toBe("chart");
    expect(overrides(parts).get(rel?.part as string)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    return { anchor, part: rel?.part as string, chart: parseXml(text(parts, rel?.part as string)) };
  });
}

export const sheetNames = (parts: Parts): string[] => all(parseXml(text(parts, "xl/workbook.xml")), "sheet").map((s) => s.attrs.name);
