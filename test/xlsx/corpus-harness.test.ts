// The corpus test's own checks catch what they are meant to: a package edited by hand in the ways
// issue 11 found the old build changing files must fail each of them, and the input itself must pass.
import { join } from "path";
import { addTracker } from "./helpers/add-tracker";
import { cellXfsCount, patchableParts, stableProblems, trackerSheetProblems, untouchedProblems } from "./helpers/compare-parts";
import { workbookSheets } from "./helpers/package-xml";
import { readParts, text, type Parts } from "./helpers/zip-parts";

const FIXTURES = join(__dirname, "..", "fixtures");

function edited(parts: Parts, name: string, edit: (xml: string) => string): Parts {
  const out = new Map(parts);
  out.set(name, Buffer.from(edit(text(parts, name)), "utf8"));
  return out;
}

describe("adding the tracker", () => {
  test("follows absolute part names (openpyxl) and gives a sheet the package lists", async () => {
    const input = await readParts(join(FIXTURES, "made", "openpyxl-table-note.xlsx"));
    const { parts, part, sheetName } = addTracker(input);
    expect(workbookSheets(parts).map((s) => [s.name, s.part, s.kind])).toEqual([
      ["Budget", "xl/worksheets/sheet1.xml", "worksheet"],
      [sheetName, part, "worksheet"],
    ]);
    expect(text(parts, "[Content_Types].xml")).toContain(`PartName="/${part}"`);
    // Only the workbook, its relationships and the content types change, and the new part is added; the
    // styles too, as the file has only the default cell format and the tracker's formatted cells need one.
    expect([...parts.keys()].filter((k) => !input.get(k)?.equals(parts.get(k) as Buffer)).sort()).toEqual(["[Content_Types].xml", part, "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"].sort());
    expect(cellXfsCount(parts)).toBe(cellXfsCount(input) + 1);
  });
});

describe("the checks of a built package", () => {
  let input: Parts;
  let part: string;
  let patchable: Set<string>;
  beforeAll(async () => {
    const added = addTracker(await readParts(join(FIXTURES, "excel-saved", "chart_bar01.xlsx")));
    input = added.parts;
    part = added.part;
    patchable = patchableParts(input, [part]);
  });
  const sheetProblems = (out: Parts, rated = new Set([2, 3, 4, 5, 6])) => trackerSheetProblems(text(input, part), text(out, part), part, rated, 2); // as if the build appended one format

  test("the input against itself has no problem", () => {
    expect([untouchedProblems(input, input, patchable), sheetProblems(input), stableProblems(input, input)]).toEqual([[], [], []]);
  });

  test("a part we need not touch, changed or dropped, is reported", () => {
    const changed = edited(input, "xl/charts/chart1.xml", (x) => x.replace("</c:chartSpace>", "</c:chartSpace>\n"));
    const dropped = new Map(input);
    dropped.delete("xl/drawings/drawing1.xml");
    expect(untouchedProblems(input, changed, patchable)).toEqual(["xl/charts/chart1.xml changed"]);
    expect(untouchedProblems(input, dropped, patchable)).toEqual(["xl/drawings/drawing1.xml is missing from the output"]);
  });

  test("the default font replaced, a relationship rewritten or a sheet entry changed is reported", () => {
    const font = edited(input, "xl/styles.xml", (x) => x.replace(/<sz val="11"\/>/, '<sz val="10"/>'));
    const rels = edited(input, "xl/_rels/workbook.xml.rels", (x) => x.replace('Target="styles.xml"', 'Target="/xl/styles.xml"'));
    const sheet = edited(input, "xl/workbook.xml", (x) => x.replace('name="Sheet1"', 'name="Sheet 1"'));
    expect(untouchedProblems(input, font, patchable)).toEqual([expect.stringMatching(/^xl\/styles.xml: <fonts> entry 0 changed/)]);
    expect(untouchedProblems(input, rels, patchable)).toEqual([expect.stringMatching(/^xl\/_rels\/workbook.xml.rels: <Relationship .*styles.* changed or gone$/)]);
    expect(untouchedProblems(input, sheet, patchable)).toEqual([expect.stringMatching(/^xl\/workbook.xml: <sheet name="Sheet1".* changed or gone$/)]);
  });

  test("appending styles and our column's cells is allowed; changing a value, formula, row or unrated style is not", () => {
    // G1 is one of the tracker's formatted empty cells, where our heading goes.
    const ours = edited(input, part, (x) => x.replace('<c r="C2">', '<c r="C2" s="1">').replace('<c r="G1" s="1"/>', '<c r="G1" s="1" t="inlineStr"><is><t>Status (auto)</t></is></c>'));
    expect(text(ours, part)).toContain("Status (auto)");
    expect(sheetProblems(ours)).toEqual([]);
    const value = edited(input, part, (x) => x.replace("<v>98.2</v>", "<v>98.20</v>"));
    const formula = edited(input, part, (x) => x.replace("<f>D2-C2</f>", "<f>D2 - C2</f>"));
    const header = edited(input, part, (x) => x.replace('<c r="A1" s="1"', '<c r="A1" s="0"'));
    const height = edited(input, part, (x) => x.replace('<row r="3" spans="1:7">', '<row r="3" spans="1:7" ht="30" customHeight="1">'));
    const view = edited(input, part, (x) => x.replace('state="frozen"', 'state="split"'));
    expect([value, formula, header, height, view].map((p) => sheetProblems(p).map((m) => m.replace(/^.*?\.xml:? /, "")))).toEqual([
      ['D2: v "98.2" became "98.20"'],
      ['F2: f "{}:D2-C2" became "{}:D2 - C2"'],
      ["A1: style 1 became 0 on a row that was not rated"],
      [expect.stringMatching(/^row 3: attributes .* became .*customHeight/)],
      ["elements other than sheetData, dimension and cols changed"],
    ]);
  });

  test("a second build that differs in any part is reported", () => {
    const again = edited(input, "docProps/core.xml", (x) => x.replace("</cp:coreProperties>", "<dc:subject>x</dc:subject></cp:coreProperties>"));
    expect(stableProblems(input, again)).toEqual(["docProps/core.xml changed"]);
  });
});
