// Trackers written by Apache POI (XSSF and the streaming SXSSF) and SheetJS, as council systems export
// them (helper-73; scripts/writers/ made them): each record gets the status its figures give. Every part
// of them is also checked by corpus.test.ts, which picks up every file in test/fixtures/made.
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runBuild } from "./helpers/run-build";
import { readParts, writeParts } from "./helpers/zip-parts";

const MADE = join(__dirname, "..", "fixtures", "made");
const EXPECTED = JSON.parse(readFileSync(join(MADE, "writers-expected.json"), "utf8")) as Record<string, { writer: string; "Q3 2010/11": Record<string, string> }>;
const dir = mkdtempSync(join(tmpdir(), "rag-writers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(Object.entries(EXPECTED))("%s", (file, expected) => {
  test(`written by ${expected.writer}: every record rated as its figures say`, async () => {
    const json = join(dir, `${file}.json`);
    const run = await runBuild([join(MADE, file), "-o", join(dir, file), "--json", json, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
    expect({ code: run.code, threw: run.threw }).toEqual({ code: 0, threw: undefined });
    const report = JSON.parse(readFileSync(json, "utf8")) as { records: { sheet: string; ref: string; status: string }[] };
    expect(Object.fromEntries(report.records.map((r) => [`${r.sheet}!${r.ref}`, r.status]))).toEqual(expected["Q3 2010/11"]);
  });
});

// helper-73: SheetJS wrote a print area over A:E; our status column (G) would not print, with no word.
test("sheetjs-tracker.xlsx: the run says the statuses are outside the print area, which it leaves as it was", async () => {
  const json = join(dir, "print-area.json");
  const out = join(dir, "print-area.xlsx");
  const run = await runBuild([join(MADE, "sheetjs-tracker.xlsx"), "-o", out, "--json", json, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
  expect(run.code).toBe(0);
  const report = JSON.parse(readFileSync(json, "utf8")) as { problems: { sheet: string; cell: string; message: string }[] };
  expect(report.problems.filter((p) => p.message.includes("print area"))).toEqual([
    { sheet: "Indicators", cell: "G4", message: "The statuses of this table are written in column G, outside the sheet's print area (A1:E20): they will not print. Widen the print area (Page Layout > Print Area) to take it in." },
  ]);
  const workbook = (await readParts(out)).get("xl/workbook.xml")!.toString();
  expect(workbook).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">Indicators!$A$1:$E$20</definedName>');
});

// helper-76: a print area given as a defined name of its own (`MyArea`) was not read, so no warning.
test("a print area given as a defined name is read through the name", async () => {
  const parts = await readParts(join(MADE, "sheetjs-tracker.xlsx"));
  const workbook = parts.get("xl/workbook.xml")!.toString();
  const area = '<definedName name="_xlnm.Print_Area" localSheetId="0">Indicators!$A$1:$E$20</definedName>';
  expect(workbook).toContain(area);
  parts.set("xl/workbook.xml", Buffer.from(workbook.replace(area, '<definedName name="MyArea">Indicators!$A$1:$E$20</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">MyArea</definedName>')));
  const input = join(dir, "named-area-in.xlsx");
  await writeParts(parts, input);
  const json = join(dir, "named-area.json");
  const run = await runBuild([input, "-o", join(dir, "named-area.xlsx"), "--json", json, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
  expect(run.code).toBe(0);
  const report = JSON.parse(readFileSync(json, "utf8")) as { problems: { sheet: string; cell: string; message: string }[] };
  expect(report.problems.filter((p) => p.message.includes("print area")).map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Indicators!G4"]);
});

// helper-79: cells right of the table that read as empty but are the officer's. A helper column of formulas
// giving "" was overwritten by our status column (an ExcelJS shared formula lost its master, and the cells
// below the table named a formula that was gone); a record's commentary merged into our column left its
// status unwritten, with no word. Our column now goes past both.
describe("an officer's cells right of the table that read as empty", () => {
  const cells = (xml: string): Map<string, string> => new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)].map((m) => [m[1], m[2] ?? ""]));
  const formulas = (xml: string): Map<string, string> => new Map([...cells(xml)].filter(([, inner]) => inner.includes("<f")).map(([ref, inner]) => [ref, /<f[^>]*?(?:\/>|>.*?<\/f>)/s.exec(inner)![0]]));
  const text = (inner: string | undefined): string => /<t[^>]*>([^<]*)<\/t>/.exec(inner ?? "")?.[1] ?? "";
  test.each([
    ["libreoffice-helper-formulas.xlsx", "H"],
    ["exceljs-shared-formulas.xlsx", "H"],
    ["xlsxwriter-merged-commentary.xlsx", "I"],
    ["xlsxwriter-merged-commentary-all.xlsx", "H"],
  ])("%s: our status column goes to %s, every formula is kept and every record gets its status", async (file, letter) => {
    const out = join(dir, `beside-${file}`);
    const run = await runBuild([join(MADE, file), "-o", out, "--preset", "rag"]);
    expect({ code: run.code, threw: run.threw }).toEqual({ code: 0, threw: undefined });
    const before = (await readParts(join(MADE, file))).get("xl/worksheets/sheet1.xml")!.toString();
    const after = (await readParts(out)).get("xl/worksheets/sheet1.xml")!.toString();
    expect(formulas(after)).toEqual(formulas(before));
    const written = cells(after);
    expect(text(written.get(`${letter}3`))).toBe("Status (auto)");
    expect([4, 5, 6, 7, 8].map((row) => text(written.get(`${letter}${row}`)))).toEqual([expect.stringMatching(/^. \S/), expect.stringMatching(/^. \S/), expect.stringMatching(/^. \S/), expect.stringMatching(/^. \S/), expect.stringMatching(/^. \S/)]);
  });
});
