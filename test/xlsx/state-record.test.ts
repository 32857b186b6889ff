// The record sheet is shared with the add-in: A1 lists our sheets (the file host's part), and A2 on and
// the columns to the right hold what Apply colours replaced (src/excel/state.ts). A build rewrites A1
// only, so Remove colours in Excel still puts back an officer's formats after the file went through the
// command line.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeBook } from "./package-fixtures";
import { runBuild } from "./helpers/run-build";
import { readParts, text } from "./helpers/zip-parts";
import { rootElement, child, outer } from "./helpers/package-xml";
import { markFormula, OWNER_MARK, parseStateRecord, STATE_SHEET } from "../../src/engine/sheets/ownership";
import { stateCells } from "../../src/excel/state";
import { emptyMemory } from "../../src/excel/saved";

const dir = mkdtempSync(join(tmpdir(), "rag-state-"));

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const str = (ref: string, v: string, s = ""): string => `<c r="${ref}"${s} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;

const TRACKER =
  "<sheetData>" +
  `<row r="1">${str("A1", "Ref")}${str("B1", "Indicator")}${str("C1", "Target")}${str("D1", "Actual")}${str("E1", "Polarity")}</row>` +
  `<row r="2">${str("A2", "HE 1")}${str("B2", "Rent collected (%)")}${num("C2", 97)}${num("D2", 98)}${str("E2", "Higher is better")}</row>` +
  `<row r="3">${str("A3", "HE 2")}${str("B3", "Days to re-let")}${num("C3", 30)}${num("D3", 41)}${str("E3", "Lower is better")}</row>` +
  "</sheetData>";

/** What Apply colours left in its record: the formats of D2:D3 backed up in column B, its column F written. */
function addInRecord(): { a1: string; rest: string[]; xml: string } {
  const memory = emptyMemory();
  memory.backed.addRange({ top: 1, bottom: 2, left: 3, right: 3 });
  memory.cols.set(3, 1);
  memory.values.addRange({ top: 0, bottom: 2, left: 5, right: 5 });
  const [a1, ...rest] = stateCells([], { KPIs: memory });
  const rows = [`<row r="1">${str("A1", a1)}</row>`, ...rest.map((t, i) => `<row r="${i + 2}">${str(`A${i + 2}`, t, ' s="1"')}${i < 2 ? '<c r="B' + (i + 2) + '" s="2"/>' : ""}</row>`)];
  if (rest.length < 2) rows.push('<row r="3"><c r="B3" s="2"/></row>');
  return { a1, rest, xml: `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${rows.join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` };
}

async function buildWith(name: string, stateBody: string, marked: boolean): Promise<{ code?: number; state: string; workbook: string }> {
  const names = marked ? `<definedName name="${OWNER_MARK}" localSheetId="1" hidden="1">${esc(markFormula(STATE_SHEET)).replace(/"/g, "&quot;")}</definedName>` : undefined;
  const input = join(dir, `${name}.xlsx`);
  writeFileSync(input, await makeBook({ sheets: [{ name: "KPIs", body: TRACKER }, { name: STATE_SHEET, state: "veryHidden", body: stateBody }], definedNames: names }));
  const output = join(dir, `${name}.out.xlsx`);
  const run = await runBuild([input, "-o", output, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
  const parts = await readParts(output);
  return { code: run.code, state: text(parts, "xl/worksheets/sheet2.xml"), workbook: text(parts, "xl/workbook.xml") };
}

/** The sheet's cells as written, by reference. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const data = child(rootElement(xml), "sheetData");
  for (const row of data?.children ?? []) for (const c of row.children) out.set(/ r="([A-Z]+\d+)"/.exec(outer(xml, c))?.[1] ?? "", outer(xml, c));
  return out;
}

describe("the add-in's record sheet", () => {
  test("keeps the add-in's saved formats and backups; only A1 changes", async () => {
    const record = addInRecord();
    const before = cells(`<worksheet>${record.xml}</worksheet>`);
    const { code, state } = await buildWith("kept", record.xml, true);
    expect(code).toBe(0);
    const after = cells(state);
    for (const [ref, xml] of before) if (ref !== "A1") expect({ ref, xml: after.get(ref) }).toEqual({ ref, xml });
    expect(after.size).toBe(before.size);
    // A1 now lists the sheets this build made.
    const a1 = /<t[^>]*>([^<]*)<\/t>/.exec(after.get("A1") ?? "")?.[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&") ?? "";
    const parsed = parseStateRecord(a1);
    expect(parsed.ok && parsed.owned.map((o) => o.plan)).toEqual(expect.arrayContaining(["Summary", "Scorecard Rules"]));
    // The rest of the sheet is as it was: the parts of the worksheet around its cells, byte for byte.
    const input = `<worksheet>${record.xml}</worksheet>`;
    for (const local of ["sheetViews", "pageMargins"]) expect(outer(state, child(rootElement(state), local)!)).toBe(outer(input, child(rootElement(input), local)!));
  });

  test("an unmarked record sheet (made before marks) is kept and marked", async () => {
    const record = addInRecord();
    const { code, state, workbook } = await buildWith("unmarked", record.xml, false);
    expect(code).toBe(0);
    expect(cells(state).get("B2")).toBe('<c r="B2" s="2"/>');
    expect(workbook).toContain(`<definedName name="${OWNER_MARK}" localSheetId="1" hidden="1">`);
  });
});
