// measureLiveEdit, as the bench drives it (bench/live.js): one edit in a 10,000-row tracker.
import { applyColoursCommand } from "../../src/excel/commands";
import { measureLiveEdit } from "../../src/excel/live";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

test("one edit in a 10,000-row tracker recolours in at most 2 requests", async () => {
  const fake = createFakeExcel(generatedTracker(10_000));
  await applyColoursCommand(fake.run, SETTINGS, TODAY);
  const before = fake.sheet("Indicators")!.cell("K4");
  const m = await measureLiveEdit(fake, { sheet: "Indicators", address: "H4", value: 60 }, TODAY);
  expect(m.live_syncs).toBeGreaterThanOrEqual(1);
  expect(m.live_syncs).toBeLessThanOrEqual(2);
  expect(m.report).toEqual(expect.objectContaining({ kind: "records", cells: 1 }));
  expect(m.live_ms).toBeGreaterThan(0);
  expect(fake.sheet("Indicators")!.cell("K4").value).not.toBe(before.value);
  // The listener is gone afterwards: a further edit changes nothing.
  expect(fake.user.handlerCount()).toBe(0);
  console.log(`live_syncs ${m.live_syncs}, live_ms ${m.live_ms.toFixed(1)}`);
}, 120_000);
