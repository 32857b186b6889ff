// A calc chain that names a formula the build takes away makes Excel repair the file ("Removed
// Records: Formula from /xl/calcChain.xml part"), so such a chain is left out; one that names only
// formulas the build keeps stays byte for byte. A template comes out as a workbook, or Excel refuses it.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runBuild } from "./helpers/run-build";
import { readParts, text, writeParts, type Parts } from "./helpers/zip-parts";

const TRACKER = join(__dirname, "..", "fixtures", "made", "openpyxl-tracker.xlsx");
const SETTINGS = ["--preset", "rag", "--report-date", "2024-03-31"];
const CALC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";
const CALC_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml";
const dir = mkdtempSync(join(tmpdir(), "rag-calc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The workbook's sheets as name, sheetId and part, from the parts themselves. */
function sheets(parts: Parts): { name: string; sheetId: number; part: string }[] {
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  return [...text(parts, "xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => {
    const rid = /r:id="([^"]+)"/.exec(tag)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
    return { name: /name="([^"]*)"/.exec(tag)?.[1] ?? "", sheetId: Number(/sheetId="(\d+)"/.exec(tag)?.[1]), part: `xl/${(target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "")}` };
  });
}

/** The parts with a calc chain naming `cells` (sheetId and reference) added, as Excel writes one. */
function withCalcChain(parts: Parts, cells: [number, string][]): Parts {
  const out = new Map(parts);
  const chain = cells.map(([i, r]) => `<c r="${r}" i="${i}"/>`).join("");
  out.set("xl/calcChain.xml", Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${chain}</calcChain>`));
  out.set("xl/_rels/workbook.xml.rels", Buffer.from(text(parts, "xl/_rels/workbook.xml.rels").replace("</Relationships>", `<Relationship Id="rId900" Type="${CALC_REL}" Target="calcChain.xml"/></Relationships>`)));
  out.set("[Content_Types].xml", Buffer.from(text(parts, "[Content_Types].xml").replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="${CALC_TYPE}"/></Types>`)));
  return out;
}

async function build(parts: Parts, name: string): Promise<Parts> {
  const input = join(dir, `${name}.in.xlsx`);
  const output = join(dir, `${name}.out.xlsx`);
  await writeParts(parts, input);
  const run = await runBuild([input, "-o", output, ...SETTINGS]);
  expect(run.code).toBe(0);
  return readParts(output);
}

let built: Parts;
beforeAll(async () => {
  built = await build(await readParts(TRACKER), "first");
});

test("a chain naming a formula on a sheet of ours that is replaced is left out, with its relationship and content type", async () => {
  const summary = sheets(built).find((s) => s.name === "Summary");
  expect(summary).toBeDefined();
  const again = await build(withCalcChain(built, [[summary?.sheetId ?? 0, "K3"]]), "replaced");
  expect({ chain: again.has("xl/calcChain.xml"), rel: text(again, "xl/_rels/workbook.xml.rels").includes(CALC_REL), type: text(again, "[Content_Types].xml").includes(CALC_TYPE) }).toEqual({ chain: false, rel: false, type: false });
});

test("a chain naming a cell of the tracker that the build writes a status into is left out", async () => {
  const input = await readParts(TRACKER);
  const tracker = sheets(input)[0];
  // The status column is the first column after the tracker's own: find the cell the build wrote in row 2.
  const row2 = /<row r="2"[^>]*>(.*?)<\/row>/.exec(text(built, tracker.part))?.[1] ?? "";
  const written = [...row2.matchAll(/<c r="([A-Z]+2)"/g)].map((m) => m[1]).filter((r) => !text(input, tracker.part).includes(`r="${r}"`));
  expect(written.length).toBeGreaterThan(0);
  const out = await build(withCalcChain(input, [[tracker.sheetId, written[0]]]), "overwritten");
  expect(out.has("xl/calcChain.xml")).toBe(false);
});

test("a chain naming only formulas the build keeps is copied byte for byte", async () => {
  const input = withCalcChain(await readParts(TRACKER), [[sheets(await readParts(TRACKER))[0].sheetId, "A1"]]);
  const out = await build(input, "kept");
  expect(out.get("xl/calcChain.xml")?.equals(input.get("xl/calcChain.xml") as Buffer)).toBe(true);
  expect(text(out, "xl/_rels/workbook.xml.rels")).toContain(CALC_REL);
});

test("a template (.xltx) comes out with a workbook's content type, not a template's", async () => {
  const input = new Map(await readParts(TRACKER));
  const types = text(input, "[Content_Types].xml");
  input.set("[Content_Types].xml", Buffer.from(types.replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml")));
  expect(text(input, "[Content_Types].xml")).toContain("template.main+xml");
  const out = await build(input, "template");
  expect(text(out, "[Content_Types].xml")).toContain('ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
  expect(text(out, "[Content_Types].xml")).not.toContain("template.main+xml");
});
