// Live colours while someone is typing in a cell (helper-89). Office.js sends Excel.run(context, batch) with no
// options (_runBatchCommon passes `options || {}` to onBeforeExcelRun, which clears delayForCellEdit), so
// removing the handlers that way fails mid-edit; Excel.run({ previousObjects, delayForCellEdit }, batch) waits.
// And Office.js sends delayForCellEdit only where the DelayForCellEdit set is there.
import { detectScorecard } from "../../src/excel";
import { applyColoursCommand } from "../../src/excel/commands";
import { liveListening, officeRunIn, resyncLive, startLive, stopLive } from "../../src/excel/live";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

const hooks = { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false };
const settings = { today: TODAY, ratingHelp: false, debounceMs: 0 };
const codeOf = (p: Promise<unknown>) => p.then(() => "ran", (e: { code?: string }) => e.code ?? String(e));

async function listening(init = {}) {
  const fake = createFakeExcel({ ...generatedTracker(20), ...init });
  await applyColoursCommand(fake.run, SETTINGS, TODAY);
  // Office's own adapter, over the fake's Excel.run.
  Object.assign(globalThis, { Excel: { run: fake.run } });
  await startLive(fake.run, settings, hooks, officeRunIn);
  const handlers = fake.user.handlerCount();
  expect(handlers).toBeGreaterThan(0);
  return { fake, handlers };
}

/** Requests Excel received after an officer typed in a tracker and the listener had time to act. */
async function requestsAfterTyping(fake: ReturnType<typeof createFakeExcel>): Promise<number> {
  const before = fake.stats.requests.length;
  fake.user.type("Indicators", "E6", [[1]]);
  await fake.user.settled();
  await new Promise((r) => setTimeout(r, 20));
  return fake.stats.requests.length - before;
}

afterEach(async () => {
  await stopLive().catch(() => undefined);
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("the fake, as Office.js sends runs", () => {
  test("Excel.run(context, batch) fails while a cell is being edited; with previousObjects and delayForCellEdit it waits", async () => {
    const fake = createFakeExcel(generatedTracker(3));
    const context = await fake.run(async (c) => c);
    fake.setCellEditing(true);
    expect(await codeOf(fake.runIn(context, async (c) => c.sync()))).toBe("InvalidOperationInCellEditMode");
    expect(await codeOf(fake.runWith({ previousObjects: context, delayForCellEdit: true }, async (c) => c.sync()))).toBe("ran");
    expect(fake.stats.runOptions.slice(-2)).toEqual([undefined, { delayForCellEdit: true }]);
  });

  test("without the DelayForCellEdit set, delayForCellEdit is dropped and a command fails mid-edit with Excel's sentence", async () => {
    const fake = createFakeExcel({ ...generatedTracker(5), delayForCellEdit: false });
    fake.setCellEditing(true);
    await expect(detectScorecard(fake.run, SETTINGS, TODAY)).rejects.toThrow(/^Excel is in cell-editing mode\. Please exit the edit mode/);
  });
});

describe("stopping live colours while someone types in a cell", () => {
  test("the handlers are removed once the edit ends: Office's adapter asks Excel to wait", async () => {
    const { fake } = await listening();
    fake.setCellEditing(true);
    await stopLive();
    expect(fake.user.handlerCount()).toBe(0);
    expect(liveListening()).toBe(false);
  });

  test("where Excel cannot wait, the stop fails, nothing acts, and the next start removes the old handlers instead of adding a second set", async () => {
    const { fake, handlers } = await listening({ delayForCellEdit: false });
    fake.setCellEditing(true);
    expect(await codeOf(stopLive())).toBe("InvalidOperationInCellEditMode");
    expect(liveListening()).toBe(false);
    expect(fake.user.handlerCount()).toBe(handlers);
    // Typing now recolours nothing: the listener stopped acting before Excel refused.
    expect(await requestsAfterTyping(fake)).toBe(0);
    fake.setCellEditing(false);
    await startLive(fake.run, settings, hooks, officeRunIn);
    expect(fake.user.handlerCount()).toBe(handlers);
    await stopLive();
    expect(fake.user.handlerCount()).toBe(0);
  });

  test("a re-read asked for while the stop waits does not bring the listener back (helper-91)", async () => {
    const { fake, handlers } = await listening({ delayForCellEdit: false });
    fake.setCellEditing(true);
    // A command's resync arriving while the stop waits for the listener's queue.
    const stopping = stopLive();
    const again = resyncLive();
    expect(await codeOf(stopping)).toBe("InvalidOperationInCellEditMode");
    await again;
    expect(fake.user.handlerCount()).toBe(handlers);
    expect(await requestsAfterTyping(fake)).toBe(0);
  });
});
