// helper-137: checks the builds test/fuzz/run.sh made (FUZZ_IN: the inputs, FUZZ_OUT: what run.sh wrote)
// with the corpus test's own checks, and writes what each broke to FUZZ_OUT/checks.json. Skipped when
// FUZZ_OUT is not set, so `npm test` is not slowed by it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { JsonReport } from "../../src/cli/report";
import { cellXfsCount, patchableParts, removeColoursProblems, stableProblems, trackerSheetProblems, untouchedProblems } from "../xlsx/helpers/compare-parts";
import { workbookSheets } from "../xlsx/helpers/package-xml";
import { schemaProblems } from "../xlsx/helpers/ooxml-schema";
import { invariantProblems } from "../xlsx/helpers/package-invariants";
import { readParts, text } from "../xlsx/helpers/zip-parts";

const IN = process.env.FUZZ_IN ?? "";
const OUT = process.env.FUZZ_OUT ?? "";
const names = OUT ? readdirSync(IN).filter((n) => n.endsWith(".xlsx")).map((n) => n.slice(0, -5)).filter((n) => existsSync(join(OUT, `${n}.out.xlsx`))) : [];
const results: Record<string, Record<string, string[]>> = {};

afterAll(() => {
  if (OUT) writeFileSync(join(OUT, "checks.json"), JSON.stringify(results, null, 1));
});

(OUT ? describe : describe.skip).each(names.length ? names : ["none"])("%s", (name) => {
  test("checks", async () => {
    const input = await readParts(join(IN, `${name}.xlsx`));
    const output = await readParts(join(OUT, `${name}.out.xlsx`));
    const report = JSON.parse(readFileSync(join(OUT, `${name}.json`), "utf8")) as JsonReport;
    const sheets = workbookSheets(input);
    const rows = new Map<string, Set<number>>();
    for (const r of report.records) rows.set(r.sheet, (rows.get(r.sheet) ?? new Set<number>()).add(r.row));
    const rated = [...rows].flatMap(([sheet, set]) => {
      const s = sheets.find((x) => x.name === sheet);
      return s ? [{ part: s.part, name: sheet, rows: set }] : [];
    });
    const xfs = cellXfsCount(output);
    const isProtected = (part: string) => /<(\w+:)?sheetProtection\b[^>]*\bsheet="(1|true)"/.test(text(input, part));
    const got: Record<string, string[]> = {
      untouched: untouchedProblems(input, output, patchableParts(input, rated.map((r) => r.part))),
      tracker: rated.flatMap(({ part, rows: set }) => trackerSheetProblems(text(input, part), text(output, part), part, isProtected(part) ? new Set() : set, xfs)),
      remove: rated.filter(({ part }) => text(input, part) !== text(output, part)).flatMap(({ part, name: n }) => removeColoursProblems(input, output, n, part)),
      schema: await schemaProblems(input, output),
      invariants: invariantProblems(input, output),
    };
    const againPath = join(OUT, `${name}.again.xlsx`);
    got.stable = existsSync(againPath) ? stableProblems(output, await readParts(againPath)) : ["no second build"];
    for (const k of Object.keys(got)) if (got[k].length === 0) delete got[k];
    results[name] = got;
    expect(got).toEqual({});
  }, 120_000);
});
