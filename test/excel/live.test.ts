// Live colours on the fake (issue 13 items 2 and 5): events local and remote, the 2-request budget, bursts,
// our own writes ignored, rows inserted above a table, Remove colours after live updates.
import { applyColoursCommand } from "../../src/excel/commands";
import { removeColours } from "../../src/excel/remove";
import type { LiveUpdate } from "../../src/engine/live/types";
import { ENGINE, LiveColours, runInWith } from "../../src/excel/live";
import { createFakeExcel } from "../../src/fake-excel";
import type { FakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";


interface Harness {
  fake: FakeExcel;
  live: LiveColours;
  updates: LiveUpdate[];
  errors: string[];
  /** Wait until the user's events are handled and the listener is idle (its own writes' events too). */
  settle(): Promise<void>;
  /** Type as a person (or a co-author) and wait until the listener is idle; returns the requests made. */
  type(address: string, values: (string | number | null)[][], source?: "local" | "remote", sheet?: string): Promise<number>;
}

async function harness(rows = 30, opts: { ratingHelp?: boolean; apiVersion?: string } = {}): Promise<Harness> {
  return harnessOn(createFakeExcel({ ...generatedTracker(rows), apiVersion: opts.apiVersion }), opts);
}

/** Apply colours on `fake`, then live colours started on it. */
async function harnessOn(fake: FakeExcel, opts: { ratingHelp?: boolean } = {}): Promise<Harness> {
  await applyColoursCommand(fake.run, SETTINGS, TODAY);
  const updates: LiveUpdate[] = [];
  const errors: string[] = [];
  const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: opts.ratingHelp ?? false, debounceMs: 5 }, { onUpdate: (u) => updates.push(u), onError: (m) => errors.push(m), commandPending: () => false });
  await live.start();
  const h: Harness = {
    fake,
    live,
    updates,
    errors,
    async settle() {
      await fake.user.settled();
      await live.idle();
      await fake.user.settled();
      await live.idle();
    },
    async type(address, values, source = "local", sheet = "Indicators") {
      const before = fake.stats.syncs;
      fake.user.type(sheet, address, values, { source });
      await h.settle();
      return fake.stats.syncs - before;
    },
  };
  return h;
}

const indicators = (h: Harness) => h.fake.sheet("Indicators")!;

describe("live colours", () => {
  test("a typed figure recolours its status within 2 requests, and Undo of the edit re-rates to the restored value", async () => {
    const h = await harness();
    const was = indicators(h).cell("K4");
    const green = indicators(h).cell("K5");
    expect(was.value).not.toEqual(green.value);
    // HE 1: higher is better, target 50, Q4 45 (off target); 60 beats the target.
    const syncs = await h.type("H4", [[60]]);
    expect(syncs).toBeLessThanOrEqual(2);
    expect(h.live.last).toEqual(expect.objectContaining({ kind: "records", cells: 1, areas: 1 }));
    expect(indicators(h).cell("K4").value).toBe(green.value);
    expect(indicators(h).cell("K4").fill).toBe(green.fill);
    expect(h.updates.at(-1)).toEqual(expect.objectContaining({ kind: "records", rerated: ["Indicators!4"] }));
    // Excel's Undo puts the old figure back and raises onChanged (local) with it.
    expect(await h.type("H4", [[45]])).toBeLessThanOrEqual(2);
    expect(indicators(h).cell("K4").value).toBe(was.value);
    expect(indicators(h).cell("K4").fill).toBe(was.fill);
    expect(h.errors).toEqual([]);
    await h.live.stop();
  });

  test("an officer's rating typed away: the cell gets its own format back within 2 requests, and Remove colours still restores all", async () => {
    const h = await harness();
    const plain = createFakeExcel(generatedTracker(30)).sheet("Indicators")!;
    // HE 8's officer rating disagrees with the figures (one row in fifty), so Apply coloured its cell.
    expect(indicators(h).cell("I11").fill).not.toBe(plain.cell("I11").fill);
    const syncs = await h.type("I11", [[""]]);
    expect({ syncs: syncs <= 2, fill: indicators(h).cell("I11").fill, value: indicators(h).cell("I11").value, errors: h.errors }).toEqual({ syncs: true, fill: plain.cell("I11").fill, value: "", errors: [] });
    // The officer's cell, and the check column (no rating disagrees with the figures any more).
    expect(h.updates.at(-1)).toEqual(expect.objectContaining({ kind: "records", cleared: [{ sheet: "Indicators", ranges: expect.arrayContaining([{ top: 10, left: 8, bottom: 10, right: 8 }]) }] }));
    await h.live.stop();
    await removeColours(h.fake.run);
    expect(JSON.stringify(indicators(h).formats("A1:L33"))).toBe(JSON.stringify(plain.formats("A1:L33")));
  });

  test("an officer's rating typed away after they set it in italics with a number format: its own format back, their italics and number format kept, within 2 requests", async () => {
    const h = await harness();
    const plain = createFakeExcel(generatedTracker(30)).sheet("Indicators")!;
    await h.fake.run({}, async (context) => {
      const i11 = context.workbook.worksheets.getItem("Indicators").getRange("I11");
      i11.format.font.italic = true;
      i11.numberFormat = [["@"]];
      await context.sync();
    });
    await h.fake.user.settled();
    await h.live.idle();
    const syncs = await h.type("I11", [[""]]);
    const i11 = indicators(h).cell("I11");
    expect({ syncs: syncs <= 2, fill: i11.fill, bold: i11.bold, italic: i11.italic, nf: i11.numberFormat, errors: h.errors }).toEqual({ syncs: true, fill: plain.cell("I11").fill, bold: plain.cell("I11").bold, italic: true, nf: "@", errors: [] });
    await h.live.stop();
  });

  test("typing outside every tracker does nothing: no request at all", async () => {
    const h = await harness();
    const bursts = h.live.bursts;
    expect(await h.type("B2", [["A note"]], "local", "Notes")).toBe(0);
    expect(await h.type("Z500", [[1]])).toBe(0);
    expect(h.live.bursts).toBe(bursts);
    await h.live.stop();
  });

  test("pasting 500 rows is one burst, read with one range load, in at most 2 requests", async () => {
    const h = await harness(520);
    const before = h.live.bursts;
    // Every Q4 figure far above its target: higher-is-better rows on target, lower-is-better rows off it.
    const syncs = await h.type("H4", Array.from({ length: 500 }, () => [1000]));
    expect(h.live.bursts).toBe(before + 1);
    expect(syncs).toBeLessThanOrEqual(2);
    expect(h.live.last).toEqual(expect.objectContaining({ kind: "records", cells: 500, areas: 1, events: 1 }));
    const s = indicators(h);
    const polarity = (row: number) => s.cell(`C${row}`).value;
    const higher = [4, 6, 7, 9, 10].filter((r) => polarity(r) === "Higher is better");
    const lower = [5, 8, 11].filter((r) => polarity(r) === "Lower is better");
    expect(new Set(higher.map((r) => s.cell(`K${r}`).value)).size).toBe(1);
    expect(new Set(lower.map((r) => s.cell(`K${r}`).value)).size).toBe(1);
    expect(s.cell(`K${higher[0]}`).value).not.toBe(s.cell(`K${lower[0]}`).value);
    await h.live.stop();
  });

  test("a co-author's change is followed (read, never written for), and a later local edit in its row uses it", async () => {
    const h = await harness();
    const before = indicators(h).cell("K4");
    const green = indicators(h).cell("K5").value;
    const writes = () => h.fake.stats.requests.filter((r) => r.ops > 0 && r.responseBytes === 0).length;
    const wrote = writes();
    // One request reads the co-author's cells into the engine's grid; nothing is written (their add-in colours it).
    expect(await h.type("H4", [[60]], "remote")).toBe(1);
    expect(writes()).toBe(wrote);
    expect(indicators(h).cell("K4")).toEqual(before);
    expect(h.live.remoteBursts).toBe(1);
    // The officer then types a comment in the same row: the row is rated with the co-author's 60.
    await h.type("J4", [["Recovered in March"]]);
    expect(indicators(h).cell("K4").value).toBe(green);
    await h.live.stop();
  });

  test.each(["1.20", "1.13"])("our own writes raise nothing we act on (ExcelApi %s)", async (apiVersion) => {
    const h = await harness(30, { apiVersion });
    const bursts = h.live.bursts;
    const syncs = h.fake.stats.syncs;
    // A command while live colours listen (the runtime's queue reports none pending here) and a live write.
    const applied = await applyColoursCommand(h.fake.run, SETTINGS, TODAY);
    await h.fake.user.settled();
    await h.live.idle();
    expect(h.fake.stats.syncs - syncs).toBe(applied.syncs);
    expect(h.live.bursts).toBe(bursts);
    await h.type("H4", [[60]]);
    const after = h.fake.stats.syncs;
    await h.fake.user.settled();
    await h.live.idle();
    expect(h.fake.stats.syncs).toBe(after);
    expect(h.live.bursts).toBe(bursts + 1);
    expect(h.errors).toEqual([]);
    await h.live.stop();
    expect(h.fake.user.handlerCount()).toBe(0);
  });

  test("inserting a row above a table moves nothing out of place, and Remove colours still restores everything", async () => {
    const reference = createFakeExcel(generatedTracker(30));
    reference.user.insertRows("Indicators", 1, 1);
    const h = await harness();
    const coloured = indicators(h).formats("I4:L33");
    h.fake.user.insertRows("Indicators", 1, 1);
    await h.fake.user.settled();
    await h.live.idle();
    expect(h.errors).toEqual([]);
    expect(h.updates.at(-1)).toEqual({ kind: "rescan", reason: "structure" });
    // Every status colour is still on its own record, one row down.
    expect(indicators(h).formats("I5:L34")).toEqual(coloured);
    expect(indicators(h).cell("A5").value).toBe("HE 1");
    // A typed figure still recolours the right row.
    await h.type("H5", [[60]]);
    expect(indicators(h).cell("K5").value).toBe(indicators(h).cell("K6").value);
    await h.type("H5", [[45]]);
    await h.live.stop();
    await removeColours(h.fake.run);
    expect(indicators(h).formats("A1:L40")).toEqual(reference.sheet("Indicators")!.formats("A1:L40"));
    expect(indicators(h).values.map((r) => r.slice(0, 10))).toEqual(reference.sheet("Indicators")!.values.map((r) => r.slice(0, 10)));
  });

  test("cells inserted shifting down (ExcelApi 1.14 says which way) move the record with them", async () => {
    const reference = createFakeExcel(generatedTracker(30));
    reference.user.shiftCells("Indicators", "A10:L10", "Down");
    const h = await harness();
    const coloured = indicators(h).formats("I10:L33");
    h.fake.user.shiftCells("Indicators", "A10:L10", "Down");
    await h.fake.user.settled();
    await h.live.idle();
    expect(h.errors).toEqual([]);
    expect(indicators(h).formats("I11:L34")).toEqual(coloured);
    await h.live.stop();
    await removeColours(h.fake.run);
    expect(indicators(h).formats("A1:N40")).toEqual(reference.sheet("Indicators")!.formats("A1:N40"));
  });

  test("Remove colours after live updates restores every format and clears our column", async () => {
    const pristine = createFakeExcel(generatedTracker(30)).sheet("Indicators")!;
    const h = await harness();
    // Figures both ways, a row emptied of its figures (unrated) and filled again (coloured anew).
    await h.type("H4", [[60]]);
    await h.type("E6:H6", [["", "", "", ""]]);
    await h.type("E6:H6", [[40, 41, 42, 70]]);
    await h.type("H7:H9", [[1], [2], [3]]);
    // A new indicator typed under the table: its cells are coloured for the first time.
    await h.type("A34", [["HE 31", "Percentage of rent collected", "Higher is better", 50, 40, 41, 42, 60, "G"]]);
    expect(h.errors).toEqual([]);
    expect(indicators(h).cell("K34").value).toBe(indicators(h).cell("K5").value);
    await h.live.stop();
    await removeColours(h.fake.run);
    expect(indicators(h).formats("A1:N40")).toEqual(pristine.formats("A1:N40"));
    expect(indicators(h).values.every((r) => r.slice(10).every((v) => v === ""))).toBe(true);
  });
});

describe("live colours, number formats", () => {
  /** Runs `act` (a person's format change) and waits; returns the requests and bursts it cost. */
  async function formatting(h: Harness, act: () => void): Promise<{ syncs: number; bursts: number }> {
    const [syncs, bursts] = [h.fake.stats.syncs, h.live.bursts];
    act();
    await h.settle();
    return { syncs: h.fake.stats.syncs - syncs, bursts: h.live.bursts - bursts };
  }

  test("a figure given a percentage format (onFormatChanged, no onChanged) is re-rated within 2 requests, and our colours start nothing more", async () => {
    const h = await harness();
    // HE 1: higher is better, target 50. Typed as 0.55 it is far under 50; shown as 55% it beats 50%.
    await h.type("H4", [[0.55]]);
    const offTarget = indicators(h).cell("K4").value;
    expect(offTarget).not.toBe(indicators(h).cell("K5").value);
    const cost = await formatting(h, () => h.fake.user.setNumberFormat("Indicators", "H4", "0%"));
    // One burst: our recolour's own format events (status and rating cells) are not an officer's.
    expect(cost).toEqual({ syncs: 2, bursts: 1 });
    expect(indicators(h).cell("K4").value).toBe(indicators(h).cell("K5").value);
    expect(indicators(h).cell("K4").fill).toBe(indicators(h).cell("K5").fill);
    expect(h.updates.at(-1)).toEqual(expect.objectContaining({ kind: "records", rerated: ["Indicators!4"] }));
    // Back to General (Undo): off target again.
    await formatting(h, () => h.fake.user.setNumberFormat("Indicators", "H4", "General"));
    expect(indicators(h).cell("K4").value).toBe(offTarget);
    expect(h.errors).toEqual([]);
    await h.live.stop();
  });

  test("a fill or a format on our cells, or outside the trackers, writes nothing: at most one read", async () => {
    const h = await harness();
    const formats = JSON.stringify(indicators(h).formats("A1:L33"));
    // A highlight on an officer's figure: read once, nothing to re-rate.
    expect(await formatting(h, () => h.fake.user.setFill("Indicators", "H5", "#FFFF00"))).toEqual({ syncs: 1, bursts: 1 });
    expect(h.live.last).toEqual(expect.objectContaining({ kind: "none" }));
    // On our status column, the officer's coloured rating cell (I11, see above), or the notes sheet: nothing at all.
    expect(await formatting(h, () => h.fake.user.setFill("Indicators", "K4:K9", "#FFFF00"))).toEqual({ syncs: 0, bursts: 0 });
    expect(await formatting(h, () => h.fake.user.setNumberFormat("Indicators", "I11", "@"))).toEqual({ syncs: 0, bursts: 0 });
    expect(await formatting(h, () => h.fake.user.setFill("Notes", "A1", "#FFFF00"))).toEqual({ syncs: 0, bursts: 0 });
    const now = JSON.parse(JSON.stringify(indicators(h).formats("A1:L33"))) as { fill: unknown }[][];
    const was = JSON.parse(formats) as { fill: unknown }[][];
    // Only the officer's own highlights changed.
    now[4][7].fill = was[4][7].fill;
    for (let r = 3; r <= 8; r++) now[r][10].fill = was[r][10].fill;
    expect(now).toEqual(was);
    expect(h.errors).toEqual([]);
    // A record typed at the foot: its rating cell is coloured for the first time, and that is ours too.
    expect(await formatting(h, () => h.fake.user.type("Indicators", "A34", [["HE 31", "Percentage of rent collected", "Higher is better", 50, 40, 41, 42, 60, "G"]]))).toEqual({ syncs: 2, bursts: 1 });
    expect(indicators(h).cell("I34").fill).toBe(indicators(h).cell("I5").fill);
    await h.live.stop();
  });

  test("a fill set across a whole tracker with long commentary (Ctrl+A) is read in parts, not refused as too large", async () => {
    // 2,000 records with 3,000 characters of commentary each: about 6 MB of values, over Excel's 5 MB response.
    const init = generatedTracker(2000);
    const long = "Update: ".padEnd(3000, "x");
    init.sheets[0].values = init.sheets[0].values!.map((r, i) => (i >= 3 ? [...r.slice(0, 9), long] : r));
    const h = await harnessOn(createFakeExcel(init));
    const cost = await formatting(h, () => h.fake.user.setFill("Indicators", "A1:L2003", "#FFFF00"));
    // Nothing rates differently: no error for the officer, and nothing written.
    expect(h.errors).toEqual([]);
    expect(h.live.last).toEqual(expect.objectContaining({ kind: "none" }));
    expect(h.fake.stats.requests.slice(-cost.syncs).every((r) => r.responseBytes > 0)).toBe(true);
    // A figure given a percentage format with the columns beside it (Q4 to Comment selected) is still heard.
    await h.type("H4", [[0.55]]);
    const offTarget = indicators(h).cell("K4").value;
    await formatting(h, () => h.fake.user.setNumberFormat("Indicators", "H1:J2003", "0%"));
    expect(h.errors).toEqual([]);
    expect(indicators(h).cell("K4").value).not.toBe(offTarget);
    await h.live.stop();
  }, 120000);

  test.each([
    ["with its title in A1", false],
    // No title: the used range (the grid kept) starts on row 3, so the selection's first cells lie above it.
    ["starting on row 3", true],
  ])("a whole Q4 column given a percentage format (its header and empty cells too), on a tracker %s, re-rates its records without a full Apply colours", async (_, untitled) => {
    const init = generatedTracker(30);
    if (untitled) {
      init.sheets[0].values = [[], [], ...init.sheets[0].values!.slice(2)];
      init.sheets[0].formats = init.sheets[0].formats!.filter((f) => f.address !== "A1");
    }
    const h = await harnessOn(createFakeExcel(init));
    await h.type("H4", [[0.55]]);
    const offTarget = indicators(h).cell("K4").value;
    const updates = h.updates.length;
    // Column H selected to row 40, past the tracker's foot (Excel's "H:H", limited to the tracker).
    const cost = await formatting(h, () => h.fake.user.setNumberFormat("Indicators", "H1:H40", "0%"));
    expect(h.updates.slice(updates).map((u) => (u.kind === "rescan" ? u.reason : u.kind))).toEqual(["records"]);
    expect(cost).toEqual({ syncs: 2, bursts: 1 });
    expect(indicators(h).cell("K4").value).not.toBe(offTarget);
    expect(h.errors).toEqual([]);
    await h.live.stop();
  });

  test("a co-author's number format is followed, never written for", async () => {
    const h = await harness();
    await h.type("H4", [[0.55]]);
    const k4 = indicators(h).cell("K4");
    const cost = await formatting(h, () => h.fake.user.setNumberFormat("Indicators", "H4", "0%", { source: "remote" }));
    expect(cost.syncs).toBe(1);
    expect(indicators(h).cell("K4")).toEqual(k4);
    expect(h.live.remoteBursts).toBe(1);
    await h.live.stop();
  });
});

describe("live colours, edges", () => {
  const NEW_RECORD = ["Percentage of rent collected", "Higher is better", 50, 40, 41, 42, 60, "G"];

  test("two new records typed one below the other at the foot are both coloured, as a fresh Apply colours them", async () => {
    const h = await harness();
    await h.type("A34", [["HE 31", ...NEW_RECORD]]);
    await h.type("A35", [["HE 32", ...NEW_RECORD]]);
    const live = [indicators(h).cell("K34"), indicators(h).cell("K35")].map((c) => [c.value, c.fill]);
    await h.live.stop();
    await applyColoursCommand(h.fake.run, SETTINGS, TODAY);
    expect({ live, errors: h.errors }).toEqual({ live: [indicators(h).cell("K34"), indicators(h).cell("K35")].map((c) => [c.value, c.fill]), errors: [] });
    expect(live[1][0]).toMatch(/On target/);
  });

  // Excel raises onChanged for the cell typed into, not for a formula whose result it changed (office-js#3899).
  test("a rating worked out by a formula in the row edited is re-rated with its new result, as a fresh Apply colours it", async () => {
    const h = await harness();
    const before = [indicators(h).cell("K4").value, indicators(h).cell("L4").value];
    // HE 1: target 50, higher is better; its rating "=IF(H4>=D4,"G",…)" turns from R to G as 60 is typed in Q4.
    h.fake.user.type("Indicators", "H4", [[60]]);
    h.fake.user.recalculate("Indicators", "I4", [["G"]]);
    await h.settle();
    const live = ["I4", "K4", "L4"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]);
    expect(h.live.last).toEqual(expect.objectContaining({ kind: "records", cells: 1, syncs: 2 }));
    await h.live.stop();
    await applyColoursCommand(h.fake.run, SETTINGS, TODAY);
    expect({ live, errors: h.errors }).toEqual({ live: ["I4", "K4", "L4"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]), errors: [] });
    expect([live[1][0], live[2][0]]).not.toEqual(before);
  });

  // helper-104: what reading the rows across must not do.
  test("a tracker from column B beside a formatted column A: an edit reads from column B, no whole Apply", async () => {
    const init = generatedTracker(30);
    init.sheets[0].values = init.sheets[0].values!.map((r) => [null, ...r]);
    init.sheets[0].formats = [];
    const fake = createFakeExcel(init);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Indicators").getRange("A1:A40").numberFormat = Array.from({ length: 40 }, () => ["@"]);
      await context.sync();
    });
    const h = await harnessOn(fake);
    const before = h.updates.length;
    expect(await h.type("I4", [[60]])).toBeLessThanOrEqual(2);
    expect({ kinds: h.updates.slice(before).map((u) => u.kind), errors: h.errors }).toEqual({ kinds: ["records"], errors: [] });
    await h.live.stop();
  });

  test("rows of long commentary read across past Excel's 5 MB: read again as typed, and coloured as a fresh Apply colours them", async () => {
    const init = generatedTracker(300);
    const long = "Narrative commentary on this quarter's performance, with the actions agreed. ".repeat(240);
    init.sheets[0].values = init.sheets[0].values!.map((r, i) => (i >= 3 ? r.map((v, j) => (j === 9 ? long : v)) : r));
    const h = await harnessOn(createFakeExcel(init));
    const first = h.fake.stats.requests.length;
    await h.type("H4", Array.from({ length: 300 }, () => [1000]));
    expect(h.fake.stats.requests.slice(first).filter((r) => r.failed).length).toBe(1);
    const live = ["K4", "K150", "K303"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]);
    await h.live.stop();
    await applyColoursCommand(h.fake.run, SETTINGS, TODAY);
    expect({ live, errors: h.errors }).toEqual({ live: ["K4", "K150", "K303"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]), errors: [] });
  });

  test("an officer's figure and a co-author's note in the same row at once: the figure is rated and coloured", async () => {
    const h = await harness();
    h.fake.user.type("Indicators", "H4", [[60]], { source: "local" });
    h.fake.user.type("Indicators", "J4", [["Co-author's note"]], { source: "remote" });
    await h.settle();
    const live = ["K4", "L4"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]);
    await h.live.stop();
    await applyColoursCommand(h.fake.run, SETTINGS, TODAY);
    expect({ live, errors: h.errors }).toEqual({ live: ["K4", "L4"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]), errors: [] });
  });

  test("actuals cleared across a Ctrl-selection (one change, its address a list) both recolour, as a fresh Apply colours them", async () => {
    const h = await harness();
    const before = [indicators(h).cell("K4").value, indicators(h).cell("K7").value];
    h.fake.user.clearAreas("Indicators", "H4,H7");
    await h.settle();
    const live = ["K4", "K7"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]);
    await h.live.stop();
    await applyColoursCommand(h.fake.run, SETTINGS, TODAY);
    expect({ live, errors: h.errors }).toEqual({ live: ["K4", "K7"].map((a) => [indicators(h).cell(a).value, indicators(h).cell(a).fill]), errors: [] });
    expect(live.map((l) => l[0])).not.toEqual(before);
  });

  test.each(["1.13", "1.20"])("a new record at the foot is one burst: our own write to its status is not taken for an edit (ExcelApi %s)", async (apiVersion) => {
    const h = await harness(30, { apiVersion });
    const before = h.live.bursts;
    const syncs = await h.type("A34", [["HE 31", ...NEW_RECORD]]);
    expect({ bursts: h.live.bursts - before, syncs: syncs <= 2 }).toEqual({ bursts: 1, syncs: true });
    await h.live.stop();
  });

  test("an edit typed while a command runs is recoloured once the command is done", async () => {
    const fake = createFakeExcel(generatedTracker(30));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    let pending = false;
    const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: false, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => pending });
    await live.start();
    const green = fake.sheet("Indicators")!.cell("K5").value;
    pending = true; // the pane saving a setting, say: the runtime ignores changes meanwhile
    fake.user.type("Indicators", "H4", [[60]]);
    await fake.user.settled();
    await live.idle();
    pending = false;
    await live.resync(); // what the runtime does after every command
    await fake.user.settled();
    await live.idle();
    expect(fake.sheet("Indicators")!.cell("K4").value).toBe(green);
    await live.stop();
  });

  test("an officer's edit arriving while our write runs is not dropped", async () => {
    const fake = createFakeExcel(generatedTracker(30));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    let typedDuring = false;
    const engine = {
      startLive: ENGINE.startLive,
      applyEdits: (...args: Parameters<typeof ENGINE.applyEdits>) => {
        if (!typedDuring) {
          typedDuring = true;
          // HE 3: higher is better, target 52, Q4 49.9 (within tolerance); 100 beats it.
          fake.user.type("Indicators", "H6", [[100]]);
        }
        return ENGINE.applyEdits(...args);
      },
    };
    const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: false, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false }, engine);
    await live.start();
    const green = fake.sheet("Indicators")!.cell("K5").value;
    expect(fake.sheet("Indicators")!.cell("K6").value).not.toBe(green);
    fake.user.type("Indicators", "H4", [[60]]);
    for (let i = 0; i < 3; i++) {
      await fake.user.settled();
      await live.idle();
    }
    expect(live.bursts).toBe(2);
    expect(fake.sheet("Indicators")!.cell("K4").value).toBe(green);
    expect(fake.sheet("Indicators")!.cell("K6").value).toBe(green);
    await live.stop();
  });

  test("started on trackers never coloured, it colours them first; Remove colours then restores everything", async () => {
    const fake = createFakeExcel(generatedTracker(30));
    const pristine = fake.sheet("Indicators")!.formats("A1:N40");
    const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: false, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false });
    await live.start();
    const s = () => fake.sheet("Indicators")!;
    expect(s().cell("K3").value).toBe("Status (auto)");
    fake.user.type("Indicators", "H4", [[60]]);
    await fake.user.settled();
    await live.idle();
    expect(s().cell("K4").value).toBe(s().cell("K5").value);
    await live.stop();
    await removeColours(fake.run);
    expect(s().formats("A1:N40")).toEqual(pristine);
  });

  test("a header edited re-detects the workbook: a full Apply colours, then listening goes on", async () => {
    const h = await harness();
    const applied = h.fake.stats.runs;
    await h.type("H3", [["Q4 actual"]]);
    expect(h.errors).toEqual([]);
    expect(h.updates.at(-1)).toEqual({ kind: "rescan", reason: "header" });
    // Apply colours ran (its own runs), and the listener read the workbook again.
    expect(h.fake.stats.runs - applied).toBeGreaterThanOrEqual(3);
    expect(await h.type("H4", [[60]])).toBeLessThanOrEqual(2);
    expect(indicators(h).cell("K4").value).toBe(indicators(h).cell("K5").value);
    await h.live.stop();
  });

  test("a tracker renamed (ExcelApi 1.17) keeps recolouring, and Remove colours restores it under its new name", async () => {
    const pristine = createFakeExcel(generatedTracker(30)).sheet("Indicators")!;
    const h = await harness();
    h.fake.user.renameSheet("Indicators", "KPIs");
    await h.fake.user.settled();
    await h.live.idle();
    expect(h.errors).toEqual([]);
    await h.type("H4", [[60]], "local", "KPIs");
    const kpis = h.fake.sheet("KPIs")!;
    expect(kpis.cell("K4").value).toBe(kpis.cell("K5").value);
    await h.live.stop();
    const removed = await removeColours(h.fake.run);
    expect(removed.missing).toEqual([]);
    expect(h.fake.sheet("KPIs")!.formats("A1:N40")).toEqual(pristine.formats("A1:N40"));
  });
});

describe("rating help", () => {
  test("puts a list that never refuses on the officer's rating column, and Remove colours takes it off", async () => {
    const h = await harness(30, { ratingHelp: true });
    const dv = h.fake.user.validation("Indicators", "I4");
    expect(dv?.rule?.list).toEqual({ inCellDropDown: true, source: expect.stringMatching(/,/) });
    expect(dv?.errorAlert.showAlert).toBe(false);
    expect(dv?.prompt.showPrompt).toBe(true);
    expect(h.fake.user.validation("Indicators", "I33")?.rule).toEqual(dv?.rule);
    expect(h.fake.user.validation("Indicators", "I3")).toBeUndefined();
    await h.live.stop();
    await removeColours(h.fake.run);
    expect(h.fake.user.validation("Indicators", "I4")).toBeUndefined();
    expect(h.fake.user.validation("Indicators", "I33")).toBeUndefined();
  });

  test("turned off, the lists come off when live colours start again", async () => {
    const h = await harness(30, { ratingHelp: true });
    await h.live.stop();
    expect(h.fake.user.validation("Indicators", "I4")).toBeDefined();
    const again = new LiveColours(h.fake.run, runInWith(h.fake.runWith), { today: TODAY, ratingHelp: false, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false });
    await again.start();
    await again.stop();
    expect(h.fake.user.validation("Indicators", "I4")).toBeUndefined();
    expect(h.fake.user.validation("Indicators", "I33")).toBeUndefined();
  });

  // helper-68: Excel refuses validation on a protected sheet, and live colours did not start at all.
  test("a protected tracker gets no list, and live colours start; its lists turned off stay until it is unprotected", async () => {
    const fake = createFakeExcel(generatedTracker(30));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.setProtected("Indicators", true);
    const start = async (ratingHelp: boolean) => {
      const errors: string[] = [];
      const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp, debounceMs: 5 }, { onUpdate: () => undefined, onError: (m) => errors.push(m), commandPending: () => false });
      await live.start();
      const listening = live.listening;
      await live.stop();
      return { listening, errors };
    };
    expect({ started: await start(true), list: fake.user.validation("Indicators", "I4") }).toEqual({ started: { listening: true, errors: [] }, list: undefined });
    // Listed while unprotected, then protected and the setting turned off: left, then taken off once unprotected.
    fake.setProtected("Indicators", false);
    await start(true);
    fake.setProtected("Indicators", true);
    expect(await start(false)).toEqual({ listening: true, errors: [] });
    expect(fake.user.validation("Indicators", "I4")).toBeDefined();
    fake.setProtected("Indicators", false);
    await start(false);
    expect(fake.user.validation("Indicators", "I4")).toBeUndefined();
  });

  // helper-71: one protected sheet kept every sheet's lists on.
  test("turned off with one tracker protected: the other's lists come off, the protected one's stay listed until it is unprotected", async () => {
    const fake = createFakeExcel(generatedTracker(30));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const start = async (ratingHelp: boolean) => {
      const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false });
      await live.start();
      await live.stop();
    };
    await start(true);
    const listed = () => ({ indicators: fake.user.validation("Indicators", "I4") !== undefined, activities: fake.user.validation("Activities", "C2") !== undefined });
    expect(listed()).toEqual({ indicators: true, activities: true });
    fake.setProtected("Activities", true);
    await start(false);
    expect(listed()).toEqual({ indicators: false, activities: true });
    fake.setProtected("Activities", false);
    await start(false);
    expect(listed()).toEqual({ indicators: false, activities: false });
  });

  test("an officer's own validation is left alone", async () => {
    const fake = createFakeExcel(generatedTracker(30));
    await fake.run(async (context) => {
      const dv = (context.workbook.worksheets.getItem("Indicators").getRange("I4:I33") as unknown as { dataValidation: { rule: unknown } }).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "G,A,R" } };
      await context.sync();
    });
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: true, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false });
    await live.start();
    await live.stop();
    expect(fake.user.validation("Indicators", "I4")?.rule).toEqual({ list: { inCellDropDown: true, source: "G,A,R" } });
    await removeColours(fake.run);
    expect(fake.user.validation("Indicators", "I4")?.rule).toEqual({ list: { inCellDropDown: true, source: "G,A,R" } });
  });
});
