// The real pack: a sample built by `rag-scorecard build` for one period and then the next draws the
// engine's trend charts; every one is valid DrawingML over the cells the plan gave, and LibreOffice
// (where installed) prints their titles.
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { all, chartsOf, one, sheetNames } from "./charts-fixture";
import { readParts } from "./helpers/zip-parts";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rag-charts-pack-"));

async function build(input: string, output: string, preset: string, period: string): Promise<void> {
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  const code = await main(["build", input, "-o", output, "--preset", preset, "--period", period]);
  jest.restoreAllMocks();
  expect(code).toBe(0);
}

const haveLibreOffice = (() => {
  try {
    execFileSync("which", ["soffice"], { stdio: "ignore" });
    execFileSync("which", ["pdftotext"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

test("Derby built for Q3 then Q4 2009/10: the pack's trend charts are drawn, titled, described and printable", async () => {
  const q3 = join(dir, "q3.xlsx");
  const q4 = join(dir, "q4.xlsx");
  await build(join(root, "samples", "derby-csp.xlsx"), q3, "rag", "Q3 2009/10");
  await build(q3, q4, "rag", "Q4 2009/10");
  const parts = await readParts(q4);
  const summaries = sheetNames(parts).filter((n) => n.startsWith("Summary"));
  const drawn = summaries.flatMap((s) => chartsOf(parts, s));
  expect(drawn.length).toBeGreaterThan(0);
  for (const { anchor, chart } of drawn) {
    expect(one(anchor, "xdr:cNvPr").attrs.descr).not.toBe("");
    expect(all(one(chart, "c:title"), "a:t").map((t) => t.text).join("")).not.toBe("");
    // Every series reads cells of its own summary sheet, and the dashed one is the target.
    for (const f of all(chart, "c:f")) expect(summaries.some((s) => f.text.startsWith(`'${s.replace(/'/g, "''")}'!$`))).toBe(true);
    expect(all(chart, "a:prstDash").some((d) => d.attrs.val === "dash")).toBe(true);
  }
  // NI 43 is a percentage: its value axis says so (LibreOffice would print 0.14 from a source-linked General).
  const percent = drawn.find(({ chart }) => all(one(chart, "c:title"), "a:t").some((t) => t.text.includes("NI 43")));
  expect(percent && one(one(percent.chart, "c:valAx"), "c:numFmt").attrs).toEqual({ formatCode: "0%", sourceLinked: "0" });
  if (!haveLibreOffice) return;
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, q4], { stdio: "ignore", timeout: 180_000 });
  expect(existsSync(join(dir, "q4.pdf"))).toBe(true);
  const printed = execFileSync("pdftotext", [join(dir, "q4.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  const firstTitle = all(one(drawn[0].chart, "c:title"), "a:t").map((t) => t.text).join("");
  expect(printed).toContain(firstTitle.replace(/\s+/g, " ").slice(0, 30));
}, 300_000);
