// Every part a build writes is valid against ECMA-376's schemas (test/fixtures/ooxml-schemas), and keeps
// what Excel checks beyond them (helpers/package-invariants.ts: rows and cells in order, formats that exist,
// merged areas, relationships and content types that resolve), so Excel opens the workbook without offering
// to repair it: the four council samples, the quarterly rebuild that adds the history's trend charts, and a
// workbook built twice over. The corpus test (corpus.test.ts) holds the parts of 150 files we did not write
// to the input's own standard.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkedParts, schemaProblems } from "./helpers/ooxml-schema";
import { invariantProblems } from "./helpers/package-invariants";
import { errLines, runBuild } from "./helpers/run-build";
import { readParts, type Parts } from "./helpers/zip-parts";

jest.setTimeout(120_000);

const SAMPLES = join(__dirname, "..", "..", "samples");
const dir = mkdtempSync(join(tmpdir(), "rag-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function built(input: string, name: string, extra: string[] = []): Promise<Parts> {
  const out = join(dir, name);
  const run = await runBuild([input, "-o", out, ...extra]);
  if (run.code !== 0) throw new Error(`build of ${input} exited ${run.code}: ${errLines(run).join(" / ")}`);
  return readParts(out);
}

/** `parts` with one part edited; an edit that changes nothing is a broken test, not a passing one. */
function edited(parts: Parts, name: string, edit: (xml: string) => string): Parts {
  const xml = parts.get(name)!.toString("utf8");
  const changed = edit(xml);
  if (changed === xml) throw new Error(`the edit of ${name} changed nothing`);
  return new Map(parts).set(name, Buffer.from(changed));
}

describe.each(["broxtowe-pentana", "cannock-pdp", "derby-csp", "dudley-community-safety"])("samples/%s.xlsx built", (sample) => {
  test("no part written breaks the schemas more than the input's part did", async () => {
    const input = await readParts(join(SAMPLES, `${sample}.xlsx`));
    const output = await built(join(SAMPLES, `${sample}.xlsx`), `${sample}.xlsx`);
    expect(await schemaProblems(input, output)).toEqual([]);
  });

  test("nothing Excel checks beyond the schemas is broken (order, formats, merges, relationships, content types)", async () => {
    const input = await readParts(join(SAMPLES, `${sample}.xlsx`));
    const output = await readParts(join(dir, `${sample}.xlsx`));
    expect([invariantProblems(input, output), invariantProblems(undefined, output)]).toEqual([[], []]);
  });
});

describe("the quarterly rebuild: Dudley built for Q1, Q2 and Q3 2010/11 in turn", () => {
  let parts: Parts[] = [];
  beforeAll(async () => {
    const q1 = await built(join(SAMPLES, "dudley-community-safety.xlsx"), "q1.xlsx", ["--period", "Q1 2010/11"]);
    const q2 = await built(join(dir, "q1.xlsx"), "q2.xlsx", ["--period", "Q2 2010/11"]);
    const q3 = await built(join(dir, "q2.xlsx"), "q3.xlsx", ["--period", "Q3 2010/11"]);
    parts = [q1, q2, q3];
  });

  test("the trend charts and their drawing are there to check", () => {
    expect(checkedParts(parts[2]).filter((n) => /^xl\/(charts|drawings)\//.test(n)).length).toBeGreaterThanOrEqual(2);
  });

  test("each quarter's build breaks nothing the one before it did not", async () => {
    expect([await schemaProblems(parts[0], parts[1]), await schemaProblems(parts[1], parts[2])]).toEqual([[], []]);
  });

  test("and each is whole by what Excel checks beyond the schemas", () => {
    expect(parts.map((p) => invariantProblems(undefined, p))).toEqual([[], [], []]);
  });

  test("the parts we made (summary, rules, history, record, charts, drawing) break nothing at all", async () => {
    // Held to no input's standard: only the parts the sample already had may carry what it carried.
    const sample = await readParts(join(SAMPLES, "dudley-community-safety.xlsx"));
    const ours = (await schemaProblems(undefined, parts[2])).filter((p) => !sample.has(p.slice(0, p.indexOf(":"))));
    // Summary, rules, history and record sheets, two charts and their drawing.
    expect([checkedParts(parts[2]).filter((n) => !sample.has(n)).length >= 7, ours]).toEqual([true, []]);
  });
});

describe("the check itself", () => {
  let input: Parts;
  let output: Parts;
  let summary: string;
  beforeAll(async () => {
    input = await readParts(join(SAMPLES, "derby-csp.xlsx"));
    output = await built(join(SAMPLES, "derby-csp.xlsx"), "derby-broken.xlsx");
    summary = checkedParts(output).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && !input.has(n))[0];
  });
  test("an element out of order, an unknown attribute, a bad chart and a bad relationship are each reported at their part", async () => {
    const broken = new Map(output);
    broken.set(summary, Buffer.from(output.get(summary)!.toString("utf8").replace(/(<sheetData>[\s\S]*<\/sheetData>)(<mergeCells[^]*?<\/mergeCells>)/, "$2$1")));
    broken.set("xl/styles.xml", Buffer.from(output.get("xl/styles.xml")!.toString("utf8").replace("<cellXfs ", '<cellXfs colour="red" ')));
    broken.set("xl/charts/chart9.xml", Buffer.from('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:bogus/></c:chartSpace>'));
    // A relationship with no Id (a package needs one to be named by).
    broken.set("xl/_rels/workbook.xml.rels", Buffer.from(output.get("xl/_rels/workbook.xml.rels")!.toString("utf8").replace(/<Relationship Id="[^"]*"/, "<Relationship")));
    const problems = await schemaProblems(input, broken);
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["xl/charts/chart9.xml", summary, "xl/styles.xml", "xl/_rels/workbook.xml.rels"].sort());
  });

  test("a part that is not well-formed XML is reported at its part, as the parser's error", async () => {
    // Cut short, as a part whose writing stopped part way would be; the input's sheet is untouched.
    const broken = edited(output, summary, (xml) => xml.slice(0, xml.indexOf("</sheetData>")));
    expect(await schemaProblems(input, broken)).toEqual([expect.stringMatching(new RegExp(`^${summary.replace(/\./g, "\\.")}: parser error : `))]);
  });

  test("a part the input had not well-formed, copied as it was, is no problem of ours", async () => {
    const bad = edited(input, "xl/_rels/workbook.xml.rels", (xml) => xml.replace("</Relationships>", ""));
    const out = new Map(output).set("xl/_rels/workbook.xml.rels", bad.get("xl/_rels/workbook.xml.rels")!);
    expect(await schemaProblems(bad, out)).toEqual([]);
  });

  test("xml:space is allowed on <t> alone: on a cell it is reported", async () => {
    const onT = edited(output, summary, (xml) => xml.replace(/<t>/, '<t xml:space="preserve">'));
    const onC = edited(output, summary, (xml) => xml.replace(/<c r="/, '<c xml:space="preserve" r="'));
    expect([await schemaProblems(input, onT), (await schemaProblems(input, onC)).map((p) => p.slice(0, p.indexOf(":")))]).toEqual([[], [summary]]);
  });

  test("a sheet, the workbook or the styles under another name are checked by their content type", () => {
    const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/book/main%20part.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/book/Data.XML" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/book/look.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/book/theme.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`;
    const parts: Parts = new Map(["[Content_Types].xml", "book/main part.xml", "book/Data.XML", "book/look.xml", "book/theme.xml"].map((n) => [n, Buffer.from(n === "[Content_Types].xml" ? types : "<x/>")]));
    expect(checkedParts(parts)).toEqual(["[Content_Types].xml", "book/Data.XML", "book/look.xml", "book/main part.xml"]);
  });
});

describe("the checks beyond the schemas", () => {
  let output: Parts;
  let summary: string;
  beforeAll(async () => {
    const input = await readParts(join(SAMPLES, "derby-csp.xlsx"));
    output = await built(join(SAMPLES, "derby-csp.xlsx"), "derby-invariants.xlsx");
    summary = checkedParts(output).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && !input.has(n))[0];
  });
  const found = (parts: Parts): string[] => invariantProblems(output, parts);

  test.each<[string, (xml: string) => string, RegExp]>([
    ["a row given twice", (x) => x.replace(/(<row r="8"[^]*?<\/row>)/, "$1$1"), /row 8 comes after row 8/],
    ["a cell left of the one before it", (x) => x.replace(/<c r="A7"([^>]*?)(\/>|>[^]*?<\/c>)(<c r="B7"[^>]*?(?:\/>|>[^]*?<\/c>))/, (_m, a, b, c) => `${c}<c r="A7"${a}${b}`), /cell A7 of row 7 comes after column 2/],
    ["a cell in another row than its reference says", (x) => x.replace('<c r="A7"', '<c r="A8"'), /cell A8 is in row 7/],
    ["a cell format that does not exist", (x) => x.replace(/(<c r="A7"[^>]*? s=")\d+/, "$19999"), /cell A7 has format s="9999"/],
    [
      "merged areas sharing a cell",
      (x) => x.replace(/<mergeCells count="(\d+)">(<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"\/>)/, (_m, n, first, l, t, r, b) => `<mergeCells count="${Number(n) + 1}">${first}<mergeCell ref="${l}${t}:${r}${Number(b) + 1}"/>`),
      /overlap/,
    ],
    ["a merge count that is wrong", (x) => x.replace(/<mergeCells count="(\d+)"/, (_m, n) => `<mergeCells count="${Number(n) + 1}"`), /<mergeCells count=/],
  ])("%s in our summary sheet is reported", (_what, edit, expected) => {
    const problems = found(edited(output, summary, edit));
    expect([problems.length > 0, problems.every((p) => p.startsWith(`${summary}: `) && expected.test(p))]).toEqual([true, true]);
  });

  test("a style list whose count is wrong is reported", () => {
    const miscounted = edited(output, "xl/styles.xml", (x) => x.replace(/<cellXfs count="(\d+)"/, (_m, n) => `<cellXfs count="${Number(n) + 1}"`));
    expect(found(miscounted)).toEqual([expect.stringMatching(/^xl\/styles\.xml: <cellXfs count="\d+"> holds \d+$/)]);
  });

  test("a relationship to a missing part, a part with no content type and two sheets of the same name are reported", () => {
    const dangling = edited(output, "xl/_rels/workbook.xml.rels", (x) => x.replace(/Target="worksheets\/sheet1\.xml"/, 'Target="worksheets/sheet99.xml"'));
    const untyped = new Map(output).set("xl/media/extra.bin", Buffer.from("x"));
    // Excel compares sheet names without case.
    const twice = edited(output, "xl/workbook.xml", (x) => x.replace('name="Scorecard Rules"', 'name="SUMMARY"'));
    expect([found(dangling).some((p) => /points at xl\/worksheets\/sheet99\.xml/.test(p)), found(untyped), found(twice).some((p) => /two sheets named/.test(p))]).toEqual([
      true,
      ["xl/media/extra.bin: no content type"],
      true,
    ]);
  });
});
