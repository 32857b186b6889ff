// Queue everything one sheet plan writes. The batcher decides when requests are sent.
import type { PlanValue, PrintSetup, SheetPlan } from "../engine/vocab/plan";
import type { XlHeaderFooter, XlWorksheet } from "./api";
import { rangeAddress } from "./a1";
import { colToLetters } from "../engine/vocab/address";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD, jsonBytes, rowSlices } from "./chunk";
import { cellKey } from "./cells";
import { queueSizes, queueStyle } from "./formats";
import { queueNumberFormats, styleNumberFormats } from "./numformats";
import { queueCharts } from "./charts";

// Half a megabyte a slice: requests pack to near the 4 MB budget (whole-megabyte slices left up to a
// megabyte unused in each, costing a Build summary at 20,000 rows a seventh request).
const SLICE_BYTES = 500_000;

/** Excel's limits: columns up to 255 characters wide, rows up to 409 points tall, a header or footer up to 255 characters. */
export const MAX_WIDTH_CHARS = 255;
export const MAX_ROW_HEIGHT = 409;
export const MAX_HEADER_CHARS = 255;

/** Plan widths are in characters; Office.js wants points (Calibri 11: 7 px a character plus 5 px padding, 0.75 pt a pixel). */
export function charsToPoints(chars: number): number {
  const c = Math.min(MAX_WIDTH_CHARS, Math.max(0, chars));
  return Math.round((c * 7 + 5) * 0.75 * 100) / 100;
}

/** A row height Excel accepts. */
export function rowPoints(points: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(0, points));
}

/** Split an Excel header/footer code ("&LTitle&RPage &P of &N") into its left, centre and right sections. */
export function headerSections(code: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let part: keyof typeof out = "center";
  for (let i = 0; i < code.length; i++) {
    if (code[i] === "&" && code[i + 1] === "&") {
      out[part] += "&&";
      i++;
    } else if (code[i] === "&" && (code[i + 1] === "L" || code[i + 1] === "C" || code[i + 1] === "R")) {
      part = code[i + 1] === "L" ? "left" : code[i + 1] === "C" ? "center" : "right";
      i++;
    } else out[part] += code[i];
  }
  return out;
}

/**
 * Values as whole 2D arrays per block (sliced only to respect the payload limit). Every
 * non-empty string cell gets the text format "@" first, in the same request, so Excel
 * keeps it literally: "=SUM(A1)", "-5%", "007" or "1/2" never become formulas, numbers or dates.
 * The styles' number formats for the block's other cells ride in the same array; those taken are
 * removed from `formats` (what is left is written after the values).
 */
async function queueBlocks(batcher: Batcher, ws: XlWorksheet, plan: SheetPlan, formats: Map<number, string>): Promise<number> {
  let cells = 0;
  for (const b of plan.blocks) {
    const width = b.values.reduce((n, r) => Math.max(n, r.length), 0); // not spread: 100,000 rows overflow the stack
    if (width === 0) continue;
    const rows: (string | number | boolean)[][] = b.values.map((r) => Array.from({ length: width }, (_, j) => blank(r[j])));
    for (const slice of rowSlices(rows, SLICE_BYTES)) {
      let any = false;
      const nf = slice.rows.map((r, i) =>
        r.map((v, j) => {
          const k = cellKey(b.row + slice.start + i, b.col + j);
          const styled = formats.get(k);
          if (isText(v)) {
            if (styled === "@") formats.delete(k);
            any = true;
            return "@";
          }
          // A number written into a text-formatted cell could turn into text: "@" on a non-text cell waits until after.
          if (styled === undefined || (styled === "@" && v !== "")) return null;
          formats.delete(k);
          any = true;
          return styled;
        }),
      );
      const cost = OP_OVERHEAD * 2 + slice.bytes + (any ? jsonBytes(nf) : 0);
      await batcher.add(cost, () => {
        const range = ws.getRangeByIndexes(b.row + slice.start, b.col, slice.rows.length, width);
        if (any) range.numberFormat = nf;
        range.values = slice.rows;
      });
      cells += slice.rows.length * width;
    }
  }
  return cells;
}

function blank(v: PlanValue | undefined): string | number | boolean {
  return v === null || v === undefined ? "" : v;
}

function isText(v: unknown): boolean {
  return typeof v === "string" && v !== "";
}

/**
 * Sections cut so the header as Excel stores it ("&L…&C…&R…") stays within 255 characters: the longest
 * section is shortened first, never inside a "&" code.
 */
export function fitSections(s: { left: string; center: string; right: string }): { left: string; center: string; right: string } {
  const out = { ...s };
  const total = (): number => (["left", "center", "right"] as const).reduce((n, k) => n + (out[k] ? out[k].length + 2 : 0), 0);
  while (total() > MAX_HEADER_CHARS) {
    const k = (["left", "center", "right"] as const).reduce((a, b) => (out[b].length > out[a].length ? b : a));
    let cut = out[k].slice(0, out[k].length - Math.max(1, total() - MAX_HEADER_CHARS));
    // Drop a trailing "&" (half a code, or half of a literal "&&") and any unfinished &"font" code.
    const quote = cut.lastIndexOf('&"');
    if (quote >= 0 && cut.indexOf('"', quote + 2) < 0) cut = cut.slice(0, quote);
    while (/(^|[^&])(&&)*&$/.test(cut)) cut = cut.slice(0, -1);
    out[k] = cut;
  }
  return out;
}

function setSections(hf: XlHeaderFooter, code: string, which: "Header" | "Footer"): void {
  const s = fitSections(headerSections(code));
  if (which === "Header") {
    hf.leftHeader = s.left;
    hf.centerHeader = s.center;
    hf.rightHeader = s.right;
  } else {
    hf.leftFooter = s.left;
    hf.centerFooter = s.center;
    hf.rightFooter = s.right;
  }
}

function queuePrint(ws: XlWorksheet, p: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = p.paper;
  // Pages wide only: leaving pages tall out is "as many as needed" (0 is defined nowhere). Excel applies
  // fit to pages late on some builds (office-js issue 1860): docs/manual-test.md checks the printout.
  layout.zoom = { horizontalFitToPages: p.fitToPagesWide };
  if (p.repeatRows) layout.setPrintTitleRows(`$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`);
  if (p.printArea) layout.setPrintArea(rangeAddress(p.printArea));
  if (p.header !== undefined) setSections(layout.headersFooters.defaultForAllPages, p.header, "Header");
  if (p.footer !== undefined) setSections(layout.headersFooters.defaultForAllPages, p.footer, "Footer");
  // A manual break above each row that starts a printed page (the sheet is new, so it has none of its own).
  for (const row of p.rowBreaks ?? []) if (row > 0) ws.horizontalPageBreaks.add(`A${row + 1}`);
}

/**
 * Queue a whole plan on `ws`. Returns the number of cells whose values were written. `keepHidden`: our
 * columns an earlier run sized that are hidden now (the officer hid them since): left hidden, unsized.
 */
export async function queuePlan(batcher: Batcher, ws: XlWorksheet, plan: SheetPlan, keepHidden?: ReadonlySet<number>): Promise<number> {
  const formats = styleNumberFormats(plan);
  const cells = await queueBlocks(batcher, ws, plan, formats);
  for (const group of plan.styles) await queueStyle(batcher, ws, group);
  await queueNumberFormats(batcher, ws, formats);
  for (const m of plan.merges) {
    await batcher.add(OP_OVERHEAD, () => ws.getRange(rangeAddress(m)).merge(false));
  }
  // One call merges every row of the area on its own, however many rows it has.
  for (const m of plan.rowMerges ?? []) {
    await batcher.add(OP_OVERHEAD, () => ws.getRange(rangeAddress(m)).merge(true));
  }
  // Our status column on an officer's sheet is shown: officers hide the unused columns right of a
  // tracker, and it is the first of them. Shown before it is sized, so the width set is the one seen.
  if (plan.action === "edit") {
    for (const { col } of plan.columnWidths) {
      if (keepHidden?.has(col)) continue;
      const letters = colToLetters(col);
      await batcher.add(OP_OVERHEAD, () => (ws.getRange(`${letters}:${letters}`).columnHidden = false));
    }
  }
  // A column left hidden is not sized: a width set may show it again (Excel's Unhide is a width).
  const sized = plan.columnWidths.filter((w) => !(plan.action === "edit" && keepHidden?.has(w.col)));
  await queueSizes(batcher, ws, new Map(sized.map((w) => [w.col, charsToPoints(w.width)])), "columnWidth");
  await queueSizes(batcher, ws, new Map(plan.rowHeights.map((h) => [h.row, rowPoints(h.height)])), "rowHeight");
  const { freeze, print, tabColor } = plan;
  await batcher.add(OP_OVERHEAD * (13 + (print?.rowBreaks?.length ?? 0)), () => {
    if (freeze && freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(rangeAddress({ top: 0, left: 0, bottom: freeze.rows - 1, right: freeze.cols - 1 }));
    else if (freeze && freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
    else if (freeze && freeze.cols > 0) ws.freezePanes.freezeColumns(freeze.cols);
    if (print) queuePrint(ws, print);
    if (tabColor) ws.tabColor = tabColor;
  });
  await queueCharts(batcher, ws, plan);
  return cells;
}
