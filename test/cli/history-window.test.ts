// A rebuild past six quarters of history reads only the latest periods of the Scorecard History sheet and
// keeps the rows above them as they are (read-package.ts windowHistory, build-package.ts): its memory and
// time stop growing with every quarter recorded. Checked against the same build reading the history whole.
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { readPackage } from "../../src/xlsx/read-package";
import { writePatchedPackage } from "../../src/xlsx/build-package";
import { staleCells } from "../../src/xlsx/patch/record-backups";
import { runScorecard } from "../../src/engine/scorecard";
import { HISTORY_PERIODS_READ } from "../../src/engine/history/layout";
import { HISTORY_SHEET } from "../../src/engine/history/types";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rag-history-window-"));
const SAMPLE = join(root, "samples", "dudley-community-safety.xlsx");
const QUARTERS = ["Q1 2010/11", "Q2 2010/11", "Q3 2010/11", "Q4 2010/11", "Q1 2011/12", "Q2 2011/12", "Q3 2011/12", "Q4 2011/12"];
/** The history part in the samples' built workbooks (the fifth sheet). */
const HISTORY_PART = "xl/worksheets/sheet5.xml";

// The day a build records ("Recorded on") is fixed, so a build and its reference agree on it.
beforeAll(() => jest.useFakeTimers({ now: new Date("2026-12-05T12:00:00Z"), doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] }));
afterAll(() => jest.useRealTimers());

async function build(input: string, output: string, period: string): Promise<void> {
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const code = await main(["build", input, "-o", output, "--preset", "dudley", "--period", period]);
  jest.restoreAllMocks();
  expect(code).toBe(0);
}

/** The same build with the history read whole and the sheet written afresh (as before the window). */
async function buildWhole(input: string, output: string, period: string): Promise<void> {
  const read = await readPackage(input, input, { skipOwnSummaries: true });
  try {
    const run = runScorecard(read.grids, { preset: "dudley", period, today: "2026-12-05", ownedSheets: read.ownedSheets, written: read.written });
    await writePatchedPackage(read, run.plans, output, staleCells(read.saved, run.plans, read.grids, run.scheme));
  } finally {
    read.pkg.close();
  }
}

/** Builds `input` for `period` as the command line does, and as reading the history whole; expects the same workbook. */
async function expectSameAsWhole(input: string, period: string, name: string): Promise<string> {
  const out = join(dir, `${name}.xlsx`);
  const reference = join(dir, `${name}-whole.xlsx`);
  await build(input, out, period);
  await buildWhole(input, reference, period);
  expect(await parts(out)).toEqual(await parts(reference));
  return out;
}

async function parts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
}

async function historyXml(path: string): Promise<string> {
  return (await parts(path)).get(HISTORY_PART) as string;
}

async function historyValues(path: string): Promise<unknown[][]> {
  const read = await readPackage(path);
  read.pkg.close();
  return read.grids.find((g) => g.name === HISTORY_SHEET)?.values ?? [];
}

/** A copy of `input` with its history part changed by `edit`. */
async function withHistory(input: string, output: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(input));
  const xml = await zip.file(HISTORY_PART)!.async("string");
  const next = edit(xml);
  expect(next).not.toBe(xml);
  zip.file(HISTORY_PART, next);
  writeFileSync(output, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

const file = (i: number) => join(dir, `q${i + 1}.xlsx`);

/** Whether the build's read passes over rows of this input's history (else it reads it whole). */
async function windowApplies(path: string): Promise<boolean> {
  const read = await readPackage(path, path, { windowHistory: true });
  read.pkg.close();
  return read.grids.find((g) => g.name === HISTORY_SHEET)?.skippedRows !== undefined;
}

/** A copy of `input` with some of its parts changed. */
async function withParts(input: string, output: string, edits: Record<string, (xml: string) => string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(input));
  for (const [name, edit] of Object.entries(edits)) {
    const xml = await zip.file(name)!.async("string");
    const next = edit(xml);
    expect(next).not.toBe(xml);
    zip.file(name, next);
  }
  writeFileSync(output, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

beforeAll(async () => {
  let input = SAMPLE;
  for (let i = 0; i < QUARTERS.length - 1; i++) {
    await build(input, file(i), QUARTERS[i]);
    input = file(i);
  }
}, 120_000);

test(`the reader keeps the latest ${HISTORY_PERIODS_READ} periods of our history and column A above them`, async () => {
  const seven = file(6);
  const read = await readPackage(seven, seven, { windowHistory: true });
  read.pkg.close();
  const grid = read.grids.find((g) => g.name === HISTORY_SHEET);
  const whole = await historyValues(seven);
  const skipped = grid?.skippedRows;
  expect(skipped).toBeDefined();
  const top = (skipped?.bottom ?? 0) + 1;
  expect({
    header: grid?.values[0],
    firstPeriodKept: grid?.values[top]?.[0],
    above: skipped?.firstColumn,
    aboveBlank: grid?.values.slice(1, top).every((r) => r.every((v) => v === null || v === undefined)),
    window: grid?.values.slice(top),
  }).toEqual({
    header: whole[0],
    firstPeriodKept: QUARTERS[6 - HISTORY_PERIODS_READ + 1],
    above: whole.slice(1, top).map((r) => r[0]),
    aboveBlank: true,
    window: whole.slice(top),
  });
});

test("the eighth quarter's build is the same workbook, part for part, as one reading the history whole", async () => {
  const windowed = await expectSameAsWhole(file(6), QUARTERS[7], "q8");
  // And it holds all eight periods.
  expect([...new Set((await historyValues(windowed)).slice(1).map((r) => r[0]))]).toEqual(QUARTERS);
});

test("building the same quarter again changes nothing", async () => {
  const once = join(dir, "q8-once.xlsx");
  const twice = join(dir, "q8-twice.xlsx");
  await build(file(6), once, QUARTERS[7]);
  await build(once, twice, QUARTERS[7]);
  expect(await parts(twice)).toEqual(await parts(once));
});

test("a history Excel has saved keeps its rows above the change as Excel wrote them, its namespaces with them", async () => {
  const saved = join(dir, "q7-excel.xlsx");
  // As Excel writes a sheet: its own namespaces on the root, and attributes in them on every row.
  await withHistory(file(6), saved, (xml) =>
    xml
      .replace("<worksheet ", '<worksheet xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ')
      .replace(/<row r="(\d+)">/g, '<row r="$1" spans="1:13" x14ac:dyDescent="0.25">'),
  );
  const out = join(dir, "q8-excel.xlsx");
  const reference = join(dir, "q8-excel-whole.xlsx");
  await build(saved, out, QUARTERS[7]);
  await buildWhole(saved, reference, QUARTERS[7]);
  const before = await historyXml(saved);
  const after = await historyXml(out);
  const firstNew = after.indexOf(`<row r="${before.match(/<row r="(\d+)"[^>]*>(?![\s\S]*<row r=)/)?.[1]}"`);
  expect(firstNew).toBeGreaterThan(0);
  expect({
    root: after.slice(0, after.indexOf("<sheetData")).includes('xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'),
    // Every row Excel wrote that the build had no need to change is still as Excel wrote it.
    keptAsSaved: (after.match(/x14ac:dyDescent="0.25"/g) ?? []).length,
    values: await historyValues(out),
  }).toEqual({
    root: true,
    keptAsSaved: (before.match(/x14ac:dyDescent="0.25"/g) ?? []).length,
    values: await historyValues(reference),
  });
  // The new quarter's rows follow the last row read.
  expect([...new Set((await historyValues(out)).slice(1).map((r) => r[0]))]).toEqual(QUARTERS);
});

test("an earlier quarter built again (rows above the window needed) reads the history whole", async () => {
  const eight = join(dir, "q8-for-rerun.xlsx");
  await build(file(6), eight, QUARTERS[7]);
  expect(await windowApplies(eight)).toBe(true);
  await expectSameAsWhole(eight, QUARTERS[1], "q2-again");
});

test.each([
  ["the first row", (xml: string) => xml.replace(/(<row r="2">.*?<t>)Q1 2010\/11(<\/t>)/, "$1Q3 2011/12$2")],
  // Found only after rows above the window were left out: the sheet is read again.
  ["the last row", (xml: string) => xml.replace(/(<row r="\d+">(?:(?!<row ).)*?<t>)Q3 2011\/12(<\/t>)((?:(?!<row ).)*<\/row><\/sheetData>)/, "$1Q1 2010/11$2$3")],
])("history rows out of period order (%s sorted by hand) are read whole, and nothing is lost", async (where, edit) => {
  const sorted = join(dir, `q7-sorted-${where.length}.xlsx`);
  await withHistory(file(6), sorted, edit);
  await expectSameAsWhole(sorted, QUARTERS[7], `q8-sorted-${where.length}`);
  const read = await readPackage(sorted, sorted, { windowHistory: true });
  read.pkg.close();
  expect(read.grids.find((g) => g.name === HISTORY_SHEET)?.skippedRows).toBeUndefined();
});

test("a history the record no longer lists (only its mark says ours) is read whole and left as it is", async () => {
  const unlisted = join(dir, "q7-unlisted.xlsx");
  const zip = await JSZip.loadAsync(readFileSync(file(6)));
  const entry = ',{"sheet":"Scorecard History","plan":"Scorecard History"}';
  let edited = 0;
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/"))) {
    const xml = await zip.file(name)!.async("string");
    if (!xml.includes(entry)) continue;
    zip.file(name, xml.replace(entry, ""));
    edited++;
  }
  expect(edited).toBe(1);
  writeFileSync(unlisted, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  expect(await windowApplies(unlisted)).toBe(true);
  await expectSameAsWhole(unlisted, QUARTERS[7], "q8-unlisted");
});

test("a quarter built again that leaves the sheet's last row out: the rows and <dimension> as reading whole", async () => {
  const input = join(dir, "q7-extra-row.xlsx");
  // A row of the latest period for a record no longer in the run, sorting last: the run drops it.
  const cell = (col: string, text: string) => `<c r="${col}408" t="inlineStr"><is><t>${text}</t></is></c>`;
  await withHistory(file(6), input, (xml) =>
    xml
      .replace("</sheetData>", `<row r="408">${cell("A", "Q3 2011/12")}${cell("B", "Community Safety")}${cell("C", "ZZZ 999")}${cell("D", "Gone")}${cell("E", "indicator")}${cell("F", "within")}${cell("G", "near")}</row></sheetData>`)
      .replace(/<dimension ref="A1:M407"\/>/, '<dimension ref="A1:M408"/>'),
  );
  expect(await windowApplies(input)).toBe(true);
  await expectSameAsWhole(input, QUARTERS[6], "q7-extra-row-again");
});

test("a row above the window that no longer reads is reported and moved to the foot, as when the history is read whole", async () => {
  const input = join(dir, "q7-broken-row.xlsx");
  // Row 3 (the first period, above the window) with its ref and name cleared.
  await withHistory(file(6), input, (xml) => xml.replace(/(<row r="3">.*?<c r="C3"[^>]*>)<is><t>[^<]*<\/t><\/is>(<\/c><c r="D3"[^>]*>)<is><t>[^<]*<\/t><\/is>/, "$1<is><t></t></is>$2<is><t></t></is>"));
  expect(await windowApplies(input)).toBe(false);
  const out = await expectSameAsWhole(input, QUARTERS[7], "q8-broken-row");
  expect([...(await parts(out)).values()].some((xml) => xml.includes("neither a ref nor a name"))).toBe(true);
});

test("a filter a person set on the history stays, with its name, and our names are not written twice", async () => {
  const input = join(dir, "q7-filtered.xlsx");
  const historyIndex = 4;
  await withParts(file(6), input, {
    [HISTORY_PART]: (xml) => xml.replace("</sheetData>", '</sheetData><autoFilter ref="A1:M407"/>'),
    "xl/workbook.xml": (xml) => xml.replace("</definedNames>", `<definedName name="_xlnm._FilterDatabase" localSheetId="${historyIndex}" hidden="1">'Scorecard History'!$A$1:$M$407</definedName></definedNames>`),
  });
  expect(await windowApplies(input)).toBe(true);
  const out = join(dir, "q8-filtered.xlsx");
  await build(input, out, QUARTERS[7]);
  const p = await parts(out);
  const names = [...(p.get("xl/workbook.xml") as string).matchAll(/<definedName name="([^"]+)" localSheetId="4"/g)].map((m) => m[1]).sort();
  expect({ filter: /<autoFilter ref="A1:M407"\/>/.test(p.get(HISTORY_PART) as string), names }).toEqual({
    filter: true,
    names: ["_RagScorecardOwned", "_xlnm.Print_Titles", "_xlnm._FilterDatabase"],
  });
});

test("a stray cell right of the history's columns, above the window: the sheet is read whole and the warning given once", async () => {
  const input = join(dir, "q7-stray.xlsx");
  // A stray cell at the far right of row 3, above the window: only a whole read meets it.
  await withHistory(file(6), input, (xml) => xml.replace(/(<row r="3">.*?)<\/row>/, '$1<c r="XFD3" t="inlineStr"><is><t>stray</t></is></c></row>'));
  expect(await windowApplies(input)).toBe(false);
  const out = join(dir, "q8-stray.xlsx");
  const lines: string[] = [];
  jest.spyOn(console, "log").mockImplementation((line: string) => void lines.push(...String(line).split("\n")));
  const code = await main(["build", input, "-o", out, "--preset", "dudley", "--period", QUARTERS[7]]);
  jest.restoreAllMocks();
  expect({ code, warnings: lines.filter((l) => /Warning:/.test(l)).map((l) => /Warning: '[^']*'![A-Z]+\d+/.exec(l)?.[0]) }).toEqual({ code: 0, warnings: ["Warning: 'Scorecard History'!XFD3"] });
  expect(await historyValues(out)).toEqual(await historyValues(await expectSameAsWhole(input, QUARTERS[7], "q8-stray-again")));
});
