// Charts, pictures and shapes over our status columns, measured where Excel shows them once the colours
// are written: the add-in's half of the warning the command line gives from drawings' anchors
// (engine/trackers/colour.ts coveredStatusProblems). Office.js gives no drawing's cells, only points, so
// both the drawings and our columns are read in points, in the write's last request (no extra sync).
import type { Problem } from "../engine/vocab/types";
import type { StatusPlace } from "../engine/trackers/colour";
import { coveredStatusProblem } from "../engine/trackers/colour";
import type { XlChartCollection, XlRange, XlRequestContext, XlShape, XlShapeCollection, XlWorksheet } from "./api";

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Points of overlap below which a drawing only touches our cells (a border, a snapped edge): not a cover. */
const TOUCH = 1;

function covers(a: Box, b: Box): boolean {
  const across = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const down = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return across > TOUCH && down > TOUCH;
}

// "Unsupported" (a form control, a chart, SmartArt…) is left out: the command line names neither.
const SHAPE_KINDS: Record<string, "picture" | "shape" | undefined> = { Image: "picture", GeometricShape: "shape", Group: "shape", Line: "shape" };
const kindOf = (s: XlShape): "picture" | "shape" | undefined => SHAPE_KINDS[String(s.type)];

interface SheetLoads {
  ws: XlWorksheet;
  places: { place: StatusPlace; range: XlRange }[];
  charts: XlChartCollection;
  shapes: XlShapeCollection;
}

const GEOMETRY = "left,top,width,height";
const CHARTS = "items/name,items/left,items/top,items/width,items/height";
const SHAPES = "items/name,items/type,items/visible,items/left,items/top,items/width,items/height";

/**
 * Queue the reads for the warnings (in the request that sends the last writes); the returned function gives
 * them once that request has been sent. A place is queued as one range: its status columns over its rows.
 */
export function queueDrawingChecks(context: XlRequestContext, places: StatusPlace[]): () => Problem[] {
  const sheets = new Map<string, SheetLoads>();
  for (const place of places) {
    let loads = sheets.get(place.sheet);
    if (!loads) {
      const ws = context.workbook.worksheets.getItem(place.sheet);
      loads = {
        ws,
        places: [],
        charts: ws.charts.load(CHARTS),
        shapes: ws.shapes.load(SHAPES),
      };
      sheets.set(place.sheet, loads);
    }
    const range = loads.ws.getRangeByIndexes(place.firstRow, place.col, place.lastRow - place.firstRow + 1, place.last - place.col + 1).load(GEOMETRY);
    loads.places.push({ place, range });
  }
  return () => [...sheets.values()].flatMap(coveredPlaces);
}

function coveredPlaces(loads: SheetLoads): Problem[] {
  const problems: Problem[] = [];
  // Excel may list a chart among the shapes too: by its name, the chart is taken once, and not at all where hidden.
  const shapesByName = new Map(loads.shapes.items.map((s) => [s.name, s]));
  const charts = loads.charts.items.filter((c) => shapesByName.get(c.name)?.visible !== false);
  const chartNames = new Set(loads.charts.items.map((c) => c.name));
  const shapes = loads.shapes.items.filter((s) => s.visible && !chartNames.has(s.name) && kindOf(s));
  for (const { place, range } of loads.places) {
    const chart = charts.find((c) => covers(c, range));
    if (chart) {
      problems.push(coveredStatusProblem(place, "chart", `"${chart.name}"`));
      continue;
    }
    const shape = shapes.find((s) => covers(s, range));
    if (shape) problems.push(coveredStatusProblem(place, kindOf(shape) ?? "shape", `"${shape.name}"`));
  }
  return problems;
}
