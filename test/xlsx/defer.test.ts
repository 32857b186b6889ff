// applyPlans(…, { deferNewSheetCells: true }) leaves a new sheet's cells as the plan until writeXlsx.
// The saved file and the report must be exactly what building the cells in ExcelJS gives.
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyPlans, readXlsx, writeXlsx, type ApplyReport } from "../../src/xlsx";
import { emptySheetPlan, type SheetPlan } from "../../src/engine/plan";

const dir = mkdtempSync(join(tmpdir(), "rag-defer-"));

async function trackerFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tracker");
  ws.addRow(["Ref.", "Definition", "Q3 YTD Target", "Q3 YTD Actual"]);
  ws.addRow(["SSC 01.1", "Overall crimes recorded", "Less than 7,844", 8204]);
  ws.getCell("A2").font = { name: "Arial", italic: true };
  const p = join(dir, "tracker.xlsx");
  await wb.xlsx.writeFile(p);
  return p;
}

/** A summary plan with every case the writer treats specially. */
function summaryPlan(): SheetPlan {
  const plan = emptySheetPlan("Summary", "create");
  plan.blocks.push(
    { row: 0, col: 0, values: [["Performance report — Q3", null, null, null, null]] },
    {
      row: 2,
      col: 0,
      values: [
        ["Ref.", "Status", "Actual", "On time", ""],
        ["SSC 01.1", "● Within target", 0.25, true, "=1+1"],
        ["NI 020", null, Number.NaN, false, "x".repeat(40000)],
        ["NI 021", "covered later", Number.POSITIVE_INFINITY],
        [null, null, null, null, "ragged row"],
      ],
    },
    // Overwrites part of the block above.
    { row: 3, col: 1, values: [["▲ Amber", 0.5]] },
    { row: 9, col: 2, values: [[null, "far"]] },
  );
  plan.merges.push(
    { top: 0, left: 0, bottom: 0, right: 4 }, // title
    { top: 5, left: 0, bottom: 6, right: 1 }, // two rows, over a value
    { top: 6, left: 1, bottom: 7, right: 2 }, // overlaps the one above: reported
    { top: 8, left: 3, bottom: 8, right: 3 }, // a single cell: nothing to merge
    { top: -1, left: 0, bottom: 0, right: 1 }, // invalid: reported
  );
  plan.rowMerges = [
    { top: 10, left: 1, bottom: 13, right: 3 },
    { top: 12, left: 0, bottom: 12, right: 1 }, // overlaps one row of the area above: reported
    { top: 3, left: 2, bottom: 1, right: 3 }, // invalid: reported
  ];
  plan.styles.push(
    { style: { fill: "#FFBF47", fontColor: "#0B0C0C", fontName: "Arial", bold: true }, ranges: [{ top: 3, left: 1, bottom: 4, right: 1 }] },
    { style: { numberFormat: "0.0%", hAlign: "right" }, ranges: [{ top: 3, left: 2, bottom: 5, right: 2 }, { top: 3, left: 2, bottom: 3, right: 2 }] },
    { style: { wrap: true, vAlign: "top", border: "#B1B4B6", italic: true }, ranges: [{ top: 2, left: 0, bottom: 13, right: 4 }] },
    { style: { fill: "#F3F2F1" }, ranges: [{ top: 15, left: 6, bottom: 16, right: 7 }, { top: 0, left: -2, bottom: 0, right: 0 }] },
  );
  plan.columnWidths.push({ col: 1, width: 40 });
  plan.rowHeights.push({ row: 0, height: 30 }, { row: 4, height: 18 }, { row: 20, height: 25 }, { row: 4, height: 21 }, { row: 22, height: 0 });
  plan.freeze = { rows: 3, cols: 1 };
  plan.print = { orientation: "landscape", paper: "A4", fitToPagesWide: 1, repeatRows: { first: 0, last: 2 }, header: "&LRAG", footer: "&RPage &P", rowBreaks: [8, 3] };
  plan.tabColor = "#1D70B8";
  return plan;
}

function rulesPlan(): SheetPlan {
  const plan = emptySheetPlan("Scorecard Rules", "create");
  plan.blocks.push({ row: 0, col: 0, values: [["Kind", "Key"], ["indicator", "red"]] });
  return plan;
}

function trackerEdit(): SheetPlan {
  const plan = emptySheetPlan("Tracker", "edit");
  plan.blocks.push({ row: 0, col: 4, values: [["Status (auto)"], ["within"]] });
  plan.styles.push({ style: { fill: "#00703C" }, ranges: [{ top: 1, left: 0, bottom: 1, right: 0 }] });
  return plan;
}

/** An edit of a sheet made in the same call: its cells are built after all, then edited. */
function summaryEdit(): SheetPlan {
  const plan = emptySheetPlan("Summary", "edit");
  plan.blocks.push({ row: 1, col: 0, values: [["edited", 7]] });
  plan.styles.push({ style: { bold: true }, ranges: [{ top: 1, left: 0, bottom: 1, right: 1 }] });
  return plan;
}

async function build(input: string, plans: () => SheetPlan[], deferNewSheetCells: boolean, name: string): Promise<{ report: ApplyReport; parts: Map<string, string> }> {
  const { workbook } = await readXlsx(input);
  const report = applyPlans(workbook, plans(), { deferNewSheetCells });
  const out = join(dir, name);
  await writeXlsx(workbook, out);
  const zip = await JSZip.loadAsync(readFileSync(out), { checkCRC32: true });
  const parts = new Map<string, string>();
  for (const n of Object.keys(zip.files).sort()) parts.set(n, await zip.files[n].async("string"));
  return { report, parts };
}

const cases: [name: string, plans: () => SheetPlan[]][] = [
  ["a summary with every special case, the rules sheet and an edit", () => [summaryPlan(), rulesPlan(), trackerEdit()]],
  ["a new sheet edited in the same call", () => [summaryPlan(), summaryEdit()]],
  ["a sheet made twice in one call (the second replaces the first)", () => [rulesPlan(), summaryPlan(), rulesPlan()]],
];

test.each(cases)("%s: same file, same report", async (name, plans) => {
  const input = await trackerFile();
  const slug = name.replace(/\W+/g, "-");
  const built = await build(input, plans, false, `${slug}-built.xlsx`);
  const deferred = await build(input, plans, true, `${slug}-deferred.xlsx`);
  expect(deferred.report).toEqual(built.report);
  expect([...deferred.parts.keys()]).toEqual([...built.parts.keys()]);
  for (const [part, xml] of built.parts) expect({ part, xml: deferred.parts.get(part) }).toEqual({ part, xml });
});

test("problems are reported by applyPlans; the cells are not in memory until the file is written", async () => {
  const { workbook } = await readXlsx(await trackerFile());
  const report = applyPlans(workbook, [summaryPlan()], { deferNewSheetCells: true });
  for (const kind of ["not finite", "cut to Excel's limit", "overlap another merged area", "merged area in the plan is not a valid range", "formatted range in the plan is not a valid range"]) {
    expect({ kind, reported: report.problems.some((p) => p.message.includes(kind)) }).toEqual({ kind, reported: true });
  }
  const ws = workbook.getWorksheet("Summary")!;
  expect(ws.getColumn(2).width).toBe(40);
  expect(ws.getCell("A1").value).toBeNull();
  const out = join(dir, "in-memory.xlsx");
  await writeXlsx(workbook, out);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.readFile(out);
  expect(saved.getWorksheet("Summary")!.getCell("A1").value).toBe("Performance report — Q3");
});

test("a value written into a deferred sheet is refused at save rather than lost", async () => {
  const { workbook } = await readXlsx(await trackerFile());
  applyPlans(workbook, [summaryPlan()], { deferNewSheetCells: true });
  workbook.getWorksheet("Summary")!.getCell("Z1").value = "added later";
  await expect(writeXlsx(workbook, join(dir, "refused.xlsx"))).rejects.toThrow('cells were written to "Summary"');
});
