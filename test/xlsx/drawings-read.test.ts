// Where charts, pictures and shapes sit (drawings-read.ts): the cells their anchors cover.
import { parseDrawingPlaces } from "../../src/xlsx/drawings-read";

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
