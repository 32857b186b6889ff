// The cell budget of sheet-extent.ts counts the cells a window left out on purpose (the rows of our history
// above its latest periods): else a long history read through the window lost its last columns, with a
// warning about cells "far from the rest of the data" that a whole read does not give.
import { squareCells, type SparseCells } from "../../src/xlsx/sheet-extent";
import type { CellValue } from "../../src/engine/vocab/types";
import { readPackage } from "../../src/xlsx/read-package";
import { HISTORY_COLUMNS } from "../../src/engine/history/columns";
import { HISTORY_SHEET } from "../../src/engine/history/types";
import { markFormula, OWNER_MARK } from "../../src/engine/sheets/ownership";
import { makeBook } from "./package-fixtures";

/** A header of 13 cells over 160,000 rows, of which only the last 10,000 are held (4 cells each). */
function windowed(): { cells: SparseCells; leftOut: number } {
  const rows = 160_000;
  const values: (CellValue[] | undefined)[] = new Array(rows);
  values[0] = Array.from({ length: 13 }, (_, c) => `Header ${c}`);
  for (let r = rows - 10_000; r < rows; r++) {
    const row: CellValue[] = [];
    row[0] = "Q1 2010/11";
    row[2] = `R${r}`;
    row[6] = "good";
    row[12] = "05/12/2026";
    values[r] = row;
  }
  return { cells: { values, formats: [] }, leftOut: (rows - 10_001) * 4 };
}

test("cells left out by the window count towards the budget: no column is cut", () => {
  const { cells, leftOut } = windowed();
  const squared = squareCells(cells, "Scorecard History", leftOut);
  expect({ lastCol: squared.lastCol, problems: squared.problems, header: squared.values[0].length }).toEqual({ lastCol: 12, problems: [], header: 13 });
});

test("without them, the same grid is over the budget (what the window's read did before)", () => {
  const { cells } = windowed();
  expect(squareCells(cells, "Scorecard History").lastCol).toBeLessThan(12);
});

test("the reader passes what the window leaves out to the budget: a long history keeps every column and gives no warning", async () => {
  const periods = Array.from({ length: 16 }, (_, i) => `Q${(i % 4) + 1} ${2000 + Math.floor(i / 4)}/${String((2001 + Math.floor(i / 4)) % 100).padStart(2, "0")}`);
  const cols = "ABCDEFGHIJKLMNOP";
  const last = HISTORY_COLUMNS.length - 1; // "Recorded on", the last column
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = [`<row r="1">${HISTORY_COLUMNS.map((c, i) => inline(`${cols[i]}1`, c.header)).join("")}</row>`];
  let r = 2;
  // 16 periods of 10,000 rows, four cells each: 2.1 million cells of grid, 240,000 of them in the window.
  for (const p of periods) for (let i = 0; i < 10_000; i++, r++) rows.push(`<row r="${r}">${inline(`A${r}`, p)}${inline(`C${r}`, `R${i}`)}${inline(`G${r}`, "good")}${inline(`${cols[last]}${r}`, "05/12/2026")}</row>`);
  const book = await makeBook({
    sheets: [{ name: HISTORY_SHEET, body: `<sheetData>${rows.join("")}</sheetData>` }],
    definedNames: `<definedName name="${OWNER_MARK}" localSheetId="0" hidden="1">${markFormula(HISTORY_SHEET).replace(/"/g, "&quot;")}</definedName>`,
  });
  const read = await readPackage(book, "history.xlsx", { windowHistory: true });
  read.pkg.close();
  const grid = read.grids[0];
  expect({ windowed: grid.skippedRows !== undefined, header: grid.values[0].length, last: grid.values[grid.values.length - 1][last], problems: read.problems }).toEqual({ windowed: true, header: HISTORY_COLUMNS.length, last: "05/12/2026", problems: [] });
}, 60_000);

test("a form control on the history sheet (its anchor's <xdr:row>s after the sheet data) leaves the window in place (helper-132)", async () => {
  const periods = Array.from({ length: 12 }, (_, i) => `Q${(i % 4) + 1} ${2000 + Math.floor(i / 4)}/${String((2001 + Math.floor(i / 4)) % 100).padStart(2, "0")}`);
  const cols = "ABCDEFGHIJKLMNOP";
  const last = HISTORY_COLUMNS.length - 1;
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = [`<row r="1">${HISTORY_COLUMNS.map((c, i) => inline(`${cols[i]}1`, c.header)).join("")}</row>`];
  let r = 2;
  for (const p of periods) for (let i = 0; i < 20; i++, r++) rows.push(`<row r="${r}">${inline(`A${r}`, p)}${inline(`C${r}`, `R${i}`)}${inline(`G${r}`, "good")}${inline(`${cols[last]}${r}`, "05/12/2026")}</row>`);
  const XDR = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"';
  const anchor = `<anchor moveWithCells="1"><from><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor>`;
  const controls = `<controls><control shapeId="1025" r:id="rId9" name="Check Box 1"><controlPr defaultSize="0" ${XDR}>${anchor}</controlPr></control></controls>`;
  const book = await makeBook({
    sheets: [{ name: HISTORY_SHEET, body: `<sheetData>${rows.join("")}</sheetData>${controls}` }],
    definedNames: `<definedName name="${OWNER_MARK}" localSheetId="0" hidden="1">${markFormula(HISTORY_SHEET).replace(/"/g, "&quot;")}</definedName>`,
  });
  const read = await readPackage(book, "history.xlsx", { windowHistory: true });
  read.pkg.close();
  expect({ windowed: read.grids[0].skippedRows !== undefined, problems: read.problems }).toEqual({ windowed: true, problems: [] });
});
