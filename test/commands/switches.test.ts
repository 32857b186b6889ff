// The live-colour switches on the Scorecard Rules sheet, on the fake Excel: read from the rules sheet
// alone, saved by writing only their Value cell, and a workbook without a rules sheet given one first.
import { RULES_SHEET } from "../../src/engine/rules-sheet/rules-sheet";
import { saveSettingsCommand } from "../../src/excel/commands";
import { createFakeExcel } from "../../src/fake-excel";
import { readSwitches, saveSwitch } from "../../src/runtime/switches";
import { generatedTracker } from "../excel/trackers";

const TODAY = "2022-05-03";

test("a workbook without a rules sheet has both off; saving one lays out the sheet and keeps the other off", async () => {
  const fake = createFakeExcel(generatedTracker(5));
  await expect(readSwitches(fake.run)).resolves.toEqual({ liveColours: false, ratingHelp: false });
  await saveSwitch(fake.run, { liveColours: true }, TODAY);
  expect(fake.allSheetNames()).toContain(RULES_SHEET);
  await expect(readSwitches(fake.run)).resolves.toEqual({ liveColours: true, ratingHelp: false });
});

test("switching writes only the switch's Value cell, and reading it takes two requests whatever the trackers' size", async () => {
  const fake = createFakeExcel(generatedTracker(2000));
  await saveSettingsCommand(fake.run, { preset: "dudley", period: "Q3 2021/22" }, TODAY);
  const before = fake.sheet(RULES_SHEET)!.values;
  await saveSwitch(fake.run, { ratingHelp: true }, TODAY);
  await saveSwitch(fake.run, { liveColours: true }, TODAY);
  await saveSwitch(fake.run, { liveColours: false }, TODAY);
  const after = fake.sheet(RULES_SHEET)!.values;
  const changed: string[] = [];
  after.forEach((row, r) => row.forEach((v, c) => v !== before[r]?.[c] && changed.push(`${r}:${c} ${String(before[r]?.[c])} -> ${String(v)}`)));
  expect(changed).toHaveLength(1);
  expect(changed[0]).toMatch(/ no -> yes$/);
  const syncs = fake.stats.syncs;
  await expect(readSwitches(fake.run)).resolves.toEqual({ liveColours: false, ratingHelp: true });
  expect(fake.stats.syncs - syncs).toBe(2);
});

test("a protected rules sheet: one sentence naming the sheet and the cell", async () => {
  const fake = createFakeExcel(generatedTracker(3));
  await saveSettingsCommand(fake.run, {}, TODAY);
  fake.setProtected(RULES_SHEET, true);
  await expect(saveSwitch(fake.run, { liveColours: true }, TODAY)).rejects.toThrow(/^Could not save "Keep colours up to date" in 'Scorecard Rules'!B\d+: /);
});
