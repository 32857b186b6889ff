// Our sheets rendered from their plans: values, styles, merges, layout and print setup as XML.
import { PIECE } from "../../../src/xlsx/patch/deflate-chunks";
import type { PlanStyle, SheetPlan } from "../../../src/engine/vocab/plan";
import { emptySheetPlan } from "../../../src/engine/vocab/plan";
import type { Problem } from "../../../src/engine/vocab/types";
import { renderSheet, renderedSheetInfo } from "../../../src/xlsx/patch/sheet-render";

const BOLD: PlanStyle = { bold: true };
const FILL: PlanStyle = { fill: "#FF0000" };
const xf = (base: number, styles: readonly PlanStyle[], count = styles.length) => base + styles.slice(0, count).reduce((n, s) => n + (s === BOLD ? 1 : 10), 0);

function render(plan: SheetPlan, problems: Problem[] = []): string {
  return [...renderSheet(plan, xf, problems)].join("");
}

describe("renderSheet", () => {
  test("writes values, styles, merges (merge-across rows expanded), layout and print setup", () => {
    const plan: SheetPlan = {
      ...emptySheetPlan("Summary", "create"),
      blocks: [{ row: 0, col: 0, values: [["Title _x0041_", null, 3], [true, "=1+1", null]] }],
      styles: [{ style: BOLD, ranges: [{ top: 0, left: 0, bottom: 0, right: 1 }] }, { style: FILL, ranges: [{ top: 0, left: 0, bottom: 0, right: 0 }] }],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      rowMerges: [{ top: 3, left: 1, bottom: 4, right: 2 }],
      columnWidths: [{ col: 0, width: 300 }, { col: 2, width: 8.5 }],
      rowHeights: [{ row: 1, height: 500 }],
      freeze: { rows: 1, cols: 0 },
      tabColor: "#336699",
      print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, repeatRows: { first: 0, last: 1 }, header: `&L${"h".repeat(300)}`, footer: "&RPage &P of &N", rowBreaks: [0, 3, 3] },
    };
    const xml = render(plan);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetPr><tabColor rgb="FF336699"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C5"/>' +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
        '<cols><col min="1" max="1" width="255" customWidth="1"/><col min="3" max="3" width="8.5" customWidth="1"/></cols>' +
        '<sheetData><row r="1"><c r="A1" s="11" t="inlineStr"><is><t>Title _x005F_x0041_</t></is></c><c r="B1" s="1"/><c r="C1"><v>3</v></c></row>' +
        '<row r="2" ht="409" customHeight="1"><c r="A2" t="b"><v>1</v></c><c r="B2" t="inlineStr"><is><t>=1+1</t></is></c></row>' +
        '<row r="4"><c r="B4"/><c r="C4"/></row><row r="5"><c r="B5"/><c r="C5"/></row></sheetData>' +
        '<mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="B4:C4"/><mergeCell ref="B5:C5"/></mergeCells>' +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        `<headerFooter><oddHeader>&amp;L${"h".repeat(253)}</oddHeader><oddFooter>&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>` +
        '<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks></worksheet>',
    );
    expect(renderedSheetInfo(plan)).toEqual({ printTitleRows: "$1:$2" });
  });

  test("overlapping merges and values Excel cannot hold are reported, the rest written", () => {
    const problems: Problem[] = [];
    const plan: SheetPlan = { ...emptySheetPlan("S", "create"), blocks: [{ row: 0, col: 0, values: [[NaN, "ok"]] }], merges: [{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 1, left: 1, bottom: 2, right: 2 }] };
    const xml = render(plan, problems);
    expect(problems.map((p) => p.cell)).toEqual(["A1", "B2:C3"]);
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>');
    expect(xml).toContain('<row r="1"><c r="A1"/><c r="B1"/></row>');
  });

  test("a big plan comes out in pieces of at most one deflate piece (never whole in memory)", () => {
    const values = Array.from({ length: 60000 }, (_, i) => [`row ${i}`, i]);
    const pieces = [...renderSheet({ ...emptySheetPlan("Big", "create"), blocks: [{ row: 0, col: 0, values }] }, xf, [])];
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(PIECE);
    expect(pieces.join("")).toContain('<row r="60000"><c r="A60000" t="inlineStr"><is><t>row 59999</t></is></c><c r="B60000"><v>59999</v></c></row></sheetData>');
  });
});
