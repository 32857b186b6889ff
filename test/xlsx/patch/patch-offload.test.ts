// The officers' sheets patched on a second thread give the same package, byte for byte, as patched
// on this one; and whatever the thread cannot do is done here, with the same outcome.
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { PlanStyle } from "../../../src/engine/vocab/plan";
import { emptySheetPlan } from "../../../src/engine/vocab/plan";
import { runScorecard } from "../../../src/engine/scorecard";
import { readPackage, writePatchedPackage } from "../../../src/xlsx";
import type { PackageBuildReport, PackageWriteOptions } from "../../../src/xlsx/build-package";
import { decodeEdits, settledXf, settleFormats, UnsettledFormat } from "../../../src/xlsx/patch/patch-offload";
import { sheetEdits } from "../../../src/xlsx/patch/sheet-edits";
import { addTracker } from "../helpers/add-tracker";
import { readParts, writeParts } from "../helpers/zip-parts";

const ROOT = join(__dirname, "..", "..", "..");
/** The compiled thread (npm test builds it first: `tsc -p tsconfig.cli.json`). */
const SCRIPT = join(ROOT, "dist", "xlsx", "patch", "patch-thread.js");
const dir = mkdtempSync(join(tmpdir(), "rag-offload-"));
const TODAY = "2026-12-04";

const GREEN: PlanStyle = { fill: "#00B050" };
const BOLD: PlanStyle = { bold: true };

describe("settleFormats", () => {
  const plan = { ...emptySheetPlan("T", "edit"), blocks: [{ row: 1, col: 2, values: [["x", null]] }, { row: 4, col: 0, values: [[7]] }] };
  plan.styles = [
    { ranges: [{ top: 1, left: 2, bottom: 1, right: 2 }], style: GREEN },
    { ranges: [{ top: 4, left: 0, bottom: 6, right: 0 }], style: BOLD },
  ];
  const edits = sheetEdits(plan, []);

  test("asks for formats in the patcher's order, from the formats read, and decodes to the same edits", () => {
    const asked: string[] = [];
    const xfFor = (base: number, styles: readonly PlanStyle[]) => {
      asked.push(`${base}+${JSON.stringify(styles)}`);
      return 100 + asked.length;
    };
    const styleIds: number[][] = [];
    styleIds[4] = [9];
    const enc = settleFormats(edits, styleIds, xfFor);
    expect(asked).toEqual([`0+${JSON.stringify([GREEN])}`, `9+${JSON.stringify([BOLD])}`, `0+${JSON.stringify([BOLD])}`, `0+${JSON.stringify([BOLD])}`]);
    const decoded = decodeEdits(enc);
    expect(decoded.rows.length).toBe(edits.rows.length);
    for (let i = 0; i < edits.rows.length; i++) {
      const row = decoded.rows.at(i)!;
      expect(row.row).toBe(edits.rows[i].row);
      expect(row.cells.map((c) => [c.col, c.value, c.styles.length])).toEqual(edits.rows[i].cells.map((c) => [c.col, c.value, c.styles.length]));
    }
    // The value null (empty the cell) is not the same as no value (leave it).
    expect("value" in decoded.rows.at(0)!.cells[1]).toBe(true);
    expect(decoded.rows.at(0)!.cells[1].value).toBeNull();
    expect("value" in decoded.rows.at(2)!.cells[0]).toBe(false);
    expect(settledXf(9, decoded.rows.at(1)!.cells[0])).toBe(102);
    expect(() => settledXf(0, decoded.rows.at(1)!.cells[0])).toThrow(UnsettledFormat);
  });
});

/** Every entry of a zip, by name. */
const entries = async (path: string) => readParts(path);

async function build(input: string, out: string, settings: { preset: string; period: string; reportDate: string }, options: PackageWriteOptions, tamper?: (styleIds: number[][]) => void): Promise<PackageBuildReport["patchThread"]> {
  const read = await readPackage(input);
  try {
    if (tamper) for (const s of read.sheets) if (s.styleIds) tamper(s.styleIds);
    const run = runScorecard(read.grids, { ...settings, today: TODAY, ownedSheets: read.ownedSheets });
    return (await writePatchedPackage(read, run.plans, out, options)).patchThread;
  } finally {
    read.pkg.close();
  }
}

async function expectSamePackages(a: string, b: string): Promise<void> {
  const [pa, pb] = [await entries(a), await entries(b)];
  expect([...pa.keys()]).toEqual([...pb.keys()]);
  for (const [name, bytes] of pa) expect({ name, same: bytes.equals(pb.get(name) as Buffer) }).toEqual({ name, same: true });
}

/** Every cell's value and format, sheet by sheet, as ExcelJS reads them. */
async function cellsAsShown(path: string): Promise<Record<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, string[]> = {};
  wb.eachSheet((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => cells.push(JSON.stringify([c.address, c.value, c.style]))));
    out[ws.name] = cells;
  });
  return out;
}

const { SAMPLES } = require("../../../samples/catalogue.js") as { SAMPLES: { file: string; preset: string; period: string; reportDate: string }[] };

describe("patching on a second thread", () => {
  beforeAll(() => {
    if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`npx tsc -p tsconfig.cli.json\` (npm test does) before these tests`);
  });

  test.each(SAMPLES.map((s) => [s.file, s] as const))("%s: the same bytes as patching here", async (file, s) => {
    const input = join(ROOT, "samples", file);
    const settings = { preset: s.preset, period: s.period, reportDate: s.reportDate };
    expect(await build(input, join(dir, `${file}.here.xlsx`), settings, { patchThread: "never" })).toEqual({ patched: 0, leftHere: 0 });
    const thread = await build(input, join(dir, `${file}.thread.xlsx`), settings, { patchThread: "always", patchThreadScript: SCRIPT });
    expect(thread.patched).toBeGreaterThan(0);
    expect(thread.leftHere).toBe(0);
    await expectSamePackages(join(dir, `${file}.here.xlsx`), join(dir, `${file}.thread.xlsx`));
  });

  test("Excel-saved workbooks with a tracker added: the same bytes as patching here", async () => {
    const corpus = join(ROOT, "test", "fixtures", "excel-saved");
    const files = readdirSync(corpus).filter((f) => /\.xls[xm]$/.test(f)).sort().slice(0, 12);
    expect(files.length).toBe(12);
    const settings = { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31" };
    for (const f of files) {
      const withTracker = join(dir, `tracked-${f}`);
      await writeParts(addTracker(await readParts(join(corpus, f))).parts, withTracker);
      const ext = f.endsWith(".xlsm") ? "xlsm" : "xlsx";
      await build(withTracker, join(dir, `${f}.here.${ext}`), settings, { patchThread: "never" });
      expect(await build(withTracker, join(dir, `${f}.thread.${ext}`), settings, { patchThread: "always", patchThreadScript: SCRIPT })).toEqual({ patched: 1, leftHere: 0 });
      await expectSamePackages(join(dir, `${f}.here.${ext}`), join(dir, `${f}.thread.${ext}`));
    }
  });

  test("a cell whose format is not the one read is left to this thread, with the same outcome", async () => {
    const s = SAMPLES[0];
    const input = join(ROOT, "samples", s.file);
    const settings = { preset: s.preset, period: s.period, reportDate: s.reportDate };
    // Every cell read as having format 1: the thread finds the file's own formats and gives the parts back.
    const wrong = (styleIds: number[][]) => {
      for (let r = 0; r < 400; r++) styleIds[r] = new Array<number>(40).fill(1);
    };
    await build(input, join(dir, "tampered.here.xlsx"), settings, { patchThread: "never" }, wrong);
    const thread = await build(input, join(dir, "tampered.thread.xlsx"), settings, { patchThread: "always", patchThreadScript: SCRIPT }, wrong);
    expect(thread.leftHere).toBeGreaterThan(0);
    // Numbered after our own sheets whatever the timing: the same bytes every time.
    await build(input, join(dir, "tampered.thread2.xlsx"), settings, { patchThread: "always", patchThreadScript: SCRIPT }, wrong);
    await expectSamePackages(join(dir, "tampered.thread.xlsx"), join(dir, "tampered.thread2.xlsx"));
    // Formats the thread left here are numbered after our own sheets' (made meanwhile), so the numbers
    // differ; every cell shows the same value and format, as an independent reader sees them.
    expect(await cellsAsShown(join(dir, "tampered.thread.xlsx"))).toEqual(await cellsAsShown(join(dir, "tampered.here.xlsx")));
  });

  test("a thread that fails as it starts leaves its parts to this thread, with the same bytes", async () => {
    const s = SAMPLES[0];
    const input = join(ROOT, "samples", s.file);
    const settings = { preset: s.preset, period: s.period, reportDate: s.reportDate };
    const failing = join(dir, "failing-thread.js");
    writeFileSync(failing, 'throw new Error("this thread fails");\n');
    const thread = await build(input, join(dir, "failed-thread.xlsx"), settings, { patchThread: "always", patchThreadScript: failing });
    expect(thread).toEqual({ patched: 0, leftHere: expect.any(Number) });
    expect(thread.leftHere).toBeGreaterThan(0);
    await build(input, join(dir, "here-too.xlsx"), settings, { patchThread: "never" });
    await expectSamePackages(join(dir, "here-too.xlsx"), join(dir, "failed-thread.xlsx"));
  });

  test("a thread whose script is not there is not started", async () => {
    const s = SAMPLES[0];
    const input = join(ROOT, "samples", s.file);
    const settings = { preset: s.preset, period: s.period, reportDate: s.reportDate };
    expect(await build(input, join(dir, "nothread.xlsx"), settings, { patchThread: "always", patchThreadScript: join(dir, "no-such-script.js") })).toEqual({ patched: 0, leftHere: 0 });
    await build(input, join(dir, "here.xlsx"), settings, { patchThread: "never" });
    await expectSamePackages(join(dir, "here.xlsx"), join(dir, "nothread.xlsx"));
    expect(readFileSync(join(dir, "nothread.xlsx")).length).toBeGreaterThan(0);
  });
});
