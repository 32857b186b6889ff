// `rag-scorecard build` end to end on the bundled samples: statuses, exit codes, and the reliability bars
// (input never written, typed cells unchanged, no formulas injected, stable rebuilds, rules sheet edits).
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readPackage } from "../../src/xlsx/read-package";
import { main } from "../../src/cli/main";
import { writeJsonReport } from "../../src/cli/build";
import { commitFiles } from "../../src/cli/commit";
import type { JsonReport } from "../../src/cli/report";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const { SAMPLES } = require("../../samples/catalogue.js") as {
  SAMPLES: { file: string; preset: string; period: string; reportDate: string }[];
};

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rag-build-"));
const quiet = () => {
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  jest.spyOn(console, "error").mockImplementation(() => undefined);
};
afterEach(() => jest.restoreAllMocks());

async function build(input: string, output: string, extra: string[] = []): Promise<{ code: number; report?: JsonReport }> {
  quiet();
  const json = `${output}.json`;
  const code = await main(["build", input, "-o", output, "--json", json, ...extra]);
  jest.restoreAllMocks();
  return { code, report: code === 0 ? (JSON.parse(readFileSync(json, "utf8")) as JsonReport) : undefined };
}

function sampleArgs(s: (typeof SAMPLES)[number]): string[] {
  return ["--preset", s.preset, "--period", s.period, "--report-date", s.reportDate];
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function gridsOf(path: string): Promise<{ grids: SheetGrid[] }> {
  const read = await readPackage(path);
  read.pkg.close();
  return { grids: read.grids };
}

function comparable(v: CellValue): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

describe.each(SAMPLES.map((s) => [s.file, s] as const))("%s", (file, sample) => {
  const input = join(root, "samples", file);
  const output = join(dir, file.replace(".xlsx", ".out.xlsx"));
  let report: JsonReport;
  const before = sha(input);

  beforeAll(async () => {
    const result = await build(input, output, sampleArgs(sample));
    expect(result.code).toBe(0);
    report = result.report as JsonReport;
  });

  test("every record gets the status worked out by hand in the sample's expected file", () => {
    const expected = JSON.parse(readFileSync(input.replace(".xlsx", ".expected.json"), "utf8")) as {
      records: { sheet: string; row: number; ref: string; status: string; trend?: string; check?: boolean }[];
    };
    const got = new Map(report.records.map((r) => [`${r.sheet}!${r.row}`, r]));
    for (const e of expected.records) {
      const r = got.get(`${e.sheet}!${e.row}`);
      expect({ where: `${e.sheet}!${e.row} ${e.ref}`, status: r?.status, trend: e.trend ? r?.trend : undefined, check: e.check === undefined ? undefined : (r?.checks.length ?? 0) > 0 }).toEqual({
        where: `${e.sheet}!${e.row} ${e.ref}`,
        status: e.status,
        trend: e.trend,
        check: e.check,
      });
    }
    expect(report.records).toHaveLength(expected.records.length);
  });

  test("the input file is never written", () => {
    expect(sha(input)).toBe(before);
  });

  test("no typed cell changed and no formula was injected", async () => {
    const a = await gridsOf(input);
    const b = await gridsOf(output);
    for (const grid of a.grids) {
      const out = b.grids.find((g) => g.name === grid.name);
      expect(out).toBeDefined();
      grid.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== "") expect({ at: `${grid.name} r${r}c${c}`, v: comparable(out?.values[r]?.[c] ?? null) }).toEqual({ at: `${grid.name} r${r}c${c}`, v: comparable(v) });
        }),
      );
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => (formulas += cell.type === ExcelJS.ValueType.Formula ? 1 : 0))));
    expect(formulas).toBe(0);
  });

  test("the JSON counts match the summary sheet's headline table", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const summary = wb.getWorksheet("Summary");
    expect(summary).toBeDefined();
    for (const kind of ["indicator", "activity"] as const) {
      const total = Object.values(report.counts[kind]).reduce((s, n) => s + n, 0);
      const label = kind === "indicator" ? "Indicators" : "Activities";
      let found: number | undefined;
      summary?.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1);
        if (found === undefined && cells[0] === label) {
          const numbers = cells.filter((v) => typeof v === "number") as number[];
          found = numbers[numbers.length - 1];
        }
      });
      expect({ kind, total: found ?? 0 }).toEqual({ kind, total });
    }
  });

  test("building the output again gives the same workbook", async () => {
    const again = join(dir, file.replace(".xlsx", ".again.xlsx"));
    const second = await build(output, again, sampleArgs(sample));
    expect(second.code).toBe(0);
    expect(second.report?.records.map((r) => [r.sheet, r.row, r.status])).toEqual(report.records.map((r) => [r.sheet, r.row, r.status]));
    const a = await gridsOf(output);
    const b = await gridsOf(again);
    expect(b.grids.map((g) => g.name)).toEqual(a.grids.map((g) => g.name));
    for (const g of a.grids) expect(b.grids.find((x) => x.name === g.name)?.values.map((r) => r.map(comparable))).toEqual(g.values.map((r) => r.map(comparable)));
    // Every part of the package comes out the same.
    const [za, zb] = await Promise.all([JSZip.loadAsync(readFileSync(output)), JSZip.loadAsync(readFileSync(again))]);
    expect(Object.keys(zb.files).sort()).toEqual(Object.keys(za.files).sort());
    for (const name of Object.keys(za.files)) expect({ name, same: (await za.file(name)?.async("string")) === (await zb.file(name)?.async("string")) }).toEqual({ name, same: true });
  });
});

describe("exit codes", () => {
  test("a text file renamed .xlsx is unreadable (2)", async () => {
    const bad = join(dir, "notes.xlsx");
    writeFileSync(bad, "Q3 figures to follow\n");
    expect((await build(bad, join(dir, "x.xlsx"))).code).toBe(2);
  });

  test("an empty workbook has no tables (3)", async () => {
    const empty = join(dir, "empty.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await wb.xlsx.writeFile(empty);
    expect((await build(empty, join(dir, "x.xlsx"))).code).toBe(3);
  });

  test("a workbook of prose has no tables (3)", async () => {
    const prose = join(dir, "prose.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Notes");
    ws.addRow(["Minutes of the Community Safety Committee"]);
    ws.addRow(["Members noted the report."]);
    await wb.xlsx.writeFile(prose);
    expect((await build(prose, join(dir, "x.xlsx"))).code).toBe(3);
  });

  test("writing over the input is refused (1) and usage mistakes are 1", async () => {
    const input = join(root, "samples", SAMPLES[0].file);
    expect((await build(input, input)).code).toBe(1);
    quiet();
    expect(await main(["build", input])).toBe(1);
    expect(await main(["build", input, "-o", join(dir, "y.xlsx"), "--preset", "bogus"])).toBe(1);
    // helper-69: names every object has, and no name at all, are no preset either (they were exit 2, a JavaScript error).
    for (const preset of ["constructor", "__proto__", "toString", ""]) expect(await main(["build", input, "-o", join(dir, "y.xlsx"), "--preset", preset])).toBe(1);
    expect(await main(["build", input, "-o", join(dir, "y.xlsx"), "--report-date", "31/03/2010"])).toBe(1);
    expect(await main(["frobnicate"])).toBe(1);
  });
});

describe("workbooks people have edited", () => {
  const sample = SAMPLES.find((s) => s.preset === "rag") ?? SAMPLES[0];
  const input = join(root, "samples", sample.file);

  test("a user's own sheet called Summary survives and ours takes another name", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.addWorksheet("Summary").getCell("A1").value = "My own notes";
    const withUserSheet = join(dir, "user-summary.xlsx");
    await wb.xlsx.writeFile(withUserSheet);
    const out = join(dir, "user-summary.out.xlsx");
    expect((await build(withUserSheet, out, sampleArgs(sample))).code).toBe(0);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(out);
    expect(result.getWorksheet("Summary")?.getCell("A1").value).toBe("My own notes");
    expect(result.worksheets.some((ws) => ws.name.startsWith("Summary (2)"))).toBe(true);
  });

  test("a relationships part another tool left for a sheet part that is not there is not taken over by a new sheet of ours, nor deleted by a rebuild", async () => {
    const zip = await JSZip.loadAsync(readFileSync(input));
    const stray = '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
    // Left for sheet parts this workbook does not have, in either case: where our new sheets' parts would go.
    const present = new Set(Object.keys(zip.files).map((f) => f.toLowerCase()));
    const names = Array.from({ length: 12 }, (_, i) => `xl/worksheets/_rels/${i % 2 ? "Sheet" : "sheet"}${i + 1}.xml.rels`).filter((n) => !present.has(`xl/worksheets/sheet${n.match(/\d+/)![0]}.xml`));
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) zip.file(n, stray);
    const withStray = join(dir, "stray-rels.xlsx");
    writeFileSync(withStray, await zip.generateAsync({ type: "nodebuffer" }));
    const once = join(dir, "stray-rels.out.xlsx");
    const twice = join(dir, "stray-rels.again.xlsx");
    expect((await build(withStray, once, sampleArgs(sample))).code).toBe(0);
    expect((await build(once, twice, sampleArgs(sample))).code).toBe(0);
    for (const out of [once, twice]) {
      const built = await JSZip.loadAsync(readFileSync(out));
      for (const n of names) expect(await built.file(n)?.async("string")).toBe(stray);
      // No sheet part of ours is named for one of them.
      const sheetsOfThem = names.map((n) => n.replace("_rels/", "").replace(/\.rels$/, "").toLowerCase());
      expect(Object.keys(built.files).filter((f) => sheetsOfThem.includes(f.toLowerCase()))).toEqual([]);
    }
  });

  // OPC M2.5: no two Overrides for one part name. A tool that removed a sheet part may leave its Override behind;
  // our new sheet was named for it and given a second one (and the stale one's content type, where it differed).
  test("a content type Override left for a sheet part that is not there is not taken by a new sheet of ours", async () => {
    const zip = await JSZip.loadAsync(readFileSync(input));
    const present = new Set(Object.keys(zip.files).map((f) => f.toLowerCase()));
    const missing = Array.from({ length: 12 }, (_, i) => `xl/worksheets/${i % 2 ? "Sheet" : "sheet"}${i + 1}.xml`).filter((n) => !present.has(n.toLowerCase()));
    expect(missing.length).toBeGreaterThan(3);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    const stale = missing.map((n) => `<Override PartName="/${n}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`).join("");
    zip.file("[Content_Types].xml", types.replace("</Types>", `${stale}</Types>`));
    const withStale = join(dir, "stale-overrides.xlsx");
    writeFileSync(withStale, await zip.generateAsync({ type: "nodebuffer" }));
    const once = join(dir, "stale-overrides.out.xlsx");
    const twice = join(dir, "stale-overrides.again.xlsx");
    expect((await build(withStale, once, sampleArgs(sample))).code).toBe(0);
    expect((await build(once, twice, sampleArgs(sample))).code).toBe(0);
    for (const out of [once, twice]) {
      const built = await JSZip.loadAsync(readFileSync(out));
      const names = [...(await built.file("[Content_Types].xml")!.async("string")).matchAll(/PartName="([^"]*)"/g)].map((m) => m[1].toLowerCase());
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
      expect(Object.keys(built.files).filter((f) => missing.some((n) => n.toLowerCase() === f.toLowerCase()))).toEqual([]);
    }
  });

  test("--all-committees says which summary of ours it left from an earlier run when a committee has no records now", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("KPIs");
    ws.addRows([
      ["Ref", "Indicator", "Target", "Actual", "Polarity", "Committee"],
      ["HE 1", "Rent collected", 97, 98.2, "Higher is better", "Housing"],
      ["HE 2", "Days to re-let", 30, 41, "Lower is better", "Planning"],
      ["HE 3", "Recycling", 50, 48.9, "Higher is better", "Waste"],
    ]);
    const q3 = join(dir, "committees.xlsx");
    await wb.xlsx.writeFile(q3);
    const built = join(dir, "committees.q3.xlsx");
    expect((await build(q3, built, ["--period", "Q3 2024/25", "--all-committees"])).code).toBe(0);
    // Planning's only indicator moves to Housing: one cell of the tracker, edited in the built workbook.
    const zip = await JSZip.loadAsync(readFileSync(built));
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("<t>Planning</t>");
    zip.file("xl/sharedStrings.xml", strings.replace("<t>Planning</t>", "<t>Housing</t>"));
    const edited = join(dir, "committees.edited.xlsx");
    writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer" }));
    const said: string[] = [];
    jest.spyOn(console, "log").mockImplementation((line: string) => void said.push(line));
    const code = await main(["build", edited, "-o", join(dir, "committees.q4.xlsx"), "--period", "Q4 2024/25", "--all-committees"]);
    jest.restoreAllMocks();
    expect(code).toBe(0);
    const notes = said.join("\n").split("\n").filter((l) => l.includes("not rebuilt"));
    expect(notes).toEqual([expect.stringContaining('"Summary – Planning", a summary an earlier run built, was not rebuilt: no record names its committee now')]);
    // The same build again, nothing moved: nothing to say.
    said.length = 0;
    jest.spyOn(console, "log").mockImplementation((line: string) => void said.push(line));
    expect(await main(["build", built, "-o", join(dir, "committees.q4b.xlsx"), "--period", "Q4 2024/25", "--all-committees"])).toBe(0);
    jest.restoreAllMocks();
    expect(said.join("\n")).not.toContain("not rebuilt");
  });

  // A summary of ours is replaced by the plan it was made for, not by its name: where a user's sheet had the
  // name, ours is "Summary – Housing (2)", and the note told the officer to delete the summary just rebuilt.
  test("--all-committees says nothing of a summary of ours rebuilt under another name than its plan's", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("KPIs").addRows([
      ["Ref", "Indicator", "Target", "Actual", "Polarity", "Committee"],
      ["HE 1", "Rent collected", 97, 98.2, "Higher is better", "Housing"],
      ["HE 2", "Days to re-let", 30, 41, "Lower is better", "Planning"],
    ]);
    wb.addWorksheet("Summary – Housing").addRow(["The officer's own notes"]);
    const input = join(dir, "committees-named.xlsx");
    await wb.xlsx.writeFile(input);
    const built = join(dir, "committees-named.q3.xlsx");
    expect((await build(input, built, ["--period", "Q3 2024/25", "--all-committees"])).code).toBe(0);
    const read = await readPackage(built);
    read.pkg.close();
    expect(read.sheets.map((s) => s.name)).toContain("Summary – Housing (2)");
    const said: string[] = [];
    jest.spyOn(console, "log").mockImplementation((line: string) => void said.push(line));
    const code = await main(["build", built, "-o", join(dir, "committees-named.q3b.xlsx"), "--period", "Q3 2024/25", "--all-committees"]);
    jest.restoreAllMocks();
    expect(code).toBe(0);
    expect(said.join("\n")).not.toContain("not rebuilt");
  });

  // Excel stores "Dec-2021" typed in a cell as 1 December, shown "Dec-21"; the file host hands it over as a Date.
  test("a due date typed \"Dec-2021\" in Excel is due at the month's end and shown as its month", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Key Tasks");
    ws.addRow(["Status", "Action Title", "Progress", "Due Date", "Comments"]);
    ws.addRow(["In Progress", "COMS1 Produce the plan", 0.25, new Date(Date.UTC(2021, 11, 1)), "Drafted"]);
    ws.addRow(["In Progress", "COMS2 Review the policy", 0.25, new Date(Date.UTC(2021, 11, 1)), "Started"]);
    ws.getCell("D2").numFmt = "mmm-yy";
    ws.getCell("D3").numFmt = "dd/mm/yyyy";
    const typed = join(dir, "month-due.xlsx");
    await wb.xlsx.writeFile(typed);
    const out = join(dir, "month-due.out.xlsx");
    const { code, report } = await build(typed, out, ["--preset", "pentana", "--period", "Q3 2021/22", "--report-date", "2021-12-15"]);
    const summary = (await gridsOf(out)).grids.find((g) => g.name === "Summary")!;
    const shown = [...new Set(summary.values.flat().filter((v) => typeof v === "string" && /^(Dec-2021|01\/12\/2021)$/.test(v)))].sort();
    expect({ code, statuses: report?.records.map((r) => r.status), shown }).toEqual({ code: 0, statuses: ["warning", "overdue"], shown: ["01/12/2021", "Dec-2021"] });
  });

  test("editing a colour and the tolerance in the Scorecard Rules sheet changes the next build", async () => {
    const first = join(dir, "rules-first.xlsx");
    const { report } = await build(input, first, sampleArgs(sample));
    // Edited at the package level, as Excel would save it: our sheets keep their marks.
    const read = await readPackage(first);
    const rules = read.grids.find((g) => g.name === "Scorecard Rules");
    const part = read.sheets.find((s) => s.name === "Scorecard Rules")?.part;
    read.pkg.close();
    expect(rules && part).toBeTruthy();
    const edits: Record<string, string> = {};
    rules?.values.forEach((row, i) => {
      const values = row.map((v) => (typeof v === "string" ? v : ""));
      if (values[0] === "Tolerance") edits[`B${i + 1}`] = "50%";
      if (values[0].toLowerCase() === "indicator" && values[1] === "red") {
        edits[`F${i + 1}`] = "#C00000"; // Kind | Key | Label | Meaning | Level | Fill | Font …
        edits[`G${i + 1}`] = "#FFFFFF";
      }
    });
    expect(Object.keys(edits)).toHaveLength(3);
    const zip = await JSZip.loadAsync(readFileSync(first));
    let xml = await zip.file(part as string)!.async("string");
    for (const [ref, value] of Object.entries(edits)) {
      const cell = new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*>.*?</c>)`);
      expect(xml).toMatch(cell);
      xml = xml.replace(cell, `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`);
    }
    zip.file(part as string, xml);
    const editedPath = join(dir, "rules-edited.xlsx");
    writeFileSync(editedPath, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const second = await build(editedPath, join(dir, "rules-second.xlsx"), ["--period", sample.period, "--report-date", sample.reportDate]);
    expect(second.code).toBe(0);
    const red = (r?: JsonReport) => r?.records.filter((x) => x.status === "red").length ?? 0;
    expect(red(report)).toBeGreaterThan(0);
    expect(red(second.report)).toBeLessThan(red(report));
    expect(second.report?.statuses.find((s) => s.kind === "indicator" && s.key === "red")?.fill).toBe("#C00000");
    expect(second.report?.records).toHaveLength(report?.records.length ?? -1);
  });
});

describe("choosing another preset", () => {
  test("keeps the workbook's saved period and report date", async () => {
    const sample = SAMPLES.find((s) => s.preset === "pentana") ?? SAMPLES[0];
    const first = join(dir, "preset-first.xlsx");
    expect((await build(join(root, "samples", sample.file), first, sampleArgs(sample))).code).toBe(0);
    const second = await build(first, join(dir, "preset-second.xlsx"), ["--preset", "rag"]);
    expect(second.code).toBe(0);
    expect(second.report?.preset).toBe("rag");
    expect(second.report?.reportDate).toBe(sample.reportDate);
    expect(second.report?.period).toBe(sample.period);
  });
});

describe("the saved files", () => {
  const sample = SAMPLES[0];
  const input = join(root, "samples", sample.file);

  test("building the same input twice gives the same bytes", async () => {
    const a = join(dir, "twice-a.xlsx");
    const b = join(dir, "twice-b.xlsx");
    expect((await build(input, a, sampleArgs(sample))).code).toBe(0);
    expect((await build(input, b, sampleArgs(sample))).code).toBe(0);
    expect(sha(b)).toBe(sha(a));
    expect(sha(`${b}.json`)).toBe(sha(`${a}.json`));
  });

  test("when the workbook cannot be saved, no report is left either", async () => {
    const jsonDir = mkdtempSync(join(tmpdir(), "rag-build-json-"));
    const json = join(jsonDir, "report.json");
    quiet();
    expect(await main(["build", input, "-o", join(dir, "no-such-folder", "out.xlsx"), "--json", json, ...sampleArgs(sample)])).toBe(4);
    jest.restoreAllMocks();
    expect(existsSync(json)).toBe(false);
    expect(readdirSync(jsonDir)).toEqual([]);
  });

  // helper-69: the workbook was renamed into place before the report, whose rename could then fail.
  test("when the report cannot be put in place, neither is the workbook: the files already there are as they were", async () => {
    const here = mkdtempSync(join(tmpdir(), "rag-commit-"));
    const [out, json, newOut, newJson] = ["kept.xlsx", "kept.json", "new.xlsx.tmp", "new.json.tmp"].map((f) => join(here, f));
    writeFileSync(out, "the officer's copy");
    writeFileSync(json, "last quarter's report");
    writeFileSync(newOut, "this build's workbook");
    writeFileSync(newJson, "this build's report");
    // As a report held open by another program, or a read-only file, refuses to be replaced.
    const refuse = (from: string, to: string): void => {
      if (to === json) throw Object.assign(new Error("EPERM: operation not permitted"), { code: "EPERM", syscall: "rename" });
      renameSync(from, to);
    };
    expect(() => commitFiles([{ temp: newOut, path: out }, { temp: newJson, path: json }], (p) => `${p}.aside`, refuse)).toThrow(`cannot write ${json}: permission denied`);
    expect({ out: readFileSync(out, "utf8"), json: readFileSync(json, "utf8"), files: readdirSync(here).sort() }).toEqual({
      out: "the officer's copy",
      json: "last quarter's report",
      files: ["kept.json", "kept.xlsx", "new.json.tmp"],
    });
    // With nothing in the way, both go in place and nothing is left beside them.
    commitFiles([{ temp: newJson, path: json }], (p) => `${p}.aside`);
    expect({ json: readFileSync(json, "utf8"), files: readdirSync(here).sort() }).toEqual({ json: "this build's report", files: ["kept.json", "kept.xlsx"] });
  });

  test("a long output name, as the file system allows, is written (its temporary name is cut to fit)", async () => {
    const here = mkdtempSync(join(tmpdir(), "rag-long-"));
    // The same long name for both, but for the extension (helper-71: their temporary names were the same).
    const long = join(here, `${"q".repeat(248)}.xlsx`);
    const json = join(here, `${"q".repeat(248)}.json`);
    quiet();
    expect(await main(["build", input, "-o", long, "--json", json, ...sampleArgs(sample)])).toBe(0);
    expect(readdirSync(here).sort()).toEqual([`${"q".repeat(248)}.json`, `${"q".repeat(248)}.xlsx`]);
  });

  test("the --json report is written as JSON.stringify would write it", () => {
    const record = (n: number): JsonReport["records"][number] => ({
      sheet: "Key Tasks",
      row: n,
      kind: "activity",
      ref: `KT ${n}`,
      name: `Line one\nline "two" – ● ${n}`,
      status: "ontrack",
      level: "green",
      source: "rules",
      computed: n % 2 ? "ontrack" : null,
      manual: null,
      trend: "",
      trendLongTerm: "notrend",
      comparisons: n % 5 ? [] : [{ label: "All England Average", value: 0.45, result: "favourable" }],
      checks: n % 3 ? [] : ["Due date is before the start date"],
      reason: "Progress 50% with half the time gone",
    });
    const report: JsonReport = {
      preset: "pentana",
      reportDate: "2021-06-30",
      period: null,
      periodSource: null,
      statuses: [{ kind: "activity", key: "ontrack", label: "On track", level: "green", fill: "#00703C", font: "#FFFFFF", symbol: "●" }],
      records: Array.from({ length: 250 }, (_, i) => record(i + 1)),
      counts: { indicator: {}, activity: { ontrack: 250 } },
      problems: [{ sheet: "Key Tasks", cell: "D7", message: "Progress is not a number" }],
    };
    for (const r of [report, { ...report, records: [] }]) {
      const path = join(dir, `report-${r.records.length}.json`);
      writeJsonReport(r, path);
      expect(readFileSync(path, "utf8")).toBe(JSON.stringify(r, null, 2) + "\n");
    }
  });
});
