// The history read through its window (issue 14: "a pack reads only what it needs from the history"):
// after a few quarters the Office.js host reads only the latest periods (hint.ts), so Apply colours and
// Build summary keep their sync budgets however long the history grows; a run the window cannot serve
// (an old quarter re-run, a sheet sorted by hand) reads the whole history once more and loses nothing.
import { applyColoursCommand, buildSummaryCommand } from "../../src/excel";
import { createFakeExcel, type FakeExcel } from "../../src/fake-excel";
import { HISTORY_SHEET, type HistoryEntry } from "../../src/engine/history/types";
import { HISTORY_PERIODS_READ } from "../../src/engine/history/layout";
import { readHistory } from "../../src/engine/history/read";
import type { CellValue } from "../../src/engine/vocab/types";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

const QUARTERS = ["2018/19", "2019/20", "2020/21", "2021/22"].flatMap((y) => [1, 2, 3, 4].map((q) => `Q${q} ${y}`));

function historyIn(fake: FakeExcel): HistoryEntry[] {
  const view = fake.sheet(HISTORY_SHEET);
  return view ? readHistory({ name: HISTORY_SHEET, values: view.values as CellValue[][] }).entries : [];
}

const periodsOf = (entries: HistoryEntry[]) => [...new Set(entries.map((e) => e.period))];
const inOrder = (entries: HistoryEntry[]) => entries.every((e, i) => i === 0 || entries[i - 1].periodOrder <= e.periodOrder);
const settingsFor = (period: string) => ({ ...SETTINGS, period, reportDate: undefined });

/** The history's data rows rewritten in place, as a person sorting or moving rows would. */
async function rewriteRows(fake: FakeExcel, reorder: (rows: CellValue[][]) => CellValue[][]): Promise<void> {
  await fake.run(async (context) => {
    const used = context.workbook.worksheets.getItem(HISTORY_SHEET).getUsedRange().load("values");
    await context.sync();
    const [header, ...rows] = used.values as CellValue[][];
    used.values = [header, ...reorder(rows)] as never;
    await context.sync();
  });
}

/** Per quarter: Apply colours, then Build summary; their syncs and the read's largest response. */
async function quarters(fake: FakeExcel, periods: string[]) {
  const out: { period: string; apply: number; summary: number; readBytes: number; previous?: string }[] = [];
  for (const period of periods) {
    fake.stats.reset();
    const apply = await applyColoursCommand(fake.run, settingsFor(period), TODAY);
    fake.stats.reset();
    const summary = await buildSummaryCommand(fake.run, settingsFor(period), TODAY);
    const readBytes = fake.stats.summary().requests.reduce((n, r) => n + r.responseBytes, 0);
    out.push({ period, apply: apply.syncs, summary: summary.syncs, readBytes, previous: summary.run.history.previousPeriod });
  }
  return out;
}

describe("the history's window", () => {
  test("12 quarters at 1,500 records: Apply colours ≤ 4 and Build summary ≤ 6 every quarter, and the read grows only by the periods above the window", async () => {
    const fake = createFakeExcel(generatedTracker(1500));
    const runs = await quarters(fake, QUARTERS.slice(0, 12));
    const entries = historyIn(fake);
    const late = runs.slice(HISTORY_PERIODS_READ + 1).map((r) => r.readBytes);
    expect({
      apply: runs.every((r) => r.apply <= 4),
      summary: runs.every((r) => r.summary <= 6),
      // Once the window holds, each quarter reads no more than the last but for the period cells of the
      // rows above the window (checked, ~16 bytes each), though the history grows by 1,650 rows a quarter.
      readGrowth: late.every((b, i) => i === 0 || b - late[i - 1] < 1650 * 20),
      previous: runs.map((r) => r.previous),
      rows: entries.length,
      periods: periodsOf(entries),
      ordered: inOrder(entries),
    }).toEqual({
      apply: true,
      summary: true,
      readGrowth: true,
      previous: [undefined, ...QUARTERS.slice(0, 11)],
      rows: 12 * 1650,
      periods: QUARTERS.slice(0, 12),
      ordered: true,
    });
  }, 240_000);

  test("an old quarter re-run reads the whole history once more, and replaces that quarter in place", async () => {
    const fake = createFakeExcel(generatedTracker(60));
    await quarters(fake, QUARTERS.slice(0, 10));
    fake.stats.reset();
    const windowed = await applyColoursCommand(fake.run, settingsFor(QUARTERS[9]), TODAY);
    const old = await applyColoursCommand(fake.run, settingsFor(QUARTERS[1]), "2023-01-09");
    const entries = historyIn(fake);
    expect({
      extraRequest: old.syncs - windowed.syncs,
      previous: old.run.history.previousPeriod,
      rows: entries.length,
      periods: periodsOf(entries),
      rerun: entries.filter((e) => e.recordedOn === "2023-01-09").map((e) => e.period),
    }).toEqual({
      extraRequest: 1,
      previous: QUARTERS[0],
      rows: 10 * 66,
      periods: QUARTERS.slice(0, 10),
      rerun: new Array(66).fill(QUARTERS[1]),
    });
  }, 120_000);

  // Found by review: a sort or a move that keeps the row count and leaves the window in order.
  test.each([
    ["sorted by Sheet (stable: periods in order within each sheet)", (rows: CellValue[][]) => [...rows].sort((a, b) => String(a[1]).localeCompare(String(b[1])))],
    ["the latest period's last 5 rows moved to the top", (rows: CellValue[][]) => [...rows.slice(-5), ...rows.slice(0, -5)]],
  ])("a history %s: the window is not trusted; re-run and next period lose and duplicate nothing", async (_how, reorder) => {
    const key = (e: HistoryEntry) => `${e.period}|${e.key}`;
    for (const next of [QUARTERS[9], QUARTERS[10]]) {
      const fake = createFakeExcel(generatedTracker(60));
      await quarters(fake, QUARTERS.slice(0, 10));
      await rewriteRows(fake, reorder);
      const run = await buildSummaryCommand(fake.run, settingsFor(next), TODAY);
      const entries = historyIn(fake);
      expect({
        previous: run.run.history.previousPeriod,
        withoutPrevious: run.run.result.rated.filter((r) => !run.run.history.previous(r)).length,
        rows: entries.length,
        duplicates: entries.length - new Set(entries.map(key)).size,
      }).toEqual({ previous: next === QUARTERS[9] ? QUARTERS[8] : QUARTERS[9], withoutPrevious: 0, rows: (next === QUARTERS[9] ? 10 : 11) * 66, duplicates: 0 });
    }
  }, 240_000);

  test("a history written before the 'Figures for' column (13 columns) is read whole once and rewritten in the new layout, nothing lost or doubled (helper-127)", async () => {
    const fake = createFakeExcel(generatedTracker(60));
    await quarters(fake, QUARTERS.slice(0, 8));
    // As the previous version wrote it: "Unit" then "Hidden row", "Recorded on".
    await rewriteRows(fake, (rows) => rows.map((r) => [...r.slice(0, 11), ...r.slice(12), ""]));
    await fake.run(async (context) => {
      const header = context.workbook.worksheets.getItem(HISTORY_SHEET).getRange("L1:N1");
      header.values = [["Hidden row", "Recorded on", ""]] as never;
      await context.sync();
    });
    const before = historyIn(fake);
    const run = await buildSummaryCommand(fake.run, settingsFor(QUARTERS[8]), TODAY);
    const values = fake.sheet(HISTORY_SHEET)!.values as CellValue[][];
    const entries = historyIn(fake);
    const key = (e: HistoryEntry) => `${e.period}|${e.key}|${e.status}|${e.recordedOn}`;
    expect({
      header: values[0].slice(10),
      previous: run.run.history.previousPeriod,
      rows: entries.length,
      kept: before.every((e) => entries.some((x) => key(x) === key(e))),
      duplicates: entries.length - new Set(entries.map((e) => `${e.period}|${e.key}`)).size,
      recordedOn: entries.every((e) => e.recordedOn !== ""),
    }).toEqual({ header: ["Unit", "Figures for", "Hidden row", "Recorded on"], previous: QUARTERS[7], rows: 9 * 66, kept: true, duplicates: 0, recordedOn: true });
  }, 120_000);

  test("a history sorted by hand (newest first) is read whole and written back in period order, nothing lost", async () => {
    const fake = createFakeExcel(generatedTracker(60));
    await quarters(fake, QUARTERS.slice(0, 9));
    const before = historyIn(fake);
    await rewriteRows(fake, (rows) => [...rows].reverse());
    const next = await applyColoursCommand(fake.run, settingsFor(QUARTERS[9]), TODAY);
    const entries = historyIn(fake);
    const key = (e: HistoryEntry) => `${e.period}|${e.key}|${e.status}`;
    expect({
      previous: next.run.history.previousPeriod,
      rows: entries.length,
      kept: before.every((e) => entries.some((x) => key(x) === key(e))),
      ordered: inOrder(entries),
    }).toEqual({ previous: QUARTERS[8], rows: 10 * 66, kept: true, ordered: true });
  }, 120_000);
});
