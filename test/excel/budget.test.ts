// Round trips per command, reading included, at 10 and 20,000 rows, on a generated tracker; and every
// request within Excel on the web's limits (5 MB each way, addresses under 8,192 characters).
import { applyColoursCommand, buildSummaryCommand, detectScorecard, removeColoursCommand } from "../../src/excel";
import { STATE_SHEET } from "../../src/excel/state";
import type { FakeExcel } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

const LIMIT = 5 * 1024 * 1024;

type Command = "detect" | "apply" | "summary" | "remove";

async function runCommand(fake: FakeExcel, command: Command): Promise<number> {
  if (command === "detect") {
    await detectScorecard(fake.run, SETTINGS, TODAY);
    return fake.stats.syncs;
  }
  if (command === "apply") return (await applyColoursCommand(fake.run, SETTINGS, TODAY)).syncs;
  if (command === "summary") return (await buildSummaryCommand(fake.run, SETTINGS, TODAY)).syncs;
  return (await removeColoursCommand(fake.run)).syncs;
}

/**
 * PRODUCT.md's bar: `constant` syncs while the data moved fits Excel on the web's 5 MB payload; beyond
 * that, at most the fewest syncs that data could take (bench/model.js minSyncs: 2 fixed requests, the
 * responses and the requests each packed 5 MB full) plus 2. At 20,000 rows a command moves 10-17 MB:
 * the tracker, and the history's 20,000 rows a quarter (~5 MB).
 */
function allowedSyncs(fake: FakeExcel, constant: number): number {
  const accepted = fake.stats.summary().requests.filter((r) => !r.failed);
  const response = accepted.reduce((n, r) => n + r.responseBytes, 0);
  const request = accepted.reduce((n, r) => n + r.bytes, 0);
  if (response + request <= LIMIT) return constant;
  const fewest = 2 + Math.max(1, Math.ceil(response / LIMIT)) + Math.max(1, Math.ceil(request / LIMIT));
  return Math.max(constant, fewest + 2);
}

/** What the budget tests compare: syncs within the bar, reported truly, and every request within Excel's limits. */
function measured(fake: FakeExcel, reported: number, max: number) {
  const s = fake.stats.summary();
  return {
    withinBudget: s.syncs <= allowedSyncs(fake, max),
    reported: reported === s.syncs,
    refused: s.requests.filter((r) => r.failed).map((r) => r.failed),
    request: s.maxRequestBytes < LIMIT,
    response: s.maxResponseBytes < LIMIT,
    address: s.maxAddressChars <= 8192,
  };
}
const FINE = { withinBudget: true, reported: true, refused: [], request: true, response: true, address: true };

describe("sync budget per command (whole command, reading included)", () => {
  test.each([
    { rule: "Detect", command: "detect" as Command, rows: 10, max: 2 },
    { rule: "Apply colours", command: "apply" as Command, rows: 10, max: 4 },
    { rule: "Build summary", command: "summary" as Command, rows: 10, max: 6 },
    { rule: "Detect", command: "detect" as Command, rows: 20000, max: 2 },
    { rule: "Apply colours", command: "apply" as Command, rows: 20000, max: 4 },
    { rule: "Build summary", command: "summary" as Command, rows: 20000, max: 6 },
  ])("$rule at $rows rows: at most $max syncs (past 5 MB moved, the fewest the data allows + 2)", async ({ command, rows, max }) => {
    const fake = createFakeExcel(generatedTracker(rows));
    const reported = await runCommand(fake, command);
    expect(measured(fake, reported, max)).toEqual(FINE);
  });

  test.each([
    // Every cell saved before: no format or size to capture, but the conditional formats over our columns are read (one request).
    { rule: "Apply colours again (every cell saved before)", command: "apply" as Command, rows: 10, max: 4 },
    { rule: "Apply colours again (the read sliced from the start, as the hint says it is big)", command: "apply" as Command, rows: 20000, max: 4 },
    { rule: "Build summary after Apply colours", command: "summary" as Command, rows: 20000, max: 6 },
  ])("$rule at $rows rows: at most $max syncs (past 5 MB moved, the fewest the data allows + 2)", async ({ command, rows, max }) => {
    const fake = createFakeExcel(generatedTracker(rows));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.stats.reset();
    const reported = await runCommand(fake, command);
    expect(measured(fake, reported, max)).toEqual(FINE);
  });

  test("a hand-coloured Status column (every cell its own fill) at 20,000 rows: still 4 syncs, and Remove colours puts every cell back within the bar", async () => {
    const fake = createFakeExcel(generatedTracker(20000, { handColoured: true }));
    const before = JSON.stringify(fake.sheet("Indicators")!.formats("I1:L20003"));
    const reported = await runCommand(fake, "apply");
    const applied = measured(fake, reported, 4);
    const coloured = JSON.stringify(fake.sheet("Indicators")!.formats("I1:L20003")) !== before;
    fake.stats.reset();
    // Remove colours reads the officer's 22,000 coloured cells as they are and as backed up (kept-formats.ts):
    // about 7 MB, the first request sized for long formats and the next from what it measured: three
    // requests more than the four it takes on a small tracker.
    const removed = await removeColoursCommand(fake.run);
    expect({ applied, coloured, restored: JSON.stringify(fake.sheet("Indicators")!.formats("I1:L20003")) === before, removed: measured(fake, removed.syncs, 4), removeSyncs: removed.syncs }).toEqual({
      applied: FINE,
      coloured: true,
      restored: true,
      removed: FINE,
      removeSyncs: 7,
    });
  });

  test("Remove colours at 20,000 rows: 4 syncs (facts, record, what our cells hold, writes), the tracker exactly as before", async () => {
    const fake = createFakeExcel(generatedTracker(20000));
    const sheets = (): unknown => (fake.snapshot() as { sheets: { name: string }[] }).sheets.filter((s) => s.name === "Indicators" || s.name === "Activities");
    const before = JSON.stringify(sheets());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.stats.reset();
    const reported = await runCommand(fake, "remove");
    expect({ ...measured(fake, reported, 4), same: JSON.stringify(sheets()) === before, record: fake.sheet(STATE_SHEET)!.visibility }).toEqual({ ...FINE, same: true, record: "VeryHidden" });
  });
});
