// What an officer changes on a coloured cell of theirs after Apply colours survives Remove colours
// (src/excel/kept-formats.ts), given the record says what our runs set there (SheetMemory.styled).
import { applyColoursCommand, removeColoursCommand } from "../../src/excel";
import { applyPlans } from "../../src/excel/apply";
import { LiveColours, runInWith } from "../../src/excel/live";
import { CellSet } from "../../src/excel/cells";
import { decodeSaved, emptyMemory, encodeSaved, keptOf, mergeStyled, officersBackedCells, styledOutside } from "../../src/excel/saved";
import { parseState, STATE_SHEET, stateCells } from "../../src/excel/state";
import type { SheetPlan } from "../../src/engine/vocab/plan";
import { emptySheetPlan } from "../../src/engine/vocab/plan";
import { createFakeExcel, type FakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

/** An edit plan writing our column F (rows 0–3) and colouring the officer's column C with `officer`. */
function plan(officer: SheetPlan["styles"][number]["style"], ours = { fill: "#00B050", fontName: "Arial", numberFormat: "@" }): SheetPlan {
  const p = emptySheetPlan("Indicators", "edit");
  p.blocks.push({ row: 0, col: 5, values: [["Status (auto)"], ["✓ On target"], ["✓ On target"], ["✓ On target"]] });
  p.styles.push({ style: ours, ranges: [{ top: 0, left: 5, bottom: 3, right: 5 }] });
  p.styles.push({ style: officer, ranges: [{ top: 1, left: 2, bottom: 3, right: 2 }] });
  return p;
}

describe("the record says what our runs set on officers' cells", () => {
  test("styledOutside: the properties set outside the columns we write values in", () => {
    expect([...styledOutside(plan({ fill: "#FF0000", fontColor: "#FFFFFF", bold: true }))]).toEqual(["fill", "fontColor", "bold"]);
    const ownOnly = plan({ fill: "#FF0000" });
    ownOnly.styles.pop();
    expect([...styledOutside(ownOnly)]).toEqual([]);
  });

  test("mergeStyled: earlier runs' properties kept; a record from before it was kept stands for what every version set (fill, font colour, bold)", () => {
    const older = emptyMemory();
    older.backed.add(1, 2);
    expect([...mergeStyled(older, new Set(["italic"]))]).toEqual(["fill", "fontColor", "bold", "italic"]);
    expect([...mergeStyled(undefined, new Set(["bold", "fill"]))]).toEqual(["fill", "bold"]);
    expect([...mergeStyled(emptyMemory(), new Set())]).toEqual([]);
    const known = { ...emptyMemory(), styled: new Set(["italic" as const]) };
    known.backed.add(1, 2);
    expect([...mergeStyled(known, new Set(["fill"]))]).toEqual(["fill", "italic"]);
    expect(keptOf(older)).toEqual(["italic", "fontName", "fontSize", "wrap", "hAlign", "vAlign", "borders", "numberFormat"]);
    // What every version sets on officers' cells is never kept, even where a record lists nothing set.
    expect(keptOf({ ...emptyMemory(), styled: new Set() })).toEqual(["italic", "fontName", "fontSize", "wrap", "hAlign", "vAlign", "borders", "numberFormat"]);
    // Borders our runs drew there are ours, not the officer's.
    expect(keptOf({ ...emptyMemory(), styled: new Set(["borders" as const]) })).not.toContain("borders");
  });

  test("written and read back in the record; a damaged list keeps only the properties it names", () => {
    const mem = { ...emptyMemory(), styled: new Set(["fill", "bold"] as const) };
    mem.values.add(0, 5);
    expect([...decodeSaved(encodeSaved({ KPIs: mem })).KPIs.styled!]).toEqual(["fill", "bold"]);
    const damaged = JSON.stringify({ v: 1, sheets: { KPIs: { f: [], v: "F1", k: ["bold", "colour", 7] } } });
    expect([...decodeSaved(damaged).KPIs.styled!]).toEqual(["bold"]);
    expect(decodeSaved(JSON.stringify({ v: 1, sheets: { KPIs: { f: [], v: "F1", k: "bold" } } })).KPIs.styled).toBeUndefined();
  });

  test("officersBackedCells: backed-up cells outside our columns, with a backup column", () => {
    const mem = emptyMemory();
    mem.values.addRange({ top: 0, left: 5, bottom: 3, right: 5 });
    mem.backed.addRange({ top: 0, left: 2, bottom: 3, right: 5 });
    mem.cols.set(2, 2).set(5, 3);
    expect(officersBackedCells(mem, mem.backed).rects()).toEqual([{ top: 0, left: 2, bottom: 3, right: 2 }]);
    expect(officersBackedCells(mem, new CellSet()).size).toBe(0);
  });
});

/** Sets I5 (an officer's rating cell Apply colours) the way an officer might, after Apply colours. */
async function officerEdits(fake: FakeExcel): Promise<void> {
  await fake.run({ delayForCellEdit: true }, async (context) => {
    const ws = context.workbook.worksheets.getItem("Indicators");
    const i5 = ws.getRange("I5");
    i5.numberFormat = [["0.0"]];
    i5.format.font.italic = true;
    i5.format.font.name = "Georgia";
    i5.format.wrapText = true;
    // A fill on I6 is a property Apply colours set there: Remove colours puts the officer's original back.
    ws.getRange("I6").format.fill.color = "#FFFF00";
    await context.sync();
  });
}

/** Apply colours on a 10-row tracker, the officer's `edit`, then Remove colours: column I's formats before and after, and what Remove colours reported. */
async function removedAfter(edit: (fake: FakeExcel) => Promise<void>) {
  const fake = createFakeExcel(generatedTracker(10));
  const before = fake.sheet("Indicators")!.formats("I4:I13");
  await applyColoursCommand(fake.run, SETTINGS, TODAY);
  await edit(fake);
  const removed = await removeColoursCommand(fake.run);
  return { fake, before, after: fake.sheet("Indicators")!.formats("I4:I13"), removed };
}

describe("Remove colours after an officer formatted their coloured cells", () => {
  test("keeps what Apply colours never set there, puts back what it did; cells left alone come back exactly", async () => {
    const { fake, before, after, removed } = await removedAfter(officerEdits);
    const i5 = fake.sheet("Indicators")!.cell("I5");
    expect({ italic: i5.italic, font: i5.fontName, wrap: i5.wrap, nf: i5.numberFormat, fill: i5.fill, i6Fill: after[2][0].fill }).toEqual({
      italic: true,
      font: "Georgia",
      wrap: true,
      nf: "0.0",
      fill: before[1][0].fill,
      i6Fill: before[2][0].fill,
    });
    expect([after[0], ...after.slice(2)]).toEqual([before[0], ...before.slice(2)]);
    // The officer's cells are read with what our cells hold: no request of their own on a small tracker.
    expect(removed.syncs).toBe(4);
  });

  test("a record from before it said what our runs set: taken to say what every version set, so the officer's changes stay", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    const before = fake.sheet("Indicators")!.cell("I5");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    // The record as an older version wrote it: no `k`.
    await fake.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem(STATE_SHEET);
      const used = ws.getRange("A1:A50").load("values");
      await context.sync();
      const state = parseState(used.values, { row: 0, col: 0 });
      for (const mem of Object.values(state.saved)) delete mem.styled;
      const cells = stateCells(state.owned, state.saved);
      ws.getRangeByIndexes(0, 0, 50, 1).values = Array.from({ length: 50 }, (_, i) => [cells[i] ?? ""]);
      await context.sync();
    });
    await officerEdits(fake);
    await removeColoursCommand(fake.run);
    const i5 = fake.sheet("Indicators")!.cell("I5");
    expect({ italic: i5.italic, font: i5.fontName, nf: i5.numberFormat, fill: i5.fill, bold: i5.bold }).toEqual({ italic: true, font: "Georgia", nf: "0.0", fill: before.fill, bold: before.bold });
  });
});

/** A thick red line under I5 and a dashed one above I7, drawn by an officer after Apply colours. */
async function officerBorders(fake: FakeExcel): Promise<void> {
  await fake.run({ delayForCellEdit: true }, async (context) => {
    const ws = context.workbook.worksheets.getItem("Indicators");
    const under = ws.getRange("I5").format.borders.getItem("EdgeBottom");
    under.style = "Continuous";
    under.color = "#FF0000";
    under.weight = "Thick";
    ws.getRange("I7").format.borders.getItem("EdgeTop").style = "Dash";
    await context.sync();
  });
}

describe("borders an officer drew on their coloured cells", () => {
  test("Remove colours keeps them, the sides they left alone come back from the backup, and it is still four syncs", async () => {
    const { before, after, removed } = await removedAfter(officerBorders);
    expect({ i5: after[1][0].borders, i7: after[3][0].borders, fill: after[1][0].fill, syncs: removed.syncs }).toEqual({
      i5: { ...before[1][0].borders, bottom: { style: "Continuous", color: "#FF0000", weight: "Thick" } },
      i7: { ...before[3][0].borders, top: { ...before[3][0].borders.top, style: "Dash" } },
      fill: before[1][0].fill,
      syncs: 4,
    });
    expect([after[0], after[2], ...after.slice(4)]).toEqual([before[0], before[2], ...before.slice(4)]);
  });

  test("Apply colours on a rating the officer cleared: the backup goes back, their border stays", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    const before = fake.sheet("Indicators")!.cell("I5");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await officerBorders(fake);
    await fake.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Indicators").getRange("I5").values = [[""]];
      await context.sync();
    });
    const again = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const i5 = fake.sheet("Indicators")!.cell("I5");
    expect({ fill: i5.fill, bottom: i5.borders.bottom, top: i5.borders.top, syncs: again.syncs }).toEqual({ fill: before.fill, bottom: { style: "Continuous", color: "#FF0000", weight: "Thick" }, top: before.borders.top, syncs: 4 });
  });

  test("past a share of one request (20,000 hand-coloured rows) borders are not read: the backup's come back, and no round trip is added", async () => {
    const fake = createFakeExcel(generatedTracker(20000, { handColoured: true }));
    const before = fake.sheet("Indicators")!.cell("I5");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await officerBorders(fake);
    const removed = await removeColoursCommand(fake.run);
    expect({ bottom: fake.sheet("Indicators")!.cell("I5").borders.bottom, syncs: removed.syncs }).toEqual({ bottom: before.borders.bottom, syncs: 7 });
  });
});

describe("Apply colours on a cell it no longer colours", () => {
  test("the officer cleared their rating and set italics and a number format: the backup goes back, their formats stay; still four syncs", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    const before = fake.sheet("Indicators")!.cell("I5");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const coloured = fake.sheet("Indicators")!.cell("I5").fill;
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const i5 = context.workbook.worksheets.getItem("Indicators").getRange("I5");
      i5.values = [[""]];
      i5.numberFormat = [["0.0"]];
      i5.format.font.italic = true;
      await context.sync();
    });
    const again = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const i5 = fake.sheet("Indicators")!.cell("I5");
    expect({ coloured: coloured !== before.fill, fill: i5.fill, bold: i5.bold, italic: i5.italic, nf: i5.numberFormat, syncs: again.syncs }).toEqual({ coloured: true, fill: before.fill, bold: before.bold, italic: true, nf: "0.0", syncs: 4 });
  });
});

describe("review findings", () => {
  test("live colours colouring an officer's rating Apply colours left alone: the record learns it, and Remove colours takes our colour off", async () => {
    const init = generatedTracker(30);
    // No officer's rating typed yet: Apply colours colours none of their cells, so the record lists nothing set on them.
    init.sheets[0].values = init.sheets[0].values!.map((line, i) => (i >= 3 ? line.map((v, j) => (j === 8 ? null : v)) : line));
    const fake = createFakeExcel(init);
    const plain = createFakeExcel(init).sheet("Indicators")!;
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: false, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false });
    await live.start();
    fake.user.type("Indicators", "I4", [["R"]]);
    await fake.user.settled();
    await live.idle();
    const coloured = fake.sheet("Indicators")!.cell("I4");
    await live.stop();
    await removeColoursCommand(fake.run);
    const i4 = fake.sheet("Indicators")!.cell("I4");
    expect({ coloured: coloured.fill !== plain.cell("I4").fill, fill: i4.fill, bold: i4.bold, fontColor: i4.fontColor }).toEqual({ coloured: true, fill: plain.cell("I4").fill, bold: plain.cell("I4").bold, fontColor: plain.cell("I4").fontColor });
  });

  test("20,000 officer's cells with long formats (a long font name, an accounting format, wide alignments): read in requests Excel accepts, every cell back", async () => {
    const init = generatedTracker(20000, { handColoured: true });
    init.sheets[0].formats!.push({ address: "I4:I20003", format: { fontName: "Segoe UI Semibold", hAlign: "CenterAcrossSelection", vAlign: "Distributed" } });
    init.sheets[0].numberFormats = init.sheets[0].values!.map((_, i) => (i >= 3 ? [null, null, null, null, null, null, null, null, '_-£* #,##0.00_-;-£* #,##0.00_-;_-£* "-"??_-;_-@_-'] : []));
    const fake = createFakeExcel(init);
    const before = JSON.stringify(fake.sheet("Indicators")!.formats("I1:L20003"));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.stats.reset();
    const removed = await removeColoursCommand(fake.run);
    expect({ same: JSON.stringify(fake.sheet("Indicators")!.formats("I1:L20003")) === before, under: fake.stats.maxResponseBytes < 5 * 1024 * 1024, refused: fake.stats.requests.filter((r) => r.failed).length, syncs: removed.syncs }).toEqual({
      same: true,
      under: true,
      refused: 0,
      syncs: 8,
    });
  });

  test("20,000 rows with every other rating blank (10,000 scattered coloured cells): read as spans, no request refused, every cell back", async () => {
    const init = generatedTracker(20000, { handColoured: true });
    init.sheets[0].values = init.sheets[0].values!.map((line, i) => (i >= 3 && i % 2 === 0 ? line.map((v, j) => (j === 8 ? null : v)) : line));
    const fake = createFakeExcel(init);
    const before = JSON.stringify(fake.sheet("Indicators")!.formats("I1:L20003"));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.stats.reset();
    await removeColoursCommand(fake.run);
    const s = fake.stats.summary();
    expect({ same: JSON.stringify(fake.sheet("Indicators")!.formats("I1:L20003")) === before, refused: s.requests.filter((r) => r.failed).length, under: Math.max(s.maxRequestBytes, s.maxResponseBytes) < 4.5 * 1024 * 1024 }).toEqual({ same: true, refused: 0, under: true });
  });

  test("the request the officer's cells share is refused for its size: they are read again on their own, and their changes still stay", async () => {
    // Small enough to refuse Remove colours' request, big enough for Apply colours' smallest (its 40 columns' widths and visibility are 2.5 KB).
    const fake = createFakeExcel({ ...generatedTracker(10), limits: { responseBytes: 7000 } });
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await officerEdits(fake);
    fake.stats.reset();
    await removeColoursCommand(fake.run);
    const i5 = fake.sheet("Indicators")!.cell("I5");
    expect({ refused: fake.stats.requests.some((r) => r.failed === "ResponsePayloadSizeLimitExceeded"), italic: i5.italic, font: i5.fontName, nf: i5.numberFormat }).toEqual({ refused: true, italic: true, font: "Georgia", nf: "0.0" });
  });
});

test("the officer's cells read alone in a request Excel refuses for its size (no cell of ours to share one with): read again smaller, their changes kept", async () => {
  const fake = createFakeExcel({ ...generatedTracker(30), limits: { responseBytes: 4000 } });
  // A plan colouring officers' cells only (no column of ours): nothing of ours to read beside them.
  const plan = emptySheetPlan("Indicators", "edit");
  plan.styles.push({ style: { fill: "#FF0000", fontColor: "#FFFFFF", bold: true }, ranges: [{ top: 3, left: 8, bottom: 32, right: 8 }] });
  await applyPlans(fake.run, [plan]);
  await officerEdits(fake);
  fake.stats.reset();
  await removeColoursCommand(fake.run);
  const i5 = fake.sheet("Indicators")!.cell("I5");
  expect({ refused: fake.stats.requests.some((r) => r.failed === "ResponsePayloadSizeLimitExceeded"), italic: i5.italic, font: i5.fontName, nf: i5.numberFormat, fill: i5.fill }).toEqual({ refused: true, italic: true, font: "Georgia", nf: "0.0", fill: createFakeExcel(generatedTracker(30)).sheet("Indicators")!.cell("I5").fill });
});
