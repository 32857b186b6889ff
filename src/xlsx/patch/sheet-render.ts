// Our own sheets (Summary, Scorecard Rules, the state sheet) rendered straight from their plans to
// worksheet XML, a few hundred rows at a time: a 100,000-row summary is never whole in memory.
import type { Problem } from "../../engine/vocab/types";
import type { SheetPlan } from "../../engine/vocab/plan";
import { rangeToA1, toA1 } from "../../engine/vocab/address";
import { PlanCells } from "./plan-cells";
import { sheetDataBytes } from "./sheet-data";
import { argb } from "./styles-append";
import { widthText } from "./sheet-head";
import type { XfResolver } from "./sheet-patch";
import { encodeXstring, escapeText } from "./xml-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Excel's limits: header and footer text, manual page breaks in a sheet. */
const MAX_HEADER = 255;
const MAX_BREAKS = 1026;
const MAX_ROWS = 1048576;
/** Text handed out at a time: a few dozen rows. */
const CHUNK = 64 * 1024;

/** What the workbook part needs to know about a rendered sheet. */
export interface RenderedSheetInfo {
  /** Rows repeated at the top of each printed page, one-based ("1:3"), for _xlnm.Print_Titles. */
  printTitleRows?: string;
  /** The cells printed, absolute ("$A$1:$K$80"), for _xlnm.Print_Area; absent for the whole used range. */
  printArea?: string;
}

export function renderedSheetInfo(plan: SheetPlan): RenderedSheetInfo {
  const info: RenderedSheetInfo = {};
  const rows = plan.print?.repeatRows;
  if (rows && rows.first >= 0 && rows.last >= rows.first && rows.last < MAX_ROWS) info.printTitleRows = `$${rows.first + 1}:$${rows.last + 1}`;
  const area = plan.print?.printArea;
  if (area && area.top >= 0 && area.left >= 0 && area.bottom >= area.top && area.right >= area.left && area.bottom < MAX_ROWS && area.right < 16384) {
    info.printArea = rangeToA1(area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  }
  return info;
}

function headerText(text: string): string {
  return escapeText(encodeXstring(text.slice(0, MAX_HEADER)));
}

/** Everything before <sheetData>. */
function head(plan: SheetPlan, cells: PlanCells): string {
  const tab = argb(plan.tabColor);
  const sheetPr = [tab ? `<tabColor rgb="${tab}"/>` : "", plan.print ? '<pageSetUpPr fitToPage="1"/>' : ""].join("");
  let pane = "";
  const f = plan.freeze;
  if (f && (f.rows > 0 || f.cols > 0)) {
    const active = f.rows > 0 && f.cols > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
    const split = `${f.cols > 0 ? ` xSplit="${f.cols}"` : ""}${f.rows > 0 ? ` ySplit="${f.rows}"` : ""}`;
    pane = `<pane${split} topLeftCell="${toA1(f.rows, f.cols)}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${toA1(f.rows, f.cols)}" sqref="${toA1(f.rows, f.cols)}"/>`;
  }
  const widths = new Map<number, number>();
  for (const { col, width } of plan.columnWidths) if (col >= 0 && col < 16384 && Number.isFinite(width) && width >= 0) widths.set(col, width);
  const cols = [...widths.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, width]) => `<col min="${col + 1}" max="${col + 1}" width="${widthText(width)}" customWidth="1"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (sheetPr ? `<sheetPr>${sheetPr}</sheetPr>` : "") +
    `<dimension ref="${cells.extent ? rangeToA1(cells.extent) : "A1"}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "")
  );
}

/** Everything after <mergeCells>: margins, print setup, header and footer, page breaks. */
function tail(plan: SheetPlan): string {
  let out = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const p = plan.print;
  if (!p) return out;
  const wide = Number.isInteger(p.fitToPagesWide) && p.fitToPagesWide >= 0 ? p.fitToPagesWide : 1;
  out += `<pageSetup paperSize="9" orientation="${p.orientation === "portrait" ? "portrait" : "landscape"}" fitToWidth="${wide}" fitToHeight="0"/>`;
  if (p.header !== undefined || p.footer !== undefined) {
    out += "<headerFooter>";
    if (p.header !== undefined) out += `<oddHeader>${headerText(p.header)}</oddHeader>`;
    if (p.footer !== undefined) out += `<oddFooter>${headerText(p.footer)}</oddFooter>`;
    out += "</headerFooter>";
  }
  const breaks = [...new Set((p.rowBreaks ?? []).filter((r) => Number.isInteger(r) && r > 0 && r < MAX_ROWS))].sort((a, b) => a - b).slice(0, MAX_BREAKS);
  if (breaks.length) out += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  return out;
}

/**
 * The worksheet XML of a create plan, in pieces. Cell formats come from `xfFor` (styles-append.ts):
 * call it while rendering, and write styles.xml only after every sheet is rendered.
 */
export function* renderSheet(plan: SheetPlan, xfFor: XfResolver, problems: Problem[], drawingRelId?: string): Generator<string | Buffer> {
  const cells = new PlanCells(plan, problems);
  yield head(plan, cells) + "<sheetData>";
  yield* sheetDataBytes(cells, xfFor);
  let out = "</sheetData>";
  if (cells.merges.length) {
    out += `<mergeCells count="${cells.merges.length}">`;
    for (const m of cells.merges) {
      out += `<mergeCell ref="${rangeToA1(m)}"/>`;
      if (out.length >= CHUNK) {
        yield out;
        out = "";
      }
    }
    out += "</mergeCells>";
  }
  // <drawing> comes after the page setup and breaks (CT_Worksheet order); chart-parts.ts writes the part.
  yield out + tail(plan) + (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : "") + "</worksheet>";
}
