// An officer sorts a tracker the build coloured (Data > Sort moves values and formats with their rows, but
// not the record sheet's backups, kept by position). The record keeps which record each backed-up row
// held (row-keys.ts), and a rebuild moves the backups to the rows their records are on now
// (record-backups.ts followSortedRows), so a hand-coloured rating gets its own colour back, not another row's.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeBook } from "./package-fixtures";
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
const TRACKER =
  "<sheetData>" +
  `<row r="1">${str("A1", "Ref")}${str("B1", "Indicator")}${str("C1", "Target")}${str("D1", "Actual")}${str("E1", "Polarity")}${str("F1", "Status")}</row>` +
  RECORDS.map(([ref, name, target, actual, polarity, rating], i) => `<row r="${i + 2}">${str(`A${i + 2}`, ref)}${str(`B${i + 2}`, name)}${num(`C${i + 2}`, target)}${num(`D${i + 2}`, actual)}${str(`E${i + 2}`, polarity)}${str(`F${i + 2}`, rating, ` s="${i + 1}"`)}</row>`).join("") +
  "</sheetData>";

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

/** The format index of the record sheet's backup of column F (zero-based 5) at each of `rows`. */
function backupsOfF(parts: Parts, rows: number[]): (string | undefined)[] {
  const at = memoryOf(parts).c?.find(([src]) => src === 5)?.[1];
  expect(at).toBeDefined();
  const record = cells(text(parts, recordPartOf(parts)));
  return rows.map((row) => / s="(\d+)"/.exec(record.get(`${letter(at as number)}${row}`) ?? "")?.[1]);
}

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

async function firstBuild(name: string): Promise<{ input: Parts; first: Parts; firstPath: string }> {
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, await makeBook({ sheets: [{ name: "KPIs", body: TRACKER }], styles: STYLES }));
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
