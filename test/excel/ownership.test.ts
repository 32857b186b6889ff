// Our record sheet "RagScorecardState", shared with the command line: a workbook built by one host is
// recognised by the other, so rebuilding replaces our sheets instead of adding "Summary (2)".
import { HISTORY_SHEET } from "../../src/engine/history/types";
import * as path from "path";
import ExcelJS from "exceljs";
import { runScorecard } from "../../src/engine/scorecard";
import { RULES_SHEET } from "../../src/engine/rules-sheet/rules-sheet";
import { applyColoursCommand, buildSummaryCommand, removeColoursCommand } from "../../src/excel";
import { emptyMemory } from "../../src/excel/saved";
import { parseOwned, parseState, STATE_SHEET, stateCells } from "../../src/excel/state";
import { pieces } from "../../src/excel/saved";
import type { FakeExcel, FakeWorkbookInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { readPackage, readXlsx, STATE_SHEET as FILE_STATE_SHEET, writePatchedPackage } from "../../src/xlsx";
import { stateOf } from "./plans";
import * as yauzl from "yauzl";
import { sheetCells, workbookSheets } from "../xlsx/helpers/package-xml";
import { partsOf, text } from "../xlsx/helpers/zip-parts";
import * as yazl from "yazl";
import { markFormula, OWNER_MARK } from "../../src/engine/sheets/ownership";
import { gridsToInit, TODAY } from "./trackers";
import { rangeAddress } from "../../src/excel/a1";

const SAMPLE = path.join(__dirname, "../../samples/broxtowe-pentana.xlsx");
const BROXTOWE = { preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30" };

/** What `rag-scorecard build` does, in memory: read, rate, write, and the bytes of the file it saves. */
async function buildWithCli(input: string | Uint8Array): Promise<Uint8Array> {
  const read = await readPackage(typeof input === "string" ? input : Buffer.from(input));
  const run = runScorecard(read.grids, { ...BROXTOWE, today: TODAY, ownedSheets: read.ownedSheets });
  const out = path.join(mkdtempSync(path.join(tmpdir(), "rag-own-")), "built.xlsx");
  try {
    await writePatchedPackage(read, run.plans, out);
  } finally {
    read.pkg.close();
  }
  return new Uint8Array(readFileSync(out));
}

/** A saved file read by ExcelJS, an independent reader. */
async function excelJsWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A saved file as Excel would open it: every sheet's values, tab colour and visibility, our record included. */
async function openInExcel(bytes: Uint8Array): Promise<FakeExcel> {
  const read = await readXlsx(bytes);
  const workbook = await excelJsWorkbook(bytes);
  const init: FakeWorkbookInit = gridsToInit(read.grids);
  for (const s of init.sheets) {
    const argb = workbook.getWorksheet(s.name)?.properties.tabColor?.argb;
    if (argb) s.tabColor = `#${argb.slice(2)}`;
  }
  // Our marks travel with the file (sheet-scoped hidden names); the fake holds them as Excel would.
  const pkg = await readPackage(Buffer.from(bytes));
  pkg.pkg.close();
  const mark = (plan: string) => [{ name: OWNER_MARK, formula: `=${markFormula(plan)}`, visible: false }];
  for (const s of init.sheets) {
    const owned = pkg.ownership.owned.find((o) => o.sheet === s.name);
    if (owned) s.names = mark(owned.plan);
  }
  const state = workbook.getWorksheet(FILE_STATE_SHEET);
  if (state) init.sheets.push({ name: STATE_SHEET, visibility: state.state === "veryHidden" ? "VeryHidden" : "Visible", values: [[String(state.getCell("A1").value)]], numberFormats: [["@"]], names: mark(STATE_SHEET) });
  return createFakeExcel(init);
}

/**
 * A saved file opened in the fake with each cell's format: the cell format index (`s`) stands as a fill
 * pattern "xf<s>", which only a whole-format copy (copyFrom "Formats") carries, as a real format would
 * be. The record sheet comes with all its cells (the add-in's memory in column A, backups beside it).
 */
async function openWithFormats(bytes: Uint8Array): Promise<FakeExcel> {
  const parts = await partsOf(Buffer.from(bytes));
  const init = gridsToInit((await readXlsx(bytes)).grids);
  const pkg = await readPackage(Buffer.from(bytes));
  pkg.pkg.close();
  const mark = (plan: string) => [{ name: OWNER_MARK, formula: `=${markFormula(plan)}`, visible: false }];
  for (const entry of workbookSheets(parts)) {
    const cells = [...sheetCells(text(parts, entry.part)).values()];
    let sheet = init.sheets.find((s) => s.name === entry.name);
    if (!sheet && entry.name === FILE_STATE_SHEET) {
      const values: string[][] = [];
      for (const c of cells) {
        const m = /^A(\d+)$/.exec(c.ref);
        if (m && c.is !== undefined) values[Number(m[1]) - 1] = [c.is];
      }
      for (let i = 0; i < values.length; i++) values[i] ??= [""];
      sheet = { name: STATE_SHEET, visibility: "VeryHidden", values, numberFormats: values.map(() => ["@"]) };
      init.sheets.push(sheet);
    }
    if (!sheet) continue;
    const owned = pkg.ownership.owned.find((o) => o.sheet === entry.name);
    if (owned) sheet.names = mark(owned.plan);
    sheet.formats = cells.filter((c) => c.s && c.s !== "0").map((c) => ({ address: c.ref, format: { pattern: `xf${c.s}` } }));
  }
  return createFakeExcel(init);
}

/** Each cell's value and format pattern on a fake sheet, from A1 to the last used cell. */
function valuesAndFormats(fake: FakeExcel, name: string): { values: unknown[][]; patterns: (string | undefined)[][] } {
  const view = fake.sheet(name)!;
  const rows = view.values.length;
  const cols = Math.max(0, ...view.values.map((l) => l.length));
  const patterns = rows && cols ? view.formats(`A1:${String.fromCharCode(64 + cols)}${rows}`).map((l) => l.map((f) => f.pattern)) : [];
  return { values: view.values, patterns };
}

/** The fake workbook saved as a file (values and visibility: what the command line needs). */
async function saveFromExcel(fake: FakeExcel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of fake.allSheetNames()) {
    const view = fake.sheet(name)!;
    const ws = wb.addWorksheet(name);
    view.values.forEach((line, r) => line.forEach((v, c) => v !== "" && (ws.getCell(r + 1, c + 1).value = v)));
    if (view.visibility === "VeryHidden") ws.state = "veryHidden";
  }
  // ExcelJS writes no text-constant names: our marks go into xl/workbook.xml as Excel saves them.
  const names = fake
    .allSheetNames()
    .flatMap((name, i) => fake.sheet(name)!.names.map((n) => `<definedName name="${n.name}" localSheetId="${i}"${n.visible ? "" : ' hidden="1"'}>${n.formula.slice(1).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}</definedName>`));
  return withDefinedNames(new Uint8Array(await wb.xlsx.writeBuffer()), names);
}

/** The package with `<definedNames>` set in xl/workbook.xml (every other part copied). */
async function withDefinedNames(bytes: Uint8Array, names: string[]): Promise<Uint8Array> {
  const entries = await new Promise<{ name: string; data: Buffer }[]>((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: { name: string; data: Buffer }[] = [];
      zip.on("entry", (e: yauzl.Entry) =>
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        }),
      );
      zip.on("end", () => resolve(out));
      zip.readEntry();
    });
  });
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    let data = e.data;
    if (e.name === "xl/workbook.xml" && names.length) {
      const xml = data.toString("utf8").replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, "");
      data = Buffer.from(xml.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`), "utf8");
    }
    if (!e.name.endsWith("/")) zip.addBuffer(data, e.name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe("the record sheet's format", () => {
  test("its name is the command line's", () => {
    expect(STATE_SHEET).toBe(FILE_STATE_SHEET);
  });

  test.each([
    { rule: "short text is one piece", text: "abc", size: 10, expected: ["abc"] },
    { rule: "no piece starts with an apostrophe (Excel's text prefix)", text: "ab'cd", size: 2, expected: ["a", "b'", "cd"] },
    { rule: "no piece starts with = + - @ (a formula)", text: "ab=c-d", size: 2, expected: ["a", "b=", "c-", "d"] },
  ])("pieces: $rule", ({ text, size, expected }) => {
    expect(pieces(text, size)).toEqual(expected);
  });

  test("a large saved-format record is cut under Excel's 32,767 characters a cell and read back whole", () => {
    const mem = emptyMemory();
    for (let row = 1; row < 60000; row += 2) mem.cells.set(row * 16384 + 4, { fill: row % 3 ? "#FFFF00" : null, bold: row % 5 === 0 });
    const owned = [{ sheet: "Summary (2)", plan: "Summary" }];
    const cells = stateCells(owned, { "Bob's sheet": mem });
    const back = parseState(cells.map((c) => [c]), { row: 0, col: 0 });
    expect({
      longest: Math.max(...cells.map((c) => c.length)) <= 30000,
      several: cells.length > 2,
      a1: JSON.parse(cells[0]),
      owned: back.owned,
      cells: back.saved["Bob's sheet"].cells.size,
      rows: back.rows,
    }).toEqual({ longest: true, several: true, a1: { version: 1, owned }, owned, cells: 30000, rows: cells.length });
  });

  test.each([
    { rule: "not JSON", a1: "{oops", expected: [] },
    { rule: "no owned list", a1: '{"version":1}', expected: [] },
    { rule: "entries that are not sheet records are dropped", a1: '{"version":1,"owned":[{"sheet":"Summary","plan":"Summary"},{"sheet":3},"x"]}', expected: [{ sheet: "Summary", plan: "Summary" }] },
  ])("a damaged A1 ($rule) means we own nothing it cannot name", ({ a1, expected }) => {
    expect(parseOwned(a1)).toEqual(expected);
  });
});

describe("the command line and the add-in share the record", () => {
  test("a workbook built by the command line: the add-in replaces its Summary in place, never adds 'Summary (2)'", async () => {
    const fake = await openInExcel(await buildWithCli(SAMPLE));
    const before = fake.allSheetNames();
    const position = fake.sheet("Summary")!.position;
    const result = await buildSummaryCommand(fake.run, { period: "Q2 2021/22" }, TODAY);
    expect({
      before,
      after: fake.allSheetNames(),
      position: fake.sheet("Summary")!.position,
      title: fake.sheet("Summary")!.values[0][0],
      created: result.sheets.filter((s) => s.action === "create").map((s) => s.sheet),
      record: [stateOf(fake)!.visibility, stateOf(fake)!.owned],
    }).toEqual({
      before: ["Key Tasks", "Indicators", "Summary", RULES_SHEET, HISTORY_SHEET, STATE_SHEET],
      after: ["Key Tasks", "Indicators", "Summary", RULES_SHEET, HISTORY_SHEET, STATE_SHEET],
      position,
      title: "Performance report — Quarter 2 (July to September) 2021/22",
      created: ["Summary", HISTORY_SHEET, RULES_SHEET],
      record: [
        "VeryHidden",
        [
          { sheet: "Summary", plan: "Summary" },
          { sheet: HISTORY_SHEET, plan: HISTORY_SHEET },
          { sheet: RULES_SHEET, plan: RULES_SHEET },
        ],
      ],
    });
  });

  test.each(["Hidden", "Visible"] as const)("a workbook built by the command line and saved by LibreOffice or Gnumeric (the record sheet %s): replaced in place, the record very hidden again", async (visibility) => {
    const fake = await openInExcel(await buildWithCli(SAMPLE));
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(STATE_SHEET);
      ws.visibility = visibility;
      // Their marks come back as names the Name Manager shows.
      ws.names.getItemOrNullObject(OWNER_MARK).visible = true;
      await context.sync();
    });
    const before = fake.allSheetNames();
    await buildSummaryCommand(fake.run, { period: "Q2 2021/22" }, TODAY);
    const mark = fake.sheet(STATE_SHEET)!.names.find((n) => n.name === OWNER_MARK);
    expect({ after: fake.allSheetNames(), record: stateOf(fake)!.visibility, markVisible: mark?.visible }).toEqual({ after: before, record: "VeryHidden", markVisible: false });
  });

  test("a workbook built by the command line: Remove colours in Excel gives back the officers' sheets as they were", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const before = await openWithFormats(input);
    const trackers = before.allSheetNames();
    const fake = await openWithFormats(await buildWithCli(input));
    // The build coloured the officers' own status cells, formatted in the export, and wrote a column of ours.
    const coloured = trackers.filter((name) => JSON.stringify(valuesAndFormats(fake, name)) !== JSON.stringify(valuesAndFormats(before, name)));
    expect(coloured).toEqual(trackers);
    await removeColoursCommand(fake.run);
    for (const name of trackers) expect({ name, ...valuesAndFormats(fake, name) }).toEqual({ name, ...valuesAndFormats(before, name) });
  });

  test("a workbook built by the command line, then an officer's coloured cell set in italics with a number format: Remove colours keeps both and puts its format back", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const before = await openWithFormats(input);
    const fake = await openWithFormats(await buildWithCli(input));
    // An officer's own cell the build coloured: its value unchanged, its format not.
    const name = before.allSheetNames()[0];
    const was = valuesAndFormats(before, name);
    const now = valuesAndFormats(fake, name);
    let at: { row: number; col: number } | undefined;
    now.patterns.forEach((line, row) => line.forEach((p, col) => (at ??= p !== was.patterns[row]?.[col] && now.values[row][col] === was.values[row]?.[col] && now.values[row][col] !== "" ? { row, col } : undefined)));
    expect(at).toBeDefined();
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const r = context.workbook.worksheets.getItem(name).getCell(at!.row, at!.col);
      r.numberFormat = [["@"]];
      r.format.font.italic = true;
      await context.sync();
    });
    await removeColoursCommand(fake.run);
    const cell = fake.sheet(name)!.formats(rangeAddress({ top: at!.row, left: at!.col, bottom: at!.row, right: at!.col }))[0][0];
    expect({ pattern: cell.pattern, italic: cell.italic, nf: fake.sheet(name)!.numberFormats[at!.row][at!.col] }).toEqual({ pattern: was.patterns[at!.row][at!.col], italic: true, nf: "@" });
  });

  test("a workbook the add-in built: the command line recognises its sheets and rebuilds them in place", async () => {
    const fake = createFakeExcel(gridsToInit((await readXlsx(SAMPLE)).grids));
    await applyColoursCommand(fake.run, BROXTOWE, TODAY);
    await buildSummaryCommand(fake.run, BROXTOWE, TODAY);
    const saved = await saveFromExcel(fake);
    const savedRead = await readPackage(Buffer.from(saved));
    savedRead.pkg.close();
    const owned = savedRead.ownership.owned;
    const rebuilt = await excelJsWorkbook(await buildWithCli(saved));
    expect({ owned, sheets: rebuilt.worksheets.map((w) => w.name), hidden: rebuilt.getWorksheet(STATE_SHEET)!.state }).toEqual({
      owned: stateOf(fake)!.owned,
      sheets: ["Key Tasks", "Indicators", STATE_SHEET, RULES_SHEET, HISTORY_SHEET, "Summary"],
      hidden: "veryHidden",
    });
  });
});
