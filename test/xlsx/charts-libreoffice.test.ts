// The built pack with charts opens in LibreOffice (where installed): it converts to PDF and the charts'
// titles are on the printed pages, so the chart parts were read, not skipped.
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildWith, SAMPLE, withCharts } from "./charts-fixture";

function installed(tool: string): boolean {
  try {
    execFileSync("which", [tool], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const haveLibreOffice = installed("soffice") && installed("pdftotext");
(haveLibreOffice ? test : test.skip)("LibreOffice opens the pack and prints each chart's title", async () => {
  const { out } = await buildWith(SAMPLE, (p) => withCharts(p, 3));
  const dir = mkdtempSync(path.join(tmpdir(), "rag-charts-lo-"));
  // A profile of its own, so a LibreOffice another process is running does not take the conversion.
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, out], { stdio: "ignore", timeout: 180_000 });
  const pdf = path.join(dir, "built.pdf");
  expect(existsSync(pdf)).toBe(true);
  const printed = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  for (const n of [1, 2, 3]) expect(printed).toContain(`Indicator ${n} & "trend" <by quarter>`);
}, 240_000);
