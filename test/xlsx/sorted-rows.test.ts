// An officer sorts a tracker the build coloured (Data > Sort moves values and formats with their rows, but
// not the record sheet's backups, kept by position). The record keeps which record each backed-up row
// held (row-keys.ts), and a rebuild moves the backups to the rows their records are on now
// (record-backups.ts followSortedRows), so a hand-coloured rating gets its own colour back, not another row's.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeBook, tablePart, type BookSpec, type SheetSpec } from "./package-fixtures";
import { runBuild } from "./helpers/run-build";
import { readParts, text, writeParts, type Parts } from "./helpers/zip-parts";
import { child, outer, rootElement, workbookSheets } from "./helpers/package-xml";
import { removeColoursProblems, stableProblems } from "./helpers/compare-parts";
import { STATE_SHEET } from "../../src/engine/sheets/ownership";
import { keyOf } from "../../src/engine/trackers/row-keys";

const dir = mkdtempSync(join(tmpdir(), "rag-sorted-"));

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const solid = (rgb: string): string => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
/** Three hand-coloured formats, each with its own fill (fills 2, 3 and 4: formats 1, 2 and 3). */
const FILLS = ["FFFFC7CE", "FFC6EFCE", "FFBDD7EE"];
const STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts>` +
  `<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${FILLS.map(solid).join("")}</fills>` +
  `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0"/>${[2, 3, 4].map((f) => `<xf numFmtId="0" fillId="${f}" applyFill="1"/>`).join("")}</cellXfs></styleSheet>`;

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const str = (ref: string, v: string, s = ""): string => `<c r="${ref}"${s} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;

// Column F is the officer's own rating, each hand-coloured with a fill of its own (formats 1, 2 and 3).
const RECORDS: [string, string, number, number, string, string][] = [
  ["HE 1", "Rent collected (%)", 97, 98, "Higher is better", "G"],
  ["HE 2", "Days to re-let", 30, 41, "Lower is better", "R"],
  ["HE 3", "Repairs on time (%)", 90, 88, "Higher is better", "A"],
];
/**
 * The tracker's <sheetData>: a heading row, then a row per record, its rating (F) in format 1, 2, 3 in
 * turn; a blank ref has no cell. `after(row)` adds cells at the end of a row (columns past F).
 */
function trackerData(records: typeof RECORDS, after: (row: number) => string = () => ""): string {
  return (
    "<sheetData>" +
    `<row r="1">${str("A1", "Ref")}${str("B1", "Indicator")}${str("C1", "Target")}${str("D1", "Actual")}${str("E1", "Polarity")}${str("F1", "Status")}</row>` +
    records
      .map(([ref, name, target, actual, polarity, rating], i) => {
        const row = i + 2;
        return `<row r="${row}">${ref ? str(`A${row}`, ref) : ""}${str(`B${row}`, name)}${num(`C${row}`, target)}${num(`D${row}`, actual)}${str(`E${row}`, polarity)}${str(`F${row}`, rating, ` s="${i + 1}"`)}${after(row)}</row>`;
      })
      .join("") +
    "</sheetData>"
  );
}
const TRACKER = trackerData(RECORDS);

const SHEET = "xl/worksheets/sheet1.xml";
const ARGS = ["--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"];

async function buildParts(from: string, to: string): Promise<Parts> {
  expect((await runBuild([from, "-o", to, ...ARGS])).code).toBe(0);
  return readParts(to);
}

/** The sheet's cells as written, by reference. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const data = child(rootElement(xml), "sheetData");
  for (const row of data?.children ?? []) for (const c of row.children) out.set(/ r="([A-Z]+\d+)"/.exec(outer(xml, c))?.[1] ?? "", outer(xml, c));
  return out;
}

const recordPartOf = (parts: Parts): string => workbookSheets(parts).find((sh) => sh.name === STATE_SHEET)?.part ?? "";

interface StoredKpis {
  b?: string;
  c?: [number, number][];
  r?: [number, number, string][];
}

/** The KPIs entry of the memory in the record sheet's column A (A2 on). */
function memoryOf(parts: Parts): StoredKpis {
  const record = cells(text(parts, recordPartOf(parts)));
  let json = "";
  for (let row = 2; record.has(`A${row}`); row++) json += (/<t[^>]*>([^<]*)<\/t>/.exec(record.get(`A${row}`) ?? "")?.[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  return (JSON.parse(json) as { sheets: { KPIs: StoredKpis } }).sheets.KPIs;
}

/** The record's row keys by sheet row (one-based, as Excel numbers them), in column `col`. */
function keysByRow(kpis: StoredKpis, col = 0): Map<number, string> {
  const out = new Map<number, string>();
  for (const [c, first, list] of kpis.r ?? []) if (c === col) list.split(",").forEach((k, i) => k && out.set(first + i + 1, k));
  return out;
}

const letter = (col: number): string => String.fromCharCode(65 + col);

/** The format index of the record sheet's backup of the tracker's column `col` (zero-based) at each of `rows`. */
function backupsOf(parts: Parts, col: number, rows: number[]): (string | undefined)[] {
  const at = memoryOf(parts).c?.find(([src]) => src === col)?.[1];
  expect(at).toBeDefined();
  const record = cells(text(parts, recordPartOf(parts)));
  return rows.map((row) => / s="(\d+)"/.exec(record.get(`${letter(at as number)}${row}`) ?? "")?.[1]);
}

/** … of column F (zero-based 5), the officer's rating. */
const backupsOfF = (parts: Parts, rows: number[]): (string | undefined)[] => backupsOf(parts, 5, rows);

/**
 * Data > Sort done on the package: the data rows 2..4 of `xml` given the rows `order` lists (values and
 * formats with them, every column of the row), as Excel's sort moves them.
 */
function sortedRows(xml: string, order: number[]): string {
  const rows = new Map<number, string>();
  for (const m of xml.matchAll(/<row r="(\d+)"[^>]*>[\s\S]*?<\/row>/g)) rows.set(Number(m[1]), m[0]);
  let out = xml;
  order.forEach((was, i) => {
    const now = i + 2;
    const moved = (rows.get(was) as string).replace(/<row r="\d+"/, `<row r="${now}"`).replace(/ r="([A-Z]+)\d+"/g, ` r="$1${now}"`);
    out = out.replace(rows.get(now) as string, `\u0000${now}\u0000`);
    rows.set(-now, moved);
  });
  for (let now = 2; now < 2 + order.length; now++) out = out.replace(`\u0000${now}\u0000`, rows.get(-now) as string);
  return out;
}

/** `parts` with the tracker sheet's XML changed by `edit`. */
function withSheet(parts: Parts, edit: (xml: string) => string): Parts {
  const out = new Map(parts);
  out.set(SHEET, Buffer.from(edit(text(parts, SHEET)), "utf8"));
  return out;
}

/** The fill colour of the format `s` in a styles part (undefined: no fill). */
function fillOf(styles: string, s: number): string | undefined {
  const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const fills = [...styles.slice(styles.indexOf("<fills"), styles.indexOf("</fills>")).matchAll(/<fill>[\s\S]*?<\/fill>|<fill\/>/g)].map((m) => m[0]);
  const fill = fills[Number(/fillId="(\d+)"/.exec(xfs[s] ?? "")?.[1] ?? 0)];
  return /<fgColor rgb="([0-9A-F]+)"/.exec(fill ?? "")?.[1];
}

/** F's fill after a build, at sheet row `row`. */
function fillOfF(parts: Parts, row: number): string | undefined {
  return fillOf(text(parts, "xl/styles.xml"), Number(/ s="(\d+)"/.exec(cells(text(parts, SHEET)).get(`F${row}`) ?? "")?.[1] ?? 0));
}

/** Empties F at `row` (the officer deletes the rating; the cell keeps its format): no longer coloured, so put back. */
const emptied = (row: number) => (xml: string): string => xml.replace(new RegExp(`<c r="F${row}"( s="\\d+")? t="inlineStr"><is><t>[^<]*</t></is></c>`), `<c r="F${row}"$1/>`);

// Sorted so: HE 3 on row 2, HE 1 on row 3, HE 2 on row 4.
const ORDER = [4, 2, 3];

/** The tracker built once (`sheet`: its sheet's body and relationships, and parts besides, such as an Excel table's). */
async function firstBuild(name: string, sheet: Pick<SheetSpec, "body" | "rels"> = { body: TRACKER }, extra?: BookSpec["extra"]): Promise<{ input: Parts; first: Parts; firstPath: string }> {
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, await makeBook({ sheets: [{ name: "KPIs", ...sheet }], styles: STYLES, ...(extra ? { extra } : {}) }));
  const firstPath = join(dir, `${name}.out.xlsx`);
  return { input: await readParts(path), first: await buildParts(path, firstPath), firstPath };
}

describe("a tracker sorted after a build", () => {
  test("a build with its rows in place keeps each backed-up row's key; building its output again changes nothing", async () => {
    const { input, first, firstPath } = await firstBuild("in-place");
    // Coloured: the officer's fills are gone from F2:F4, and backed up.
    for (const row of [2, 3, 4]) expect({ row, fill: fillOfF(first, row) }).not.toEqual({ row, fill: FILLS[row - 2] });
    expect(backupsOfF(first, [2, 3, 4])).toEqual(["1", "2", "3"]);
    expect(keysByRow(memoryOf(first))).toEqual(new Map(RECORDS.map(([ref], i) => [i + 2, keyOf(ref) as string])));
    expect(removeColoursProblems(input, first, "KPIs", SHEET)).toEqual([]);
    const again = await buildParts(firstPath, join(dir, "in-place.twice.xlsx"));
    expect(stableProblems(first, again)).toEqual([]);
  });

  test("the rebuild moves each backup and key to the row its record is on now, and Remove colours would put back each row's own fill", async () => {
    const { input, first } = await firstBuild("sorted");
    const sortedPath = join(dir, "sorted.sorted.xlsx");
    await writeParts(withSheet(first, (xml) => sortedRows(xml, ORDER)), sortedPath);
    expect(cells(text(await readParts(sortedPath), SHEET)).get("A2")).toContain("HE 3");
    const secondPath = join(dir, "sorted.twice.xlsx");
    const second = await buildParts(sortedPath, secondPath);
    // HE 3 (format 3 before the first build) is on row 2 now, HE 1 (format 1) on row 3, HE 2 (format 2) on row 4.
    expect(keysByRow(memoryOf(second))).toEqual(new Map(ORDER.map((was, i) => [i + 2, keyOf(RECORDS[was - 2][0]) as string])));
    expect(backupsOfF(second, [2, 3, 4])).toEqual(["3", "1", "2"]);
    // Remove colours in Excel, done on the package: the officer's sheet as they sorted it, with their own fills.
    expect(removeColoursProblems(withSheet(input, (xml) => sortedRows(xml, ORDER)), second, "KPIs", SHEET)).toEqual([]);
    // The record is where its rows are: building again changes nothing.
    expect(stableProblems(second, await buildParts(secondPath, join(dir, "sorted.thrice.xlsx")))).toEqual([]);
  });

  test("a rating emptied as the rows are sorted gets its own record's fill back, not that of the row there before", async () => {
    const { first } = await firstBuild("emptied");
    // HE 1 (red, format 1) is on row 3 after the sort, where HE 2 (green, format 2) was; its rating is emptied.
    const path = join(dir, "emptied.sorted.xlsx");
    await writeParts(withSheet(first, (xml) => emptied(3)(sortedRows(xml, ORDER))), path);
    const second = await buildParts(path, join(dir, "emptied.twice.xlsx"));
    expect(cells(text(second, SHEET)).get("F3")).not.toContain("<t>");
    expect(fillOfF(second, 3)).toBe(FILLS[0]);
    // Put back, the backup leaves the record: its record sheet cell is cleared, the others moved.
    expect(memoryOf(second).b).not.toContain("F3");
    expect(backupsOfF(second, [2, 3, 4])).toEqual(["3", undefined, "2"]);
  });

  test("… and so when the rating is emptied on a later build, once the record has followed the sort", async () => {
    const { first } = await firstBuild("later");
    const sortedPath = join(dir, "later.sorted.xlsx");
    await writeParts(withSheet(first, (xml) => sortedRows(xml, ORDER)), sortedPath);
    const second = await buildParts(sortedPath, join(dir, "later.twice.xlsx"));
    const path = join(dir, "later.emptied.xlsx");
    await writeParts(withSheet(second, emptied(4)), path);
    const third = await buildParts(path, join(dir, "later.thrice.xlsx"));
    // HE 2 (green, format 2) is on row 4, where HE 3 (blue) was when the record was first kept.
    expect(fillOfF(third, 4)).toBe(FILLS[1]);
  });
});

/** A cell of a row's XML, with its column letters. */
const CELL = /<c r="([A-Z]+)\d+"(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/c>)/g;
const ROW = /<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g;
const byColumn = (a: [string, string], b: [string, string]): number => a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Data > Sort on an Excel table, done on the package: the data rows 2.. given the rows `order` lists, but
 * only the cells of the table's columns (`inTable`) move, as sorting a table moves; the cells beside it
 * stay on their rows.
 */
function sortedInTable(xml: string, order: number[], inTable: (col: string) => boolean): string {
  const rows = new Map<number, [string, string][]>();
  for (const m of xml.matchAll(ROW)) rows.set(Number(m[1]), [...m[2].matchAll(CELL)].map((c): [string, string] => [c[1], c[0]]));
  return xml.replace(ROW, (whole: string, r: string) => {
    const now = Number(r);
    const was = order[now - 2];
    if (was === undefined) return whole;
    const moved = (rows.get(was) ?? []).filter(([col]) => inTable(col)).map(([col, c]): [string, string] => [col, c.replace(/ r="([A-Z]+)\d+"/, ` r="$1${now}"`)]);
    const stay = (rows.get(now) ?? []).filter(([col]) => !inTable(col));
    const open = /^<row[^>]*>/.exec(whole)?.[0] ?? `<row r="${now}">`;
    return `${open}${[...moved, ...stay].sort(byColumn).map(([, c]) => c).join("")}</row>`;
  });
}

/**
 * Insert Row done on the package: every row from `at` down, and its cells, one row lower; row `at` is new,
 * with `cells` (refs on row `at`).
 */
function insertedRow(xml: string, at: number, cells = ""): string {
  const shifted = xml.replace(ROW, (whole: string, r: string) => {
    const row = Number(r);
    if (row < at) return whole;
    return whole.replace(/<row r="\d+"/, `<row r="${row + 1}"`).replace(/(<c r="[A-Z]+)\d+"/g, `$1${row + 1}"`);
  });
  const next = shifted.indexOf(`<row r="${at + 1}"`);
  const row = `<row r="${at}">${cells}</row>`;
  return next < 0 ? shifted.replace("</sheetData>", `${row}</sheetData>`) : shifted.slice(0, next) + row + shifted.slice(next);
}

/** The second build, of `first` with its tracker sheet changed by `edit` (what the officer did in Excel since). */
async function rebuilt(name: string, first: Parts, edit: (xml: string) => string): Promise<{ second: Parts; secondPath: string }> {
  const editedPath = join(dir, `${name}.edited.xlsx`);
  await writeParts(withSheet(first, edit), editedPath);
  const secondPath = join(dir, `${name}.twice.xlsx`);
  return { second: await buildParts(editedPath, secondPath), secondPath };
}

/** The cells of a sheet's XML outside its <dimension> (Excel reads none of the sheet past it). */
function outsideDimension(xml: string): string[] {
  const m = /<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(xml);
  if (!m) return ["no <dimension>"];
  const [left, top, right, bottom] = [m[1], Number(m[2]), m[3] ?? m[1], Number(m[4] ?? m[2])];
  const within = (col: string, lo: string, hi: string): boolean => byColumn([col, ""], [lo, ""]) >= 0 && byColumn([col, ""], [hi, ""]) <= 0;
  return [...cells(xml).keys()].filter((ref) => {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref) ?? [];
    return !within(col, left, right) || Number(row) < top || Number(row) > bottom;
  });
}

describe("a tracker sorted or shifted after a build, as an officer does it in Excel", () => {
  test("an Excel table sorted moves its own columns only: our column beside it keeps its backups where they are, the table's move with its rows", async () => {
    // The table is A1:F4; our column goes in H (one blank column from the table), where the officer had
    // formatted the empty cells (formats 3, 1, 2 from the top).
    const ours = [3, 1, 2];
    const body = trackerData(RECORDS, (row) => `<c r="H${row}" s="${ours[row - 2]}"/>`) + '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>';
    const table = { "xl/tables/table1.xml": tablePart(1, "Perf", "A1:F4", ["Ref", "Indicator", "Target", "Actual", "Polarity", "Status"]) };
    const { input, first } = await firstBuild("table", { body, rels: [["rId1", "table", "../tables/table1.xml"]] }, table);
    expect(cells(text(first, SHEET)).get("H1")).toContain("Status (auto)");
    expect(backupsOf(first, 7, [2, 3, 4])).toEqual(["3", "1", "2"]);
    // Sorted from the table's header: A:F move with their rows (HE 3 on row 2, HE 1 on 3, HE 2 on 4); H stays.
    const inTable = (col: string): boolean => col <= "F";
    const sort = (xml: string): string => sortedInTable(xml, ORDER, inTable);
    const { second, secondPath } = await rebuilt("table", first, sort);
    expect(backupsOfF(second, [2, 3, 4])).toEqual(["3", "1", "2"]);
    expect(backupsOf(second, 7, [2, 3, 4])).toEqual(["3", "1", "2"]);
    // Remove colours: the table's rows with their own fills, our column's cells as the officer formatted them, row by row.
    expect(removeColoursProblems(withSheet(input, sort), second, "KPIs", SHEET)).toEqual([]);
    expect(stableProblems(second, await buildParts(secondPath, join(dir, "table.thrice.xlsx")))).toEqual([]);
  });

  test("a record with a blank ref, sorted to the end (Z to A on the ref column), keeps its own backup", async () => {
    // HE 1, a record with no ref yet, HE 3; Z to A puts HE 3 on row 2, HE 1 on row 3 and the blank ref last.
    const records = RECORDS.map((r, i): (typeof RECORDS)[number] => (i === 1 ? ["", ...r.slice(1)] as (typeof RECORDS)[number] : r));
    const { input, first } = await firstBuild("blank-ref", { body: trackerData(records) });
    expect(backupsOfF(first, [2, 3, 4])).toEqual(["1", "2", "3"]);
    expect([...keysByRow(memoryOf(first)).keys()]).toEqual([2, 4]);
    const sort = (xml: string): string => sortedRows(xml, ORDER);
    const { second, secondPath } = await rebuilt("blank-ref", first, sort);
    expect(backupsOfF(second, [2, 3, 4])).toEqual(["3", "1", "2"]);
    expect(keysByRow(memoryOf(second))).toEqual(new Map([[2, keyOf("HE 3") as string], [3, keyOf("HE 1") as string]]));
    expect(removeColoursProblems(withSheet(input, sort), second, "KPIs", SHEET)).toEqual([]);
    expect(stableProblems(second, await buildParts(secondPath, join(dir, "blank-ref.thrice.xlsx")))).toEqual([]);
  });

  const typed = `${str("A3", "HE 1b")}${str("B3", "Tenancy audits (%)")}${num("C3", 80)}${num("D3", 85)}${str("E3", "Higher is better")}${str("F3", "G", ' s="3"')}`;
  test.each([
    ["left empty", "", undefined],
    ["with a new record typed in, hand-coloured", typed, "3"],
  ])("a row inserted above some records (Insert Row moves every cell below down one), %s: their backups move down with them", async (_how, newCells, newBackup) => {
    const name = `inserted-${newCells ? "typed" : "empty"}`;
    const { input, first } = await firstBuild(name);
    const insert = (xml: string): string => insertedRow(xml, 3, newCells);
    const { second, secondPath } = await rebuilt(name, first, insert);
    expect(cells(text(second, SHEET)).get("A4")).toContain("HE 2");
    // HE 1 stays on row 2; HE 2 and HE 3 are on rows 4 and 5, and so are their backups and keys.
    expect(backupsOfF(second, [2, 3, 4, 5])).toEqual(["1", newBackup, "2", "3"]);
    const keys = new Map([[2, keyOf("HE 1") as string], [4, keyOf("HE 2") as string], [5, keyOf("HE 3") as string]]);
    if (newCells) keys.set(3, keyOf("HE 1b") as string);
    expect(keysByRow(memoryOf(second))).toEqual(keys);
    // The record sheet's <dimension> takes in the row its backups reach now.
    expect(outsideDimension(text(second, recordPartOf(second)))).toEqual([]);
    // Remove colours: the officer's sheet as they left it, their own fill on every rating.
    expect(removeColoursProblems(withSheet(input, insert), second, "KPIs", SHEET)).toEqual([]);
    expect(stableProblems(second, await buildParts(secondPath, join(dir, `${name}.thrice.xlsx`)))).toEqual([]);
  });

  test("sorted, built, sorted back and built again: the workbook is as the first build left it, byte for byte", async () => {
    const { input, first } = await firstBuild("sorted-back");
    const { second } = await rebuilt("sorted-back", first, (xml) => sortedRows(xml, ORDER));
    // Back as it was: the rows now on 3, 4 and 2 (HE 1, HE 2, HE 3).
    const { second: third } = await rebuilt("sorted-back.again", second, (xml) => sortedRows(xml, [3, 4, 2]));
    expect(removeColoursProblems(input, third, "KPIs", SHEET)).toEqual([]);
    // Our column's backups are of the default format: moved, no record sheet cell changes, and none is written.
    expect(stableProblems(first, third)).toEqual([]);
  });

  test("an Excel table sorted where only our column beside it is backed up: the record says which record each row holds now", async () => {
    // F is the officer's notes (not a rating: not coloured); our column H, formatted by the officer, is backed up.
    const ours = [3, 1, 2];
    const body = trackerData(RECORDS, (row) => `<c r="H${row}" s="${ours[row - 2]}"/>`).replace("<t>Status</t>", "<t>Notes</t>") + '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>';
    const table = { "xl/tables/table1.xml": tablePart(1, "Perf", "A1:F4", ["Ref", "Indicator", "Target", "Actual", "Polarity", "Notes"]) };
    const { input, first } = await firstBuild("table-ours", { body, rels: [["rId1", "table", "../tables/table1.xml"]] }, table);
    expect(memoryOf(first).c).toEqual([[7, 2]]);
    const sort = (xml: string): string => sortedInTable(xml, ORDER, (col) => col <= "F");
    const { second, secondPath } = await rebuilt("table-ours", first, sort);
    // No backup moved (none is in the table), but the rows did: the keys say so, not the order before the sort.
    expect(keysByRow(memoryOf(second))).toEqual(new Map(ORDER.map((was, i) => [i + 2, keyOf(RECORDS[was - 2][0]) as string])));
    expect(backupsOf(second, 7, [2, 3, 4])).toEqual(["3", "1", "2"]);
    expect(removeColoursProblems(withSheet(input, sort), second, "KPIs", SHEET)).toEqual([]);
    expect(stableProblems(second, await buildParts(secondPath, join(dir, "table-ours.thrice.xlsx")))).toEqual([]);
  });
});
