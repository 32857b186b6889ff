// applyPlans then writeXlsx, reloaded with plain ExcelJS: what the plan said is what the file holds.
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyPlans, readXlsx, writeXlsx, STATE_SHEET } from "../../src/xlsx";
import { emptySheetPlan, type SheetPlan } from "../../src/engine/plan";

const dir = mkdtempSync(join(tmpdir(), "rag-apply-"));
const STRING = 3; // ExcelJS ValueType.String

/** An officer's tracker: values and one style shared by several cells, as Excel saves it. */
async function trackerFile(name: string, extraSheet?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tracker");
  ws.addRow(["Ref.", "Definition", "Q3 YTD Target", "Q3 YTD Actual"]);
  ws.addRow(["SSC 01.1", "Overall crimes recorded", "Less than 7,844", 8204]);
  ws.addRow(["NI 020", "Assault with injury", 5.76, 3.98]);
  for (const addr of ["A2", "B2", "A3", "B3"]) ws.getCell(addr).font = { name: "Arial", size: 10, italic: true };
  if (extraSheet) {
    const user = wb.addWorksheet(extraSheet);
    user.getCell("A1").value = "My own notes";
  }
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

function summaryPlan(name = "Summary"): SheetPlan {
  const plan = emptySheetPlan(name, "create");
  plan.blocks.push({
    row: 0,
    col: 0,
    values: [
      ["Performance report — Quarter 3 (October to December) 2010/11", null, null, null],
      ["=1+1", "+44 1384", "-5", "@home"],
      ["Ref.", "Status", "Actual", "On time"],
      ["SSC 01.1", "● Within target limits", 0.25, true],
    ],
  });
  plan.merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
  plan.styles.push(
    { style: { fill: "#FFBF47", fontColor: "#0B0C0C", fontName: "Arial", fontSize: 11, bold: true }, ranges: [{ top: 3, left: 1, bottom: 3, right: 1 }] },
    { style: { numberFormat: "0.0%", hAlign: "right" }, ranges: [{ top: 3, left: 2, bottom: 3, right: 2 }] },
    { style: { wrap: true, vAlign: "top", border: "#B1B4B6", italic: true }, ranges: [{ top: 2, left: 0, bottom: 3, right: 3 }] },
  );
  plan.columnWidths.push({ col: 1, width: 40 });
  plan.rowHeights.push({ row: 0, height: 30 });
  plan.freeze = { rows: 3, cols: 1 };
  plan.print = { orientation: "landscape", paper: "A4", fitToPagesWide: 1, repeatRows: { first: 0, last: 2 }, header: "&LRAG Scorecard", footer: "&RPage &P of &N" };
  plan.tabColor = "#1D70B8";
  return plan;
}

function editPlan(): SheetPlan {
  const plan = emptySheetPlan("Tracker", "edit");
  plan.blocks.push({ row: 0, col: 4, values: [["Status (auto)"], ["within"], [null]] });
  plan.styles.push({ style: { fill: "#00703C", fontColor: "#FFFFFF" }, ranges: [{ top: 1, left: 0, bottom: 1, right: 0 }] });
  return plan;
}

async function reload(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

describe("applyPlans then save and reload", () => {
  let wb: ExcelJS.Workbook;
  let summary: ExcelJS.Worksheet;
  let tracker: ExcelJS.Worksheet;

  beforeAll(async () => {
    const input = await trackerFile("tracker.xlsx");
    const { workbook } = await readXlsx(input);
    // Pretend an earlier edit had written something in the owned column.
    workbook.getWorksheet("Tracker")!.getCell("E3").value = "stale";
    const report = applyPlans(workbook, [summaryPlan(), editPlan()]);
    expect(report.problems).toEqual([]);
    const out = join(dir, "out.xlsx");
    await writeXlsx(workbook, out);
    wb = await reload(out);
    summary = wb.getWorksheet("Summary")!;
    tracker = wb.getWorksheet("Tracker")!;
  });

  const literal = [
    { rule: "leading = stays text", cell: "A2", text: "=1+1" },
    { rule: "leading + stays text", cell: "B2", text: "+44 1384" },
    { rule: "leading - stays text", cell: "C2", text: "-5" },
    { rule: "leading @ stays text", cell: "D2", text: "@home" },
  ];
  test.each(literal)("$rule", ({ cell, text }) => {
    const c = summary.getCell(cell);
    expect(c.type).toBe(STRING);
    expect(c.value).toBe(text);
    expect(c.formula).toBeUndefined();
  });

  const values = [
    { rule: "title text", cell: "A1", expected: "Performance report — Quarter 3 (October to December) 2010/11" },
    { rule: "number", cell: "C4", expected: 0.25 },
    { rule: "boolean", cell: "D4", expected: true },
    { rule: "status text", cell: "B4", expected: "● Within target limits" },
  ];
  test.each(values)("value: $rule", ({ cell, expected }) => {
    expect(summary.getCell(cell).value).toEqual(expected);
  });

  test("fill, font, number format, alignment and border", () => {
    const status = summary.getCell("B4");
    expect(status.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFBF47" } });
    expect(status.font).toMatchObject({ name: "Arial", size: 11, bold: true, italic: true, color: { argb: "FF0B0C0C" } });
    expect(status.border.top).toMatchObject({ style: "thin", color: { argb: "FFB1B4B6" } });
    expect(status.alignment).toMatchObject({ wrapText: true, vertical: "top" });
    const actual = summary.getCell("C4");
    expect(actual.numFmt).toBe("0.0%");
    expect(actual.alignment).toMatchObject({ horizontal: "right", wrapText: true, vertical: "top" });
  });

  test("merges, widths, heights, freeze panes, tab colour", () => {
    expect(summary.model.merges).toEqual(["A1:D1"]);
    expect(summary.getColumn(2).width).toBe(40);
    expect(summary.getRow(1).height).toBe(30);
    expect(summary.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(summary.properties.tabColor).toMatchObject({ argb: "FF1D70B8" });
  });

  test("print setup and header/footer", () => {
    expect(summary.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:3" });
    expect(summary.headerFooter).toMatchObject({ oddHeader: "&LRAG Scorecard", oddFooter: "&RPage &P of &N" });
  });

  test("edit plan writes only its cells: the officer's values stay", () => {
    expect(tracker.getSheetValues().slice(1, 4).map((r) => (r as ExcelJS.CellValue[]).slice(1, 5))).toEqual([
      ["Ref.", "Definition", "Q3 YTD Target", "Q3 YTD Actual"],
      ["SSC 01.1", "Overall crimes recorded", "Less than 7,844", 8204],
      ["NI 020", "Assault with injury", 5.76, 3.98],
    ]);
    expect(tracker.getCell("E1").value).toBe("Status (auto)");
    expect(tracker.getCell("E2").value).toBe("within");
    expect(tracker.getCell("E3").value).toBeNull();
  });

  test("recolouring one cell leaves cells that shared its style alone", () => {
    expect(tracker.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FF00703C" } });
    expect(tracker.getCell("A2").font).toMatchObject({ name: "Arial", italic: true, color: { argb: "FFFFFFFF" } });
    for (const addr of ["B2", "A3", "B3"]) {
      expect((tracker.getCell(addr).fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
      expect(tracker.getCell(addr).font).toMatchObject({ name: "Arial", italic: true });
      expect(tracker.getCell(addr).font.color).toBeUndefined();
    }
  });

  test("the ownership record is a very hidden sheet", () => {
    const state = wb.getWorksheet(STATE_SHEET)!;
    expect(state.state).toBe("veryHidden");
    expect(JSON.parse(String(state.getCell("A1").value))).toEqual({ version: 1, owned: [{ sheet: "Summary", plan: "Summary" }] });
  });
});

describe("sheet ownership across saves", () => {
  test("a create plan never replaces a user's sheet of the same name, and rebuilding replaces ours", async () => {
    const input = await trackerFile("with-user-summary.xlsx", "Summary");
    const first = await readXlsx(input);
    const r1 = applyPlans(first.workbook, [summaryPlan()]);
    expect(r1.sheets[0]).toMatchObject({ plan: "Summary", sheet: "Summary (2)", replaced: false });
    const out1 = join(dir, "built-once.xlsx");
    await writeXlsx(first.workbook, out1);

    const second = await readXlsx(out1);
    expect(second.ownedSheets).toEqual(["Summary (2)"]);
    expect(second.grids.map((g) => g.name)).toEqual(["Tracker", "Summary", "Summary (2)"]);
    const r2 = applyPlans(second.workbook, [summaryPlan()]);
    expect(r2.sheets[0]).toMatchObject({ sheet: "Summary (2)", replaced: true });
    const out2 = join(dir, "built-twice.xlsx");
    await writeXlsx(second.workbook, out2);

    const wb = await reload(out2);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tracker", "Summary", "Summary (2)", STATE_SHEET]);
    expect(wb.getWorksheet("Summary")!.getCell("A1").value).toBe("My own notes");
    expect(wb.getWorksheet("Summary (2)")!.getCell("B2").value).toBe("+44 1384");
  });

  test("building twice in one session keeps the sheet count and the tab position", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tracker");
    applyPlans(wb, [summaryPlan()]);
    wb.addWorksheet("Notes");
    const before = wb.worksheets.map((w) => w.name);
    const report = applyPlans(wb, [summaryPlan()]);
    expect(report.sheets[0].replaced).toBe(true);
    expect(wb.worksheets.map((w) => w.name)).toEqual(before);
  });

  test("an edit plan for a missing sheet is a problem, not a crash", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tracker");
    const report = applyPlans(wb, [emptySheetPlan("Indicators", "edit")]);
    expect(report.problems).toEqual([{ sheet: "Indicators", cell: "", message: 'The sheet "Indicators" was not found, so nothing was written to it.', severity: "error" }]);
  });

  const valueProblems: { rule: string; value: number | string; expected: string; cell: string | number | null }[] = [
    { rule: "a number that is not finite is left empty", value: Number.NaN, expected: "Summary!B2", cell: null },
    { rule: "text over 32,767 characters is cut", value: "x".repeat(40000), expected: "Summary!B2", cell: 32767 },
  ];
  test.each(valueProblems)("$rule", ({ value, expected, cell }) => {
    const wb = new ExcelJS.Workbook();
    const plan = emptySheetPlan("Summary", "create");
    plan.blocks.push({ row: 1, col: 1, values: [[value]] });
    const report = applyPlans(wb, [plan]);
    expect(report.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual([expected]);
    const written = wb.getWorksheet("Summary")!.getCell("B2").value;
    expect(typeof written === "string" ? written.length : written).toBe(cell);
  });

  test("an edit never writes through a covered cell of a merged area", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    ws.getCell("A1").value = "Community Safety Priority 1";
    ws.mergeCells("A1:C1");
    const plan = emptySheetPlan("Tracker", "edit");
    plan.blocks.push({ row: 0, col: 2, values: [["Status (auto)"]] });
    const report = applyPlans(wb, [plan]);
    expect(report.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Tracker!C1"]);
    expect(ws.getCell("A1").value).toBe("Community Safety Priority 1");
  });

  test("overlapping merges are reported and skipped", () => {
    const wb = new ExcelJS.Workbook();
    const plan = emptySheetPlan("Summary", "create");
    plan.merges.push({ top: 0, left: 0, bottom: 1, right: 1 }, { top: 1, left: 1, bottom: 2, right: 2 });
    const report = applyPlans(wb, [plan]);
    expect(report.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Summary!B2:C3"]);
  });
});

describe("manual page breaks", () => {
  /** The <brk> elements of a saved sheet: ExcelJS keeps row breaks when writing but drops them when reading. */
  async function breaksIn(path: string, sheet: string): Promise<{ id: number; max: number; man: number }[]> {
    const zip = await JSZip.loadAsync(readFileSync(path));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbookXml)?.[1];
    const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
    return [...xml.matchAll(/<brk ([^>]*)\/>/g)].map((m) => {
      const attr = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(m[1])?.[1]);
      return { id: attr("id"), max: attr("max"), man: attr("man") };
    });
  }

  const cases: [rule: string, rowBreaks: number[], ids: number[]][] = [
    ["a page starting at zero-based row r is a break after one-based row r", [12, 40], [12, 40]],
    ["unsorted and repeated rows are written once, in order", [40, 12, 40], [12, 40]],
    ["row 0 and rows past the sheet need no break", [0, -3, 1048576, 7], [7]],
  ];
  test.each(cases)("%s", async (_rule, rowBreaks, ids) => {
    const { workbook } = await readXlsx(await trackerFile(`breaks-${ids.join("-")}.xlsx`));
    const plan = summaryPlan();
    plan.print = { ...plan.print!, rowBreaks };
    expect(applyPlans(workbook, [plan]).problems).toEqual([]);
    const out = join(dir, `breaks-out-${ids.join("-")}.xlsx`);
    await writeXlsx(workbook, out);
    const breaks = await breaksIn(out, "Summary");
    expect(breaks.map((b) => b.id)).toEqual(ids);
    for (const b of breaks) expect(b).toMatchObject({ max: 16383, man: 1 });
  });
});
