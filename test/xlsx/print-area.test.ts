// The file host writes the plan's print area as the sheet's _xlnm.Print_Area: a summary with trend
// charts prints its own columns and not the charts' data right of them; one without charts has none.
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { all, chartsOf, parseXml, sheetNames, text } from "./charts-fixture";
import { readParts } from "./helpers/zip-parts";
import { parseA1 } from "../../src/engine/vocab/address";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rag-print-area-"));

async function build(input: string, output: string, period: string): Promise<void> {
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  const code = await main(["build", input, "-o", output, "--preset", "rag", "--period", period]);
  jest.restoreAllMocks();
  expect(code).toBe(0);
}

/** The workbook's print areas by sheet name: "'Summary'!$A$1:$L$101" → "$A$1:$L$101". */
function printAreas(parts: Map<string, Buffer>): Map<string, string> {
  const names = sheetNames(parts);
  const out = new Map<string, string>();
  for (const n of all(parseXml(text(parts, "xl/workbook.xml")), "definedName")) {
    if (n.attrs.name !== "_xlnm.Print_Area") continue;
    out.set(names[Number(n.attrs.localSheetId)], n.text.replace(/^.*!/, ""));
  }
  return out;
}

test("Derby built for Q3 then Q4 2009/10: the Q4 summary prints A1 to its last column, the charts' data is right of it", async () => {
  const q3 = join(dir, "q3.xlsx");
  const q4 = join(dir, "q4.xlsx");
  await build(join(root, "samples", "derby-csp.xlsx"), q3, "Q3 2009/10");
  await build(q3, q4, "Q4 2009/10");
  const before = await readParts(q3);
  const q3Charts = sheetNames(before).filter((s) => s.startsWith("Summary")).flatMap((s) => chartsOf(before, s));
  // Q3 alone has no history, but Derby's quarter columns give three figures: charted, so a print area too.
  expect(printAreas(before).has("Summary")).toBe(q3Charts.length > 0);

  const parts = await readParts(q4);
  const area = printAreas(parts).get("Summary");
  expect(area).toMatch(/^\$A\$1:\$[A-Z]+\$\d+$/);
  const [, end] = (area as string).split(":");
  const last = parseA1(end.replace(/\$/g, ""));
  const drawn = chartsOf(parts, "Summary");
  expect(drawn.length).toBeGreaterThan(0);
  for (const { chart } of drawn) {
    for (const f of all(chart, "c:f")) {
      const first = parseA1(f.text.replace(/^.*!/, "").split(":")[0].replace(/\$/g, ""));
      expect(first?.col).toBeGreaterThan(last?.col ?? Infinity);
    }
  }
}, 300_000);

test("a one-period build with no chart has no print area", async () => {
  const out = join(dir, "dudley.xlsx");
  await build(join(root, "samples", "dudley-community-safety.xlsx"), out, "Q3 2010/11");
  const parts = await readParts(out);
  expect(sheetNames(parts).filter((s) => s.startsWith("Summary")).flatMap((s) => chartsOf(parts, s))).toHaveLength(0);
  expect([...printAreas(parts).keys()]).toEqual([]);
}, 300_000);
