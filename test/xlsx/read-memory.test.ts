// What a read keeps: the cells' text, not the XML it was parsed from. saxes hands text out as slices of
// each decoded chunk, and V8 keeps a whole chunk alive for a slice of 13 characters or more; a rebuild
// reading our 80 MB history sheet kept every chunk of it (package/xml.ts ownText).
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { readPackage } from "../../src/xlsx/read-package";
import { makeBook } from "./package-fixtures";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ROWS = 20_000;
/** Unique text of 24 characters with a non-Latin-1 symbol, so each decoded chunk is a two-byte string, as in our history. */
const text = (i: number) => `● Row ${String(i).padStart(8, "0")} done ok`;

async function warmUp(book: Buffer): Promise<void> {
  const read = await readPackage(book, "test.xlsx");
  read.pkg.close();
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The bytes a read of `book` keeps (its code warmed by a first read), and its grids. */
async function retainedBy(book: Buffer): Promise<{ retained: number; grids: Awaited<ReturnType<typeof readPackage>>["grids"] }> {
  // A first read (in a frame of its own, gone when it returns) warms the code, so the second counts only what it keeps.
  await warmUp(book);
  const before = heapAfterGc();
  const read = await readPackage(book, "test.xlsx");
  read.pkg.close();
  return { retained: heapAfterGc() - before, grids: read.grids };
}

test("a sheet's text is kept without the XML around it", async () => {
  // Around each cell's text, XML a reader must not keep: row attributes and empty cells beside it.
  const blanks = (r: number) => ["B", "C", "D", "E", "F", "G", "H", "I"].map((c) => `<c r="${c}${r}" s="0"/>`).join("");
  const rows = Array.from({ length: ROWS }, (_, i) => `<row r="${i + 1}" spans="1:9" ht="15" customHeight="1"><c r="A${i + 1}" s="0" t="inlineStr"><is><t xml:space="preserve">${text(i)}</t></is></c>${blanks(i + 1)}</row>`);
  const book = await makeBook({ sheets: [{ name: "Data", body: `<sheetData>${rows.join("")}</sheetData>` }] });
  const { retained, grids } = await retainedBy(book);
  // The XML decoded as two-byte strings: 12.7 MB. Kept with its cells, the read retained 17.5 MB; the
  // cells' own text, arrays and strings, about 6 MB.
  const xmlBytes = rows.join("").length * 2;
  expect(grids[0].values[ROWS - 1][0]).toBe(text(ROWS - 1));
  expect({ retainedMb: Math.round(retained / 1e5) / 10, underThreeQuartersOfTheXml: retained < xmlBytes * 0.75 }).toEqual({ retainedMb: expect.any(Number), underThreeQuartersOfTheXml: true });
});

test("text a sheet repeats is kept once (our history: a record's ref and name in every period's row)", async () => {
  const periods = ["Q1 2010/11", "Q2 2010/11", "Q3 2010/11", "Q4 2010/11"];
  const records = ROWS / periods.length;
  const cell = (col: string, r: number, t: string) => `<c r="${col}${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const rows: string[] = [];
  periods.forEach((period, p) => {
    for (let i = 0; i < records; i++) {
      const r = p * records + i + 1;
      rows.push(
        `<row r="${r}">${cell("A", r, period)}${cell("B", r, "Performance Indicators")}${cell("C", r, `CS${String(i).padStart(6, "0")}.16`)}` +
          `${cell("D", r, `% of household waste sent for reuse, case ${i}`)}${cell("E", r, "indicator")}${cell("F", r, "ontrack")}</row>`,
      );
    }
  });
  const book = await makeBook({ sheets: [{ name: "Scorecard History", body: `<sheetData>${rows.join("")}</sheetData>` }] });
  const { retained, grids } = await retainedBy(book);
  const last = grids[0].values[ROWS - 1];
  expect(last.slice(0, 4)).toEqual(["Q4 2010/11", "Performance Indicators", `CS${String(records - 1).padStart(6, "0")}.16`, `% of household waste sent for reuse, case ${records - 1}`]);
  // A string per cell, the read retained 9.9 MB; each distinct text once (10,008 of 120,000), 4.8 MB,
  // most of it the rows themselves.
  expect({ retainedMb: Math.round(retained / 1e5) / 10, underSixAndAHalfMb: retained < 6.5e6 }).toEqual({ retainedMb: expect.any(Number), underSixAndAHalfMb: true });
});
