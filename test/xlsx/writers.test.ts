// Trackers written by Apache POI (XSSF and the streaming SXSSF) and SheetJS, as council systems export
// them (helper-73; scripts/writers/ made them): each record gets the status its figures give. Every part
// of them is also checked by corpus.test.ts, which picks up every file in test/fixtures/made.
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runBuild } from "./helpers/run-build";

const MADE = join(__dirname, "..", "fixtures", "made");
const EXPECTED = JSON.parse(readFileSync(join(MADE, "writers-expected.json"), "utf8")) as Record<string, { writer: string; "Q3 2010/11": Record<string, string> }>;
const dir = mkdtempSync(join(tmpdir(), "rag-writers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(Object.entries(EXPECTED))("%s", (file, expected) => {
  test(`written by ${expected.writer}: every record rated as its figures say`, async () => {
    const json = join(dir, `${file}.json`);
    const run = await runBuild([join(MADE, file), "-o", join(dir, file), "--json", json, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
    expect({ code: run.code, threw: run.threw }).toEqual({ code: 0, threw: undefined });
    const report = JSON.parse(readFileSync(json, "utf8")) as { records: { sheet: string; ref: string; status: string }[] };
    expect(Object.fromEntries(report.records.map((r) => [`${r.sheet}!${r.ref}`, r.status]))).toEqual(expected["Q3 2010/11"]);
  });
});
