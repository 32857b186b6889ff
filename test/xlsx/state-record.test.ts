// The record sheet is shared with the add-in: A1 lists our sheets, and A2 on and the columns from C hold
// what a run replaced and wrote (src/excel/state.ts, src/xlsx/patch/record-backups.ts). A build keeps the
// add-in's backups, adds its own for the cells it colours first, and rewrites A2 on only when the list
// changed, so Remove colours in Excel puts back an officer's formats after the command line coloured them.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeBook } from "./package-fixtures";
import { runBuild } from "./helpers/run-build";
import { readParts, text, writeParts } from "./helpers/zip-parts";
import { rootElement, child, outer, workbookSheets } from "./helpers/package-xml";
import { removeColoursProblems, stableProblems } from "./helpers/compare-parts";
import { markFormula, OWNER_MARK, parseStateRecord, STATE_SHEET } from "../../src/engine/sheets/ownership";
import { stateCells } from "../../src/excel/state";
import { emptyMemory } from "../../src/excel/saved";
import { keyOf } from "../../src/engine/trackers/row-keys";

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

/**
 * What the add-in leaves in its record sheet: A1 the list of our sheets, B1 its rating-help record
 * (live/rating-help.ts), A2 on the memory (formats of `backed` kept in column C, column F written), and
 * the backups themselves in column C, rows 2 and 3 (formats 2 and 3). By default the add-in coloured our
 * column F, as a build does again.
 */
function addInRecord(backed: { top: number; bottom: number; col: number } = { top: 0, bottom: 2, col: 5 }): { a1: string; rest: string[]; xml: string } {
  const memory = emptyMemory();
  memory.backed.addRange({ top: backed.top, bottom: backed.bottom, left: backed.col, right: backed.col });
  memory.cols.set(backed.col, 2);
  memory.values.addRange({ top: 0, bottom: 2, left: 5, right: 5 });
  const [a1, ...rest] = stateCells([], { KPIs: memory });
  expect(rest).toHaveLength(1);
  const rows = [
    `<row r="1">${str("A1", a1)}${str("B1", '{"v":1,"sheets":{"KPIs":["E2:E3"]}}')}</row>`,
    `<row r="2">${str("A2", rest[0], ' s="1"')}<c r="C2" s="2"/></row>`,
    '<row r="3"><c r="C3" s="3"/></row>',
  ];
  return { a1, rest, xml: `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${rows.join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` };
}

async function buildWith(name: string, stateBody: string, marked: boolean, tracker = TRACKER): Promise<{ code?: number; state: string; workbook: string; output: string }> {
  const mark = marked ? `<definedName name="${OWNER_MARK}" localSheetId="1" hidden="1">${esc(markFormula(STATE_SHEET)).replace(/"/g, "&quot;")}</definedName>` : "";
  // A name of the user's own on the record sheet, which is not ours to drop.
  const names = `${mark}<definedName name="Lookup" localSheetId="1">$C$2:$C$3</definedName>`;
  const input = join(dir, `${name}.xlsx`);
  writeFileSync(input, await makeBook({ sheets: [{ name: "KPIs", body: tracker }, { name: STATE_SHEET, state: "veryHidden", body: stateBody }], definedNames: names }));
  return buildFile(input, join(dir, `${name}.out.xlsx`));
}

async function buildFile(input: string, output: string): Promise<{ code?: number; state: string; workbook: string; output: string }> {
  const run = await runBuild([input, "-o", output, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
  const parts = await readParts(output);
  return { code: run.code, state: text(parts, "xl/worksheets/sheet2.xml"), workbook: text(parts, "xl/workbook.xml"), output };
}

/** Builds `from` into `to` (it must succeed) and gives the output's parts. */
async function buildParts(from: string, to: string): Promise<Map<string, Buffer>> {
  expect((await runBuild([from, "-o", to, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"])).code).toBe(0);
  return readParts(to);
}

/** A styles part's cell formats and fonts, as XML, by index. */
function stylesOf(styles: string): { xfs: string[]; fonts: string[]; borders: string[] } {
  return {
    xfs: [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]),
    fonts: [...styles.slice(styles.indexOf("<fonts"), styles.indexOf("</fonts>")).matchAll(/<font>[\s\S]*?<\/font>|<font\/>/g)].map((m) => m[0]),
    borders: [...styles.slice(styles.indexOf("<borders"), styles.indexOf("</borders>")).matchAll(/<border>[\s\S]*?<\/border>|<border\/>/g)].map((m) => m[0]),
  };
}

/** The memory's JSON in A2 of the record sheet's cells. */
const a2Text = (record: Map<string, string>): string => (/<t[^>]*>([^<]*)<\/t>/.exec(record.get("A2") ?? "")?.[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

/** The sheet's cells as written, by reference. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const data = child(rootElement(xml), "sheetData");
  for (const row of data?.children ?? []) for (const c of row.children) out.set(/ r="([A-Z]+\d+)"/.exec(outer(xml, c))?.[1] ?? "", outer(xml, c));
  return out;
}

describe("the add-in's record sheet", () => {
  test("keeps the add-in's saved formats and backups of the cells it colours again; only A1 and the memory change", async () => {
    const record = addInRecord();
    const before = cells(`<worksheet>${record.xml}</worksheet>`);
    const { code, state } = await buildWith("kept", record.xml, true);
    expect(code).toBe(0);
    const after = cells(state);
    // The add-in's backups (C2, C3) and B1 as they were; A2 rewritten with the width the build adds.
    for (const [ref, xml] of before) if (ref !== "A1" && ref !== "A2") expect({ ref, xml: after.get(ref) }).toEqual({ ref, xml });
    expect(after.size).toBe(before.size);
    // Column F's width before the build (the sheet sets none: Excel's default, 48 points) is kept for Remove colours.
    // The record gains what runs set on officers' cells: an older record stands for fill, font colour and bold.
    // …and which record each backed-up row holds (its ref's key), so a rebuild after a sort follows them.
    expect(JSON.parse(a2Text(after))).toEqual({ v: 1, sheets: { KPIs: { f: [], v: "F1:F3", b: "F1:F3", c: [[5, 2]], w: [[5, 48]], k: ["fill", "fontColor", "bold"], r: [[0, 1, `${keyOf("HE 1")},${keyOf("HE 2")}`]] } } });
    // A1 now lists the sheets this build made.
    const a1 = /<t[^>]*>([^<]*)<\/t>/.exec(after.get("A1") ?? "")?.[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&") ?? "";
    const parsed = parseStateRecord(a1);
    expect(parsed.ok && parsed.owned.map((o) => o.plan)).toEqual(expect.arrayContaining(["Summary", "Scorecard Rules"]));
    // The rest of the sheet is as it was: the parts of the worksheet around its cells, byte for byte.
    const input = `<worksheet>${record.xml}</worksheet>`;
    for (const local of ["sheetViews", "pageMargins"]) expect(outer(state, child(rootElement(state), local)!)).toBe(outer(input, child(rootElement(input), local)!));
  });

  test("backups of cells the build no longer colours are copied back and forgotten, as Apply colours does", async () => {
    // The add-in coloured D2:D3 (backed up in C2:C3 as formats 2 and 3); this build colours column F only.
    // As the add-in left it: our column F written (its heading and statuses), D2:D3 with the officer's
    // number formats still (colouring sets a fill, a font colour and bold only; the fixture's formats have none).
    const coloured = TRACKER.replace('</row><row r="2">', `${str("F1", "Status (auto)")}</row><row r="2">`)
      .replace('</row><row r="3">', `${str("F2", "✓ On target")}</row><row r="3">`)
      .replace("</row></sheetData>", `${str("F3", "▲ Off target")}</row></sheetData>`)
      .replace('<c r="D2">', '<c r="D2" s="2">')
      .replace('<c r="D3">', '<c r="D3" s="3">');
    expect(coloured).toContain("F3");
    const { code, state, output } = await buildWith("stale-backups", addInRecord({ top: 1, bottom: 2, col: 3 }).xml, true, coloured);
    expect(code).toBe(0);
    const tracker = cells(text(await readParts(output), "xl/worksheets/sheet1.xml"));
    expect([tracker.get("D2"), tracker.get("D3")]).toEqual(['<c r="D2" s="2"><v>98</v></c>', '<c r="D3" s="3"><v>41</v></c>']);
    const after = cells(state);
    expect([after.get("C2"), after.get("C3")]).toEqual(['<c r="C2"/>', '<c r="C3"/>']);
    // D2:D3 are forgotten; F1:F3 hold statuses of ours that nothing backed up, so no backup is taken of them now.
    const memory = JSON.parse(a2Text(after)) as { sheets: { KPIs: { b?: string; c?: [number, number][]; v: string } } };
    expect(memory.sheets.KPIs).toEqual(expect.objectContaining({ v: "F1:F3" }));
    expect([memory.sheets.KPIs.b, memory.sheets.KPIs.c]).toEqual([undefined, undefined]);
  });

  test("the user's name on the record sheet stays, and building the output again changes neither part", async () => {
    const first = await buildWith("again", addInRecord().xml, true);
    expect(first.workbook).toContain('<definedName name="Lookup" localSheetId="1">$C$2:$C$3</definedName>');
    expect(first.workbook.split(`name="${OWNER_MARK}" localSheetId="1"`)).toHaveLength(2);
    const second = await buildFile(first.output, join(dir, "again.twice.xlsx"));
    expect([second.state === first.state, second.workbook === first.workbook]).toEqual([true, true]);
  });

  test("an unmarked record sheet (made before marks) is kept and marked", async () => {
    const record = addInRecord();
    const { code, state, workbook } = await buildWith("unmarked", record.xml, false);
    expect(code).toBe(0);
    expect(cells(state).get("C2")).toBe('<c r="C2" s="2"/>');
    expect(workbook).toContain(`<definedName name="${OWNER_MARK}" localSheetId="1" hidden="1">`);
  });
});

describe("the add-in's record of the cells it wrote", () => {
  // A table grown over the one below (its "Ref" typed over with 250): our Status (auto) column E now
  // falls on the indicators' RAG ratings. The add-in's record lists E1:E2 only, so they are the officer's.
  const GROWN =
    "<sheetData>" +
    `<row r="1">${str("A1", "Ref")}${str("B1", "Action")}${str("C1", "Lead officer")}${str("D1", "Due date")}${str("E1", "Status (auto)")}</row>` +
    `<row r="2">${str("A2", "A1")}${str("B2", "Consult on the plan")}${str("C2", "J Smith")}${str("D2", "31/03/2024")}${str("E2", "✓ On track")}</row>` +
    `<row r="3">${num("A3", 250)}${str("B3", "Indicator")}${str("C3", "Polarity")}${str("D3", "Target")}${str("E3", "RAG")}</row>` +
    `<row r="4">${str("A4", "K1")}${str("B4", "Bins emptied on time")}${str("C4", "Higher")}${num("D4", 95)}${str("E4", "G")}</row>` +
    `<row r="5">${str("A5", "K2")}${str("B5", "Litter picked")}${str("C5", "Higher")}${num("D5", 90)}${str("E5", "R")}</row>` +
    "</sheetData>";

  async function build(name: string, withRecord: boolean): Promise<Map<string, string>> {
    const memory = emptyMemory();
    memory.values.addRange({ top: 0, bottom: 1, left: 4, right: 4 });
    const [a1, ...rest] = stateCells([], { KPIs: memory });
    const state = `<sheetData><row r="1">${str("A1", a1)}</row>${rest.map((t, i) => `<row r="${i + 2}">${str(`A${i + 2}`, t)}</row>`).join("")}</sheetData>`;
    const mark = `<definedName name="${OWNER_MARK}" localSheetId="1" hidden="1">${esc(markFormula(STATE_SHEET)).replace(/"/g, "&quot;")}</definedName>`;
    const sheets = [{ name: "KPIs", body: GROWN }, ...(withRecord ? [{ name: STATE_SHEET, state: "veryHidden" as const, body: state }] : [])];
    const input = join(dir, `${name}.xlsx`);
    writeFileSync(input, await makeBook({ sheets, definedNames: withRecord ? mark : undefined }));
    const output = join(dir, `${name}.out.xlsx`);
    expect((await runBuild([input, "-o", output, "--preset", "rag", "--report-date", "2023-09-30"])).code).toBe(0);
    return cells(text(await readParts(output), "xl/worksheets/sheet1.xml"));
  }

  test("keeps an officer's ratings where our column fell on them, as the add-in does", async () => {
    const out = await build("grown", true);
    expect([out.get("E4"), out.get("E5")]).toEqual([`<c r="E4" t="inlineStr"><is><t>G</t></is></c>`, `<c r="E5" t="inlineStr"><is><t>R</t></is></c>`]);
    expect(out.get("E2")).toContain("On track");
  });

  test("without the add-in's record, they read like ratings typed over ours and are written over", async () => {
    const out = await build("grown-no-record", false);
    expect(out.get("E4")).not.toContain("<t>G</t>");
  });
});

describe("the cells this build writes join the add-in's list of cells of ours", () => {
  // The add-in listed F1:F2 when it last ran; the build writes F1:F3 (a record added since).
  function record(values: { top: number; bottom: number }): string {
    const memory = emptyMemory();
    memory.values.addRange({ ...values, left: 5, right: 5 });
    const [a1, ...rest] = stateCells([], { KPIs: memory });
    return `<sheetData><row r="1">${str("A1", a1)}</row>${rest.map((t, i) => `<row r="${i + 2}">${str(`A${i + 2}`, t)}</row>`).join("")}</sheetData>`;
  }
  const listed = (state: string): string => {
    const a2 = cells(state).get("A2") ?? "";
    const json = (/<t[^>]*>([^<]*)<\/t>/.exec(a2)?.[1] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    return (JSON.parse(json) as { sheets: Record<string, { v: string }> }).sheets.KPIs.v;
  };

  test("so Remove colours in Excel clears them too; building again changes nothing", async () => {
    const first = await buildWith("joined", record({ top: 0, bottom: 1 }), true);
    expect(first.code).toBe(0);
    expect(listed(first.state)).toBe("F1:F3");
    const again = await buildFile(first.output, join(dir, "joined.twice.xlsx"));
    expect([again.state === first.state, again.workbook === first.workbook]).toEqual([true, true]);
  });
});

describe("the formats a build replaces are backed up as Apply colours backs them up", () => {
  // Column F formatted by the officer (three different formats) and empty: our status column goes there.
  const FORMATTED = TRACKER.replace(/<\/row>/g, (_, at: number) => `<c r="F${TRACKER.slice(0, at).split("</row>").length}" s="${TRACKER.slice(0, at).split("</row>").length}"/></row>`);

  test("so Remove colours in Excel puts every one back; building again changes nothing", async () => {
    expect(FORMATTED).toContain('<c r="F3" s="3"/></row>');
    const input = join(dir, "backed.xlsx");
    writeFileSync(input, await makeBook({ sheets: [{ name: "KPIs", body: FORMATTED }] }));
    const output = join(dir, "backed.out.xlsx");
    expect((await runBuild([input, "-o", output, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"])).code).toBe(0);
    const [inParts, outParts] = [await readParts(input), await readParts(output)];
    const tracker = cells(text(outParts, "xl/worksheets/sheet1.xml"));
    // Coloured: none of F1:F3 keeps the officer's format.
    for (const [ref, officers] of [["F1", "1"], ["F2", "2"], ["F3", "3"]]) expect({ ref, s: / s="(\d+)"/.exec(tracker.get(ref) ?? "")?.[1] }).not.toEqual({ ref, s: officers });
    expect(removeColoursProblems(inParts, outParts, "KPIs", "xl/worksheets/sheet1.xml")).toEqual([]);
    const again = join(dir, "backed.twice.xlsx");
    expect((await runBuild([output, "-o", again, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"])).code).toBe(0);
    const twice = await readParts(again);
    expect(stableProblems(outParts, twice)).toEqual([]);
    expect(removeColoursProblems(inParts, twice, "KPIs", "xl/worksheets/sheet1.xml")).toEqual([]);
  });

  test("a rebuild after the table ends higher up puts back what the last build left, but for what the officer typed", async () => {
    const input = join(dir, "shrunk.xlsx");
    writeFileSync(input, await makeBook({ sheets: [{ name: "KPIs", body: FORMATTED }] }));
    const inParts = await readParts(input);
    const first = await buildParts(input, join(dir, "shrunk.out.xlsx"));
    expect(cells(text(first, "xl/worksheets/sheet1.xml")).get("F3")).toContain("<t>");
    // The officer empties the last indicator's row (A3:E3) and, in a copy, types a figure over our status.
    const emptied = (xml: string) => xml.replace(/<c r="[A-E]3"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, "");
    const edited = new Map(first);
    edited.set("xl/worksheets/sheet1.xml", Buffer.from(emptied(text(first, "xl/worksheets/sheet1.xml")), "utf8"));
    await writeParts(edited, join(dir, "shrunk.edited.xlsx"));
    const typed = new Map(edited);
    typed.set("xl/worksheets/sheet1.xml", Buffer.from(text(edited, "xl/worksheets/sheet1.xml").replace(/<c r="F3"([^>]*?) t="inlineStr"><is><t>[^<]*<\/t><\/is><\/c>/, '<c r="F3"$1><v>42</v></c>'), "utf8"));
    expect(text(typed, "xl/worksheets/sheet1.xml")).toContain("<v>42</v>");
    await writeParts(typed, join(dir, "shrunk.typed.xlsx"));

    const second = await buildParts(join(dir, "shrunk.edited.xlsx"), join(dir, "shrunk.twice.xlsx"));
    // F3: our old status cleared and the officer's format 3 back, as Apply colours puts it back.
    expect(cells(text(second, "xl/worksheets/sheet1.xml")).get("F3")).toBe('<c r="F3" s="3"/>');
    expect(removeColoursProblems(inParts, second, "KPIs", "xl/worksheets/sheet1.xml")).toEqual([]);
    const recordPart = workbookSheets(second).find((sh) => sh.name === STATE_SHEET)?.part ?? "";
    const listed = JSON.parse(a2Text(cells(text(second, recordPart)))) as { sheets: Record<string, { v: string; b: string }> };
    expect([listed.sheets.KPIs.v, listed.sheets.KPIs.b]).toEqual(["F1:F2", "F1:F2"]);
    expect(stableProblems(second, await buildParts(join(dir, "shrunk.twice.xlsx"), join(dir, "shrunk.thrice.xlsx")))).toEqual([]);

    // The figure typed over our status is the officer's: kept; the cell's format still goes back.
    const kept = await buildParts(join(dir, "shrunk.typed.xlsx"), join(dir, "shrunk.typed.out.xlsx"));
    expect(cells(text(kept, "xl/worksheets/sheet1.xml")).get("F3")).toBe('<c r="F3" s="3"><v>42</v></c>');
  });

  test("a workbook a build coloured before builds kept a record: our colours are not backed up as the officer's", async () => {
    const input = join(dir, "upgrade.xlsx");
    writeFileSync(input, await makeBook({ sheets: [{ name: "KPIs", body: FORMATTED }] }));
    const first = join(dir, "upgrade.out.xlsx");
    expect((await runBuild([input, "-o", first, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"])).code).toBe(0);
    // As an older build left it: the record's A1 only, no memory and no backups.
    const parts = await readParts(first);
    const recordPart = workbookSheets(parts).find((sh) => sh.name === STATE_SHEET)?.part ?? "";
    const xml = text(parts, recordPart);
    const a1 = cells(xml).get("A1") ?? "";
    parts.set(recordPart, Buffer.from(xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData><row r="1">${a1}</row></sheetData>`), "utf8"));
    const old = join(dir, "upgrade.old.xlsx");
    await writeParts(parts, old);
    const again = join(dir, "upgrade.again.xlsx");
    expect((await runBuild([old, "-o", again, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"])).code).toBe(0);
    const out = await readParts(again);
    const memory = JSON.parse(a2Text(cells(text(out, recordPart)))) as { sheets: { KPIs: { b?: string; v: string } } };
    // The cells of ours are listed (Remove colours clears them), but no format of ours is kept as a backup.
    expect(memory.sheets.KPIs).toEqual(expect.objectContaining({ v: "F1:F3" }));
    expect(memory.sheets.KPIs.b).toBeUndefined();
  });

  test("an entry under the sheet's old name in another case moves to its name now, for both hosts", async () => {
    const memory = emptyMemory();
    memory.backed.addRange({ top: 0, bottom: 2, left: 5, right: 5 });
    memory.cols.set(5, 2);
    memory.values.addRange({ top: 0, bottom: 2, left: 5, right: 5 });
    const [a1, ...rest] = stateCells([], { kpis: memory });
    const state = `<sheetData><row r="1">${str("A1", a1)}</row>${rest.map((t, i) => `<row r="${i + 2}">${str(`A${i + 2}`, t)}<c r="C${i + 2}" s="2"/></row>`).join("")}</sheetData>`;
    const { code, state: after } = await buildWith("renamed", state, true);
    expect(code).toBe(0);
    const saved = JSON.parse(a2Text(cells(after))) as { sheets: Record<string, { b: string }> };
    expect(Object.keys(saved.sheets)).toEqual(["KPIs"]);
    expect(saved.sheets.KPIs.b).toBe("F1:F3");
  });
});

describe("an officer's own rating cells, coloured by a build", () => {
  // Column F is the officer's rating, formatted by them (formats 2 and 3).
  const RATED = TRACKER.replace("</row>", `${str("F1", "Status")}</row>`)
    .replace(/(<row r="2">[\s\S]*?)<\/row>/, `$1${str("F2", "G", ' s="2"')}</row>`)
    .replace(/(<row r="3">[\s\S]*?)<\/row>/, `$1${str("F3", "R", ' s="3"')}</row>`);

  /** The built package with F3 as an officer leaves it in Excel: rating cleared, set in italics (and, given a `line`, that border drawn). */
  function clearedInItalics(parts: Map<string, Buffer>, line?: string): Map<string, Buffer> {
    const sheet = text(parts, "xl/worksheets/sheet1.xml");
    const s = Number(/<c r="F3" s="(\d+)"/.exec(sheet)?.[1]);
    let styles = text(parts, "xl/styles.xml");
    const { xfs, fonts, borders } = stylesOf(styles);
    const fontId = Number(/fontId="(\d+)"/.exec(xfs[s])?.[1] ?? 0);
    // <i/> after <b/>, as CT_Font orders them.
    const italic = fonts[fontId] === "<font/>" ? "<font><i/></font>" : fonts[fontId].includes("<b/>") ? fonts[fontId].replace("<b/>", "<b/><i/>") : fonts[fontId].replace("<font>", "<font><i/>");
    styles = styles.replace("</fonts>", `${italic}</fonts>`).replace(/<fonts count="(\d+)"/, `<fonts count="${fonts.length + 1}"`);
    let xf = xfs[s].replace(/fontId="\d+"/, `fontId="${fonts.length}"`);
    if (line) {
      styles = styles.replace("</borders>", `${line}</borders>`).replace(/<borders count="(\d+)"/, `<borders count="${borders.length + 1}"`);
      xf = /borderId="/.test(xf) ? xf.replace(/borderId="\d+"/, `borderId="${borders.length}"`) : xf.replace("<xf ", `<xf borderId="${borders.length}" `);
    }
    styles = styles.replace("</cellXfs>", `${xf}</cellXfs>`).replace(/<cellXfs count="(\d+)"/, `<cellXfs count="${xfs.length + 1}"`);
    const edited = new Map(parts);
    edited.set("xl/styles.xml", Buffer.from(styles, "utf8"));
    edited.set("xl/worksheets/sheet1.xml", Buffer.from(sheet.replace(/<c r="F3" s="\d+" t="inlineStr"><is><t>R<\/t><\/is><\/c>/, `<c r="F3" s="${xfs.length}"/>`), "utf8"));
    return edited;
  }

  /** Built, edited as an officer would (`edit`), built again: F3's cell format, font and border in the second build. */
  async function rebuiltF3(edit: (parts: Map<string, Buffer>) => Map<string, Buffer>): Promise<{ xf: string; font: string; border: string }> {
    const input = join(dir, "rated.xlsx");
    writeFileSync(input, await makeBook({ sheets: [{ name: "KPIs", body: RATED }] }));
    const first = await buildParts(input, join(dir, "rated.out.xlsx"));
    const recordPart = (parts: Map<string, Buffer>) => workbookSheets(parts).find((sh) => sh.name === STATE_SHEET)?.part ?? "";
    const listed = JSON.parse(a2Text(cells(text(first, recordPart(first))))) as { sheets: Record<string, { k?: string[] }> };
    expect(listed.sheets.KPIs.k).toEqual(["fill", "fontColor", "bold"]);
    expect(cells(text(first, "xl/worksheets/sheet1.xml")).get("F3")).not.toContain('s="3"');
    const edited = edit(first);
    expect(text(edited, "xl/worksheets/sheet1.xml")).toMatch(/<c r="F3" s="\d+"\/>/);
    await writeParts(edited, join(dir, "rated.edited.xlsx"));

    const second = await buildParts(join(dir, "rated.edited.xlsx"), join(dir, "rated.twice.xlsx"));
    const s = Number(/ s="(\d+)"/.exec(cells(text(second, "xl/worksheets/sheet1.xml")).get("F3") ?? "")?.[1]);
    const { xfs, fonts, borders } = stylesOf(text(second, "xl/styles.xml"));
    const xf = xfs[s];
    return { xf, font: fonts[Number(/fontId="(\d+)"/.exec(xf)?.[1] ?? 0)], border: borders[Number(/borderId="(\d+)"/.exec(xf)?.[1] ?? 0)] };
  }

  test("a rebuild after the officer cleared one and set it in italics: its format goes back, their italics stay", async () => {
    const { xf, font } = await rebuiltF3((parts) => clearedInItalics(parts));
    // The officer's number format (format 3's) and no fill or bold of ours; their italics kept.
    expect({ numFmt: /numFmtId="(\d+)"/.exec(xf)?.[1], fill: /fillId="(\d+)"/.exec(xf)?.[1] ?? "0", italic: font.includes("<i/>"), bold: font.includes("<b/>") }).toEqual({ numFmt: "14", fill: "0", italic: true, bold: false });
  });

  test("… and drew a thick red line under it: the line stays too", async () => {
    const line = '<border><left/><right/><top/><bottom style="thick"><color rgb="FFFF0000"/></bottom><diagonal/></border>';
    const { xf, font, border } = await rebuiltF3((parts) => clearedInItalics(parts, line));
    expect({ numFmt: /numFmtId="(\d+)"/.exec(xf)?.[1], fill: /fillId="(\d+)"/.exec(xf)?.[1] ?? "0", italic: font.includes("<i/>"), border }).toEqual({ numFmt: "14", fill: "0", italic: true, border: line });
  });
});
