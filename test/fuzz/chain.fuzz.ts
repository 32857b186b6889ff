// helper-137: checks what test/fuzz/chain.sh made (FUZZ_CHAIN_IN: the inputs, FUZZ_CHAIN: its output
// folder): each quarter's build against the one before for the schemas and invariants, and q4 built
// again changes nothing. Skipped unless FUZZ_CHAIN is set.
import { existsSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { stableProblems } from "../xlsx/helpers/compare-parts";
import { schemaProblems } from "../xlsx/helpers/ooxml-schema";
import { invariantProblems } from "../xlsx/helpers/package-invariants";
import { readParts } from "../xlsx/helpers/zip-parts";

const IN = process.env.FUZZ_CHAIN_IN ?? "";
const OUT = process.env.FUZZ_CHAIN ?? "";
const names = OUT ? readdirSync(IN).filter((n) => n.endsWith(".xlsx")).map((n) => n.slice(0, -5)) : [];
const results: Record<string, string[]> = {};
afterAll(() => {
  if (OUT) writeFileSync(join(OUT, "chain-checks.json"), JSON.stringify(results, null, 1));
});

(OUT ? describe : describe.skip).each(names.length ? names : ["none"])("%s", (name) => {
  test("four quarters", async () => {
    const problems: string[] = [];
    let prev = await readParts(join(IN, `${name}.xlsx`));
    for (const q of ["q1", "q2", "q3", "q4"]) {
      const path = join(OUT, `${name}.${q}.xlsx`);
      if (!existsSync(path)) {
        problems.push(`${q}: not built`);
        break;
      }
      const now = await readParts(path);
      problems.push(...(await schemaProblems(prev, now)).map((p) => `${q} schema: ${p}`));
      problems.push(...invariantProblems(prev, now).map((p) => `${q} invariant: ${p}`));
      prev = now;
    }
    const again = join(OUT, `${name}.q4again.xlsx`);
    if (existsSync(again)) problems.push(...stableProblems(prev, await readParts(again)).map((p) => `again: ${p}`));
    results[name] = problems;
    expect(problems).toEqual([]);
  }, 180_000);
});
