// The reader's warnings reach the user: a cell left out for being far from the data is named, one
// line each with its sheet and cell, when the build succeeds.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { noTableLine, readWarnings } from "../../src/cli/build";
import { addTracker } from "../xlsx/helpers/add-tracker";
import { runBuild } from "../xlsx/helpers/run-build";
import { readParts, writeParts } from "../xlsx/helpers/zip-parts";

const dir = mkdtempSync(join(tmpdir(), "rag-read-warnings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a sheet name with an apostrophe is quoted as Excel quotes it", () => {
  const problems = [{ sheet: "Officer's sheet", cell: "XFD1", message: "1 cell far from the rest of the data (from XFD1) was not read", severity: "warning" as const }];
  expect(readWarnings({ problems })).toEqual(["  Warning: 'Officer''s sheet'!XFD1: 1 cell far from the rest of the data (from XFD1) was not read"]);
});

test("formulas' warnings are told for the sheets with a tracker only: a budget sheet's formulas rate nothing (helper-76: one warning per monthly sheet)", () => {
  const warning = (sheet: string, message: string) => ({ sheet, cell: "D4", message, severity: "warning" as const });
  const read = { problems: [warning("Budget", "far")], formulaProblems: [warning("Tracker", "tracker's formulas"), warning("Budget", "budget's formulas")] };
  expect(readWarnings(read, new Set(["Tracker"]))).toEqual(["  Warning: 'Budget'!D4: far", "  Warning: 'Tracker'!D4: tracker's formulas"]);
});

test("a build over a sheet with stray cells at its far edges prints one warning line naming the sheet and cell", async () => {
  const { parts } = addTracker(await readParts(join(__dirname, "..", "fixtures", "made", "stray-both-edges.xlsx")));
  const input = join(dir, "stray.xlsx");
  await writeParts(parts, input);
  const run = await runBuild([input, "-o", join(dir, "out.xlsx"), "--preset", "rag", "--report-date", "2024-03-31"]);
  expect(run.threw).toBeUndefined();
  expect(run.code).toBe(0);
  const lines = run.out.join("\n").split("\n");
  // (The tracker added is made with formulas, in a workbook XlsxWriter flags for recalculation: that warning is tested below.)
  expect(lines.filter((l) => l.includes("Warning:") && !l.includes("formula"))).toEqual([
    "  Warning: 'Tracker'!XFD1: 2 cells far from the rest of the data (from XFD1) were not read: move them nearer the table if they are part of it",
  ]);
});

test("formulas with no saved result are named, once per sheet with how many, not read as 'no figure' with no word of why (helper-73: SheetJS and POI)", async () => {
  const run = await runBuild([join(__dirname, "..", "fixtures", "made", "sheetjs-tracker.xlsx"), "-o", join(dir, "sheetjs.xlsx"), "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
  expect(run.code).toBe(0);
  expect(run.out.join("\n").split("\n").filter((l) => l.includes("Warning:"))).toEqual([
    "  Warning: 'Indicators'!D17: 1 formula has no saved result (from D17), so it reads as empty: the program that wrote the file did not calculate it. Open the workbook in Excel, save it, and build again.",
  ]);
  // openpyxl saves no result as <v></v>; a text result may be empty (t="str", as Excel saves ""); a number saved in a
  // workbook that asks to be recalculated on opening (openpyxl's and XlsxWriter's calcPr) may be 0 or stale.
  const parts = await readParts(join(__dirname, "..", "fixtures", "made", "openpyxl-tracker.xlsx"));
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = parts.get(sheet)!.toString();
  const cells = '<c r="V900"><f>4+4</f><v></v></c><c r="W900"><f>1+1</f></c><c r="X900"><f>2+2</f></c><c r="Y900" t="str"><f>""</f><v></v></c><c r="Z900"><f>3+3</f><v>6</v></c>';
  parts.set(sheet, Buffer.from(xml.replace("</sheetData>", `<row r="900">${cells}</row></sheetData>`)));
  expect(parts.get(sheet)!.toString()).not.toBe(xml);
  const warnings = async (name: string): Promise<string[]> => {
    const input = join(dir, `${name}.xlsx`);
    await writeParts(parts, input);
    const built = await runBuild([input, "-o", join(dir, `${name}-out.xlsx`), "--preset", "rag", "--report-date", "2024-03-31"]);
    expect(built.code).toBe(0);
    return built.out.join("\n").split("\n").filter((l) => l.includes("Warning:")).map((l) => l.replace(/\)[^]*$/, ")"));
  };
  expect(await warnings("formulas")).toEqual(["  Warning: 'Tracker'!V900: 3 formulas have no saved result (from V900)", "  Warning: 'Tracker'!Y900: 2 formulas' saved results (from Y900)"]);
  // Saved by a program that calculates (no fullCalcOnLoad): results are trusted.
  const workbook = parts.get("xl/workbook.xml")!.toString();
  expect(workbook).toContain('fullCalcOnLoad="1"');
  parts.set("xl/workbook.xml", Buffer.from(workbook.replace('fullCalcOnLoad="1"', "")));
  expect(await warnings("calculated")).toEqual(["  Warning: 'Tracker'!V900: 3 formulas have no saved result (from V900)"]);
});

test("a tracker left unread for being far from the rest (the sheet's last rows) is named on the one line that says no table was found (helper-137)", async () => {
  const run = await runBuild([join(__dirname, "..", "fuzz", "repro", "tracker-at-last-rows.xlsx"), "-o", join(dir, "last-rows.xlsx"), "--preset", "rag"]);
  expect(run.code).toBe(3);
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(/^rag-scorecard build: no indicator or activity table recognised in .*'KPIs'!B1048572: 25 cells far from the rest of the data \(from B1048572\) were not read: move them nearer the table if they are part of it\.$/);
});


test("no table: every sheet's cells left unread are named on the one line, sheet names quoted as Excel quotes them", () => {
  const far = (sheet: string, cell: string) => ({ sheet, cell, message: `2 cells far from the rest of the data (from ${cell}) were not read`, severity: "warning" as const });
  const line = noTableLine("book.xlsx", [], [far("Officer's KPIs", "B1048572"), far("Notes", "XFD1")]);
  expect(line).toBe(
    "rag-scorecard build: no indicator or activity table recognised in book.xlsx. Looked on every sheet for a header row naming indicators (ref, target, actual or a period such as \"Q3 YTD Actual\") " +
      "or activities (description or action, with status, progress or due date). 'Officer''s KPIs'!B1048572: 2 cells far from the rest of the data (from B1048572) were not read. 'Notes'!XFD1: 2 cells far from the rest of the data (from XFD1) were not read.",
  );
  expect(line.split("\n")).toHaveLength(1);
});
