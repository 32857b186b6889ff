// Where charts, pictures and shapes sit (drawings-read.ts): the cells their anchors cover.
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseDrawingPlaces, parseVmlControls } from "../../src/xlsx/drawings-read";
import { runBuild } from "./helpers/run-build";
import { readParts } from "./helpers/zip-parts";

const XDR = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const corner = (tag: string, col: number, colOff: number, row: number, rowOff: number) =>
  `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>${colOff}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${rowOff}</xdr:rowOff></xdr:${tag}>`;
const frame = (hidden = false) => `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"${hidden ? ' hidden="1"' : ""}/></xdr:nvGraphicFramePr></xdr:graphicFrame><xdr:clientData/>`;
const pic = '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logo"/></xdr:nvPicPr></xdr:pic><xdr:clientData/>';
const drawing = (anchors: string) => `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr ${XDR}>${anchors}</xdr:wsDr>`;

describe("parseDrawingPlaces", () => {
  test.each([
    // Excel's chart at F2, reaching into column N and row 17 (offsets past their edges).
    ["a chart", `<xdr:twoCellAnchor>${corner("from", 5, 0, 1, 0)}${corner("to", 13, 304800, 16, 76200)}${frame()}</xdr:twoCellAnchor>`, [{ kind: "chart", range: { top: 1, left: 5, bottom: 16, right: 13 } }]],
    // Ending exactly at the left edge of column H and the top of row 10: H and 10 are not covered.
    ["a picture ending on a cell's edge", `<xdr:twoCellAnchor editAs="oneCell">${corner("from", 5, 0, 1, 0)}${corner("to", 7, 0, 9, 0)}${pic}</xdr:twoCellAnchor>`, [{ kind: "picture", range: { top: 1, left: 5, bottom: 8, right: 6 } }]],
    // A one-cell anchor: its size in default columns (64 px) and rows (20 px).
    ["a picture anchored by one cell", `<xdr:oneCellAnchor>${corner("from", 2, 0, 3, 0)}<xdr:ext cx="1219200" cy="381000"/>${pic}</xdr:oneCellAnchor>`, [{ kind: "picture", range: { top: 3, left: 2, bottom: 4, right: 3 } }]],
    // helper-71: Excel 2016's charts (waterfall, funnel…) in mc:AlternateContent, with a fallback shape.
    [
      "a chart of Excel 2016's kinds",
      `<xdr:twoCellAnchor>${corner("from", 5, 0, 1, 0)}${corner("to", 13, 1, 16, 1)}<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="cx1">${frame()}</mc:Choice><mc:Fallback><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="4" name="Fallback"/></xdr:nvSpPr></xdr:sp></mc:Fallback></mc:AlternateContent><xdr:clientData/></xdr:twoCellAnchor>`,
      [{ kind: "chart", range: { top: 1, left: 5, bottom: 16, right: 13 } }],
    ],
    ["a hidden chart", `<xdr:twoCellAnchor>${corner("from", 5, 0, 1, 0)}${corner("to", 13, 1, 16, 1)}${frame(true)}</xdr:twoCellAnchor>`, []],
    // helper-72: a group with one member hidden still shows; a hidden group does not.
    ...[false, true].map((groupHidden): [string, string, unknown[]] => [
      groupHidden ? "a hidden group of shapes" : "a group of shapes, one member hidden",
      `<xdr:twoCellAnchor>${corner("from", 5, 0, 1, 0)}${corner("to", 7, 0, 4, 0)}<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="5" name="Group 1"${groupHidden ? ' hidden="1"' : ""}/></xdr:nvGrpSpPr>` +
        `<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="6" name="Box" hidden="1"/></xdr:nvSpPr></xdr:sp><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="7" name="Arrow"/></xdr:nvSpPr></xdr:sp></xdr:grpSp><xdr:clientData/></xdr:twoCellAnchor>`,
      groupHidden ? [] : [{ kind: "shape", range: { top: 1, left: 5, bottom: 3, right: 6 } }],
    ]),
    ["a placement by position only", `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="100" cy="100"/>${pic}</xdr:absoluteAnchor>`, []],
  ])("%s", (_what, anchors, places) => {
    expect(parseDrawingPlaces("t.xlsx", "xl/drawings/drawing1.xml", drawing(anchors))).toEqual(places);
  });
});

// helper-79: a form button over our status column hid the statuses with no word; form controls are VML.
describe("parseVmlControls", () => {
  const EXCEL_SAVED = join(__dirname, "..", "fixtures", "excel-saved");
  const vmlOf = async (file: string): Promise<string> => {
    const parts = await readParts(join(EXCEL_SAVED, file));
    return [...parts].filter(([name]) => name.endsWith(".vml")).map(([, bytes]) => bytes.toString("utf8")).join("");
  };

  test("Excel's own button (anchor '2, 0, 1, 0, 3, 0, 2, 0' over several lines): C2; a note beside it is left out", async () => {
    expect(parseVmlControls(await vmlOf("button01.xlsx"))).toEqual([{ range: { top: 1, left: 2, bottom: 1, right: 2 }, kind: "control" }]);
    expect(parseVmlControls(await vmlOf("vml01.xlsx"))).toEqual([expect.objectContaining({ kind: "control" })]);
    expect(parseVmlControls(await vmlOf("comment01.xlsx"))).toEqual([]);
  });

  test.each([
    ["a check box reaching into the next cell", `<v:shape id="a" style="position:absolute"><x:ClientData ObjectType="Checkbox"><x:Anchor>6, 0, 2, 0, 9, 8, 10, 4</x:Anchor></x:ClientData></v:shape>`, [{ top: 2, left: 6, bottom: 10, right: 9 }]],
    ["a hidden one", `<v:shape id="a" style='position:absolute;visibility:hidden'><x:ClientData ObjectType="Button"><x:Anchor>6, 0, 2, 0, 9, 8, 10, 4</x:Anchor></x:ClientData></v:shape>`, []],
    ["text with an unclosed <br>, as Excel writes", `<v:shape id="a"><v:textbox><div>Send<br>now</div></v:textbox><x:ClientData ObjectType="Button"><x:Anchor>1, 0, 1, 0, 2, 0, 3, 0</x:Anchor></x:ClientData></v:shape>`, [{ top: 1, left: 1, bottom: 2, right: 1 }]],
    ["an anchor that is not eight whole numbers", `<v:shape id="a"><x:ClientData ObjectType="Drop"><x:Anchor>1, 0, 1</x:Anchor></x:ClientData></v:shape>`, []],
    // helper-81: a note shown for good hides what is under it; one shown only while pointed at does not.
    ["a note shown on the sheet", `<v:shape id="n" style="position:absolute;visibility:visible"><x:ClientData ObjectType="Note"><x:Anchor>7, 15, 1, 10, 9, 15, 5, 4</x:Anchor><x:Visible/></x:ClientData></v:shape>`, [{ top: 1, left: 7, bottom: 5, right: 9 }]],
    ["a note whose <x:Visible> says False", `<v:shape id="n" style="position:absolute"><x:ClientData ObjectType="Note"><x:Anchor>7, 15, 1, 10, 9, 15, 5, 4</x:Anchor><x:Visible>False</x:Visible></x:ClientData></v:shape>`, []],
    ["a note whose <x:Visible> says True", `<v:shape id="n" style="position:absolute"><x:ClientData ObjectType="Note"><x:Anchor>7, 15, 1, 10, 9, 15, 5, 4</x:Anchor><x:Visible>True</x:Visible></x:ClientData></v:shape>`, [{ top: 1, left: 7, bottom: 5, right: 9 }]],
    ["a note shown only while pointed at", `<v:shape id="n" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Anchor>7, 15, 1, 10, 9, 15, 5, 4</x:Anchor></x:ClientData></v:shape>`, []],
    ["two shapes, the first never closed", `<v:shape id="a"><x:ClientData ObjectType="Button"><x:Anchor>1, 0, 1, 0, 2, 0, 3, 0</x:Anchor></x:ClientData><v:shape id="b"><x:ClientData ObjectType="Checkbox"><x:Anchor>4, 0, 1, 0, 5, 0, 3, 0</x:Anchor></x:ClientData></v:shape>`, [{ top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 4, bottom: 2, right: 4 }]],
  ])("%s", (_, vml, ranges) => {
    expect(parseVmlControls(`<xml>${vml}</xml>`).map((p) => p.range)).toEqual(ranges);
  });

  test("a part of 60,000 unclosed shapes is scanned once, not once a shape", () => {
    const vml = `<xml>${'<v:shape id="a"><x:ClientData ObjectType="Button"><x:Anchor>1, 0, 1, 0, 2, 0, 3, 0</x:Anchor></x:ClientData>'.repeat(60_000)}</xml>`;
    const t0 = Date.now();
    expect(parseVmlControls(vml)).toHaveLength(60_000);
    // Quadratic, it took 22.7 s (helper-81); linear, well under one.
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  test("a build of XlsxWriter's tracker with a button over G3:J10 warns, naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rag-vml-"));
    try {
      const json = join(dir, "out.json");
      const run = await runBuild([join(__dirname, "..", "fixtures", "made", "xlsxwriter-button-beside-tracker.xlsx"), "-o", join(dir, "out.xlsx"), "--json", json]);
      expect(run.code).toBe(0);
      const report = JSON.parse(readFileSync(json, "utf8")) as { problems: { sheet: string; cell: string; message: string }[] };
      expect(report.problems.filter((p) => p.message.includes("move it"))).toEqual([
        { sheet: "Indicators", cell: "G3", message: "The statuses of this table are written in column G, under a form control (over G3:J10): move it to see the statuses." },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
