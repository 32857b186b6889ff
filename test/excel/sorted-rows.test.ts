// Data > Sort between Apply colours and Remove colours (helper-78): Excel moves an officer's values and
// formats with their rows, not our record of what was there before. Each backup must go back to the row its
// record is on now, not to the row it was made on.
import { applyColoursCommand, removeColoursCommand } from "../../src/excel";
import { RULES_SHEET } from "../../src/engine/rules-sheet/rules-sheet";
import { HISTORY_SHEET } from "../../src/engine/history/types";
import { STATE_SHEET } from "../../src/excel/state";
import type { FakeExcel, FakeWorkbookInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import type { CellValue } from "../../src/engine/vocab/types";
import { TODAY } from "./trackers";
import { LiveColours, runInWith } from "../../src/excel/live";
import { emptyMemory } from "../../src/excel/saved";
import { shiftMemory, type Shift } from "../../src/excel/live/record";
import { keyOf } from "../../src/engine/trackers/row-keys";

const SETTINGS = { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31" };

// Hand colours on the officers' RAG cells, each row its own, and a bold name on one row.
const ROWS: [string, string, number, number, string, string][] = [
  ["HS01", "Households in temporary accommodation", 120, 118, "Green", "#92D050"],
  ["HS02", "Rent collected", 98, 90, "Red", "#FF0000"],
  ["HS03", "Repairs on time", 95, 93, "Amber", "#FFC000"],
  ["HS04", "Empty homes brought back", 40, 41, "Green", "#00B050"],
  ["HS05", "Complaints answered in time", 90, 70, "Red", "#C00000"],
];

function tracker(order: number[] = [0, 1, 2, 3, 4]): FakeWorkbookInit {
  const rows = order.map((i) => ROWS[i]);
  const values: CellValue[][] = [["Ref", "Measure", "Polarity", "Target", "Actual", "RAG"], ...rows.map(([ref, name, target, actual, rag]) => [ref, name, "Higher", target, actual, rag])];
  return {
    sheets: [
      {
        name: "KPIs",
        values,
        formats: [
          ...rows.map(([, , , , , fill], i) => ({ address: `F${i + 2}`, format: { fill } })),
          { address: `B${order.indexOf(2) + 2}`, format: { bold: true, fill: "#DDEBF7" } },
        ],
      },
    ],
  };
}

type Snap = { sheets: { name: string }[] };
const trackersOf = (fake: FakeExcel): unknown => (fake.snapshot() as Snap).sheets.filter((s) => ![RULES_SHEET, STATE_SHEET, HISTORY_SHEET].includes(s.name));

// Reversed, as a sort on the RAG column descending might leave them; our Status (auto) and Check (auto) columns (G:H) sorted with them, as Excel expands a sort to the columns beside.
const REVERSED = [4, 3, 2, 1, 0];

describe("sorted between Apply colours and Remove colours", () => {
  test("Remove colours puts each row's own formats back", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.sortRows("KPIs", "A2:H6", REVERSED);
    await removeColoursCommand(fake.run);
    expect(trackersOf(fake)).toEqual(trackersOf(createFakeExcel(tracker(REVERSED))));
  });

  test("sorted, coloured again, then removed: the second Apply keeps each backup with its row", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.sortRows("KPIs", "A2:H6", REVERSED);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sortedAgain = [2, 0, 4, 1, 3];
    fake.user.sortRows("KPIs", "A2:H6", sortedAgain);
    await removeColoursCommand(fake.run);
    expect(trackersOf(fake)).toEqual(trackersOf(createFakeExcel(tracker(sortedAgain.map((i) => REVERSED[i])))));
  });

  test("sorted, then a rating emptied: the cell no longer coloured gets its own record's format back at the next Apply", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.sortRows("KPIs", "A2:H6", REVERSED);
    // HS02 is on row 5 now; its rating emptied, the cell is not coloured any more and its hand colour goes back.
    fake.user.type("KPIs", "F5", [[""]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect(fake.sheet("KPIs")!.formats("F5")[0][0].fill).toBe("#FF0000");
  });

  test("a ref edited since Apply colours, rows in place: its row's formats go back as before", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.type("KPIs", "A3", [["HS02a"]]);
    await removeColoursCommand(fake.run);
    const expected = tracker();
    (expected.sheets[0].values as CellValue[][])[2][0] = "HS02a";
    expect(trackersOf(fake)).toEqual(trackersOf(createFakeExcel(expected)));
  });

  test("rows in place: Remove colours takes the requests it took before", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const removed = await removeColoursCommand(fake.run);
    expect({ syncs: removed.syncs, same: JSON.stringify(trackersOf(fake)) === JSON.stringify(trackersOf(createFakeExcel(tracker()))) }).toEqual({ syncs: 4, same: true });
  });
});

describe("live colours move the keys with the rows they shift", () => {
  const withKeys = () => {
    const mem = emptyMemory();
    mem.backed.add(3, 5);
    mem.backed.add(4, 5);
    mem.keys = new Map([
      [3, { col: 0, key: keyOf("HS01")! }],
      [4, { col: 0, key: keyOf("HS02")! }],
    ]);
    return mem;
  };
  test.each([
    ["a row inserted above", { sheet: "KPIs", axis: "rows", first: 2, count: 1, inserted: true }, [[4, 0, "HS01"], [5, 0, "HS02"]]],
    ["the first row deleted", { sheet: "KPIs", axis: "rows", first: 3, count: 1, inserted: false }, [[3, 0, "HS02"]]],
    ["cells shifted down right of the refs", { sheet: "KPIs", axis: "rows", first: 2, count: 1, inserted: true, columns: { first: 4, last: 9 } }, [[3, 0, "HS01"], [4, 0, "HS02"]]],
    ["a column inserted before the refs", { sheet: "KPIs", axis: "columns", first: 0, count: 2, inserted: true }, [[3, 2, "HS01"], [4, 2, "HS02"]]],
    ["the refs' column deleted", { sheet: "KPIs", axis: "columns", first: 0, count: 1, inserted: false }, []],
  ] as [string, Shift, [number, number, string][]][])("%s", (_, shift, expected) => {
    const moved = shiftMemory(withKeys(), shift);
    expect([...(moved.keys ?? [])]).toEqual(expected.map(([row, col, ref]) => [row, { col, key: keyOf(ref) }]));
  });
});

describe("sorted with live colours on", () => {
  test("the sort is re-coloured live, and Remove colours still puts each row's own formats back", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const errors: string[] = [];
    const colours = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: false, debounceMs: 5 }, { onUpdate: () => undefined, onError: (m) => errors.push(m), commandPending: () => false });
    await colours.start();
    fake.user.sortRows("KPIs", "A2:H6", REVERSED);
    await fake.user.settled();
    await colours.idle();
    await colours.stop();
    await removeColoursCommand(fake.run);
    expect({ errors, sheets: trackersOf(fake) }).toEqual({ errors: [], sheets: trackersOf(createFakeExcel(tracker(REVERSED))) });
  });
});

describe("a blank row sorted to the end of the table (helper-83)", () => {
  // The sort moves rows up over the blank row, and our cells with them onto a row we had not written.
  const withBlank = (order: number[]): FakeWorkbookInit => {
    const init = tracker(order);
    const values = init.sheets[0].values as CellValue[][];
    values.splice(3, 0, []);
    // HS03 (under the blank row) rated Green where the rules say otherwise: a check of ours beside it, which the sort moves onto the blank row's.
    for (const line of values) if (line[0] === "HS03") line[5] = "Green";
    init.sheets[0].formats = init.sheets[0].formats!.map((f) => {
      const row = Number(/\d+/.exec(f.address)![0]);
      return row > 3 ? { ...f, address: f.address.replace(/\d+/, String(row + 1)) } : f;
    });
    return init;
  };

  test("our cells moved onto rows we had not written are still ours: coloured again, then removed, nothing of ours is left", async () => {
    const fake = createFakeExcel(withBlank([0, 1, 2, 3, 4]));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect(fake.sheet("KPIs")!.values[4][7]).not.toBe("");
    // Rows 2, 3, 5, 6, 7 (HS01, HS02, HS03, HS04, HS05) and the blank row 4: the blank goes last.
    fake.user.sortRows("KPIs", "A2:H7", [0, 1, 3, 4, 5, 2]);
    // HS03's rating put right on its row now: the check of ours beside it is cleared at the next Apply, not kept as the officer's.
    fake.user.type("KPIs", "F4", [["Amber"]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect(fake.sheet("KPIs")!.values[3][7]).toBe("");
    await removeColoursCommand(fake.run);
    const expected = tracker([0, 1, 2, 3, 4]);
    (expected.sheets[0].values as CellValue[][]).push([]);
    (expected.sheets[0].values as CellValue[][])[3][5] = "Amber";
    expect(trackersOf(fake)).toEqual(trackersOf(createFakeExcel(expected)));
  });
});

describe("rows inserted above records with live colours off (helper-84)", () => {
  test("Remove colours puts each record's formats back on the row it was pushed down to", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.insertRows("KPIs", 2, 1);
    await removeColoursCommand(fake.run);
    const fills = fake.sheet("KPIs")!.formats("F2:F7").map((r) => r[0].fill);
    expect(fills).toEqual([ROWS[0][5], null, ...ROWS.slice(1).map((r) => r[5])]);
  });
});

describe("an Excel table sorted from its header: only its own columns move (helper-84)", () => {
  const asTable = (order?: number[]): FakeWorkbookInit => {
    const init = tracker(order);
    init.sheets[0].tables = [{ name: "KPIs", address: "A1:F6" }];
    return init;
  };

  test("our columns beside the table keep their backups; the table's cells get their own back", async () => {
    const fake = createFakeExcel(asTable());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    // The table's own range, as its header's Sort Z to A sorts it: our columns, a column away, stay.
    fake.user.sortRows("KPIs", "A2:F6", REVERSED);
    await removeColoursCommand(fake.run);
    expect(trackersOf(fake)).toEqual(trackersOf(createFakeExcel(asTable(REVERSED))));
  });
});

describe("sorted twice, the second time with a column backed up for the first time", () => {
  test("the new column's backups do not land in the columns the sorted backups leave (cleared in the same request)", async () => {
    // Every rating agrees with the rules at first: no Check (auto) column, nothing of it backed up.
    const agreeing = (order: number[]): FakeWorkbookInit => {
      const init = tracker(order);
      for (const line of init.sheets[0].values as CellValue[][]) if (line[0] === "HS01") line[5] = "Amber";
      // A shade of the officer's where HS04's check will go: its backup must come back.
      init.sheets[0].formats!.push({ address: `H${order.indexOf(3) + 2}`, format: { fill: "#EDEDED" } });
      return init;
    };
    const fake = createFakeExcel(agreeing([0, 1, 2, 3, 4]));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.sortRows("KPIs", "A2:H6", REVERSED);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.sortRows("KPIs", "A2:H6", REVERSED);
    // HS04 (row 5 again) rated Red against the rules: a check of ours, in a column backed up for the first time.
    fake.user.type("KPIs", "F5", [["Red"]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect(fake.sheet("KPIs")!.values[4][7]).not.toBe("");
    await removeColoursCommand(fake.run);
    const expected = agreeing([0, 1, 2, 3, 4]);
    (expected.sheets[0].values as CellValue[][])[4][5] = "Red";
    expect(trackersOf(fake)).toEqual(trackersOf(createFakeExcel(expected)));
  });
});

describe("rows deleted or inserted with live colours off (helper-85)", () => {
  test("a record's row deleted: its formats go nowhere, the empty row left under the table gets none", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.deleteRows("KPIs", 2, 1); // HS02's row
    await removeColoursCommand(fake.run);
    const fills = fake.sheet("KPIs")!.formats("F2:F6").map((r) => r[0].fill);
    expect(fills).toEqual([ROWS[0][5], ROWS[2][5], ROWS[3][5], ROWS[4][5], null]);
  });

  test("a row inserted above a record with no ref: it moves down with the records around it", async () => {
    const init = tracker();
    (init.sheets[0].values as CellValue[][])[3][0] = null; // HS03's ref blank
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.insertRows("KPIs", 3, 1); // above the record with no ref
    await removeColoursCommand(fake.run);
    const fills = fake.sheet("KPIs")!.formats("F2:F7").map((r) => r[0].fill);
    expect(fills).toEqual([ROWS[0][5], ROWS[1][5], null, ROWS[2][5], ROWS[3][5], ROWS[4][5]]);
  });
});

describe("records with a blank ref are known by their name (helper-87)", () => {
  test("two of them, sorted: each gets its own colour back", async () => {
    const init = tracker();
    const values = init.sheets[0].values as CellValue[][];
    values[2][0] = null; // HS02
    values[4][0] = null; // HS04
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.sortRows("KPIs", "A2:H6", [3, 0, 4, 1, 2]);
    await removeColoursCommand(fake.run);
    const fills = fake.sheet("KPIs")!.formats("F2:F6").map((r) => r[0].fill);
    expect(fills).toEqual([3, 0, 4, 1, 2].map((i) => ROWS[i][5]));
  });
});
