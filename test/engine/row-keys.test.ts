import { keyOf, rowMoves, sheetRowKeys, type RowKey } from "../../src/engine/trackers/row-keys";
import { detectTables } from "../../src/engine/detect/tables";
import { decodeSaved, emptyMemory, encodeSaved } from "../../src/excel/saved";
import { keysKept, moveSavedRows, recordRuns } from "../../src/excel/moved-rows";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const keysOf = (refs: Record<number, string>, col = 0): Map<number, RowKey> => new Map(Object.entries(refs).map(([row, ref]) => [Number(row), { col, key: keyOf(ref)! }]));
const sheet = (refs: Record<number, CellValue>) => (row: number, col: number): CellValue => (col === 0 ? (refs[row] ?? null) : null);

describe("row keys: which record each backed-up row held", () => {
  test("a key is short, and the same for the same text whatever its case and spaces; none for a blank cell", () => {
    expect(keyOf(" HS01 ")).toBe(keyOf("hs01"));
    expect(keyOf("HS01")).not.toBe(keyOf("HS02"));
    expect(keyOf(12)).toBe(keyOf("12"));
    expect(keyOf("HS01")!.length).toBeLessThanOrEqual(7);
    expect([keyOf(null), keyOf(""), keyOf("  ")]).toEqual([undefined, undefined, undefined]);
  });

  test("keys are read from a table's ref column, else (a blank ref, or no ref column) its name column", () => {
    const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Target", "Actual"], ["HS01", "Homes", 10, 12], [null, "Rent", 1, 2]] };
    expect(sheetRowKeys(grid, detectTables(grid))).toEqual(
      new Map([
        [1, { col: 0, key: keyOf("HS01") }],
        [2, { col: 1, key: keyOf("Rent") }],
      ]),
    );
    const named: SheetGrid = { name: "KPIs", values: [["Measure", "Target", "Actual"], ["Homes", 10, 12], ["Rent", 1, 2]] };
    expect([...sheetRowKeys(named, detectTables(named)).values()].map((k) => k.col)).toEqual([0, 0]);
  });
});

describe("rowMoves: where the rows the record keeps are now", () => {
  const saved = keysOf({ 3: "HS01", 4: "HS02", 5: "HS03" });

  test("rows in place: nothing moved", () => {
    expect(rowMoves(saved, sheet({ 3: "HS01", 4: "HS02", 5: "HS03" }))).toBeUndefined();
  });

  test("sorted: each row to the row its record is on now", () => {
    expect(rowMoves(saved, sheet({ 3: "HS03", 4: "HS01", 5: "HS02" }))).toEqual(
      new Map([
        [3, 4],
        [4, 5],
        [5, 3],
      ]),
    );
  });

  test("a ref edited in place is still its row's: it stays", () => {
    expect(rowMoves(saved, sheet({ 3: "HS01a", 4: "HS02", 5: "HS03" }))).toBeUndefined();
  });

  test("a record gone, another sorted onto its row: its row cannot be placed (-1)", () => {
    // HS01 deleted and the rest sorted up: HS02 is on row 3, HS03 on 4, row 5 empty.
    expect(rowMoves(saved, sheet({ 3: "HS02", 4: "HS03" }))).toEqual(
      new Map([
        [4, 3],
        [5, 4],
        [3, -1],
      ]),
    );
  });

  test("a key two rows share is not moved", () => {
    const twice = keysOf({ 3: "HS01", 4: "HS01", 5: "HS03" });
    expect(rowMoves(twice, sheet({ 3: "HS03", 4: "HS01", 5: "HS01" }))).toEqual(new Map([[5, 3], [3, -1]]));
  });
});

describe("moveSavedRows: the record follows its rows", () => {
  test("backups, saved formats and keys move; each moved backup is found in the record sheet's row it was copied to", () => {
    const mem = emptyMemory();
    for (const row of [3, 4, 5]) mem.backed.add(row, 5);
    mem.keys = keysOf({ 3: "HS01", 4: "HS02", 5: "HS03" });
    const moves = rowMoves(mem.keys, sheet({ 3: "HS03", 4: "HS01", 5: "HS02" }))!;
    const { from, dropped } = moveSavedRows(mem, moves);
    expect(mem.backed.rects()).toEqual([{ top: 3, bottom: 5, left: 5, right: 5 }]);
    expect(from).toEqual(
      new Map([
        [4, 3],
        [5, 4],
        [3, 5],
      ]),
    );
    expect(dropped).toEqual([]);
    expect(mem.keys).toEqual(keysOf({ 4: "HS01", 5: "HS02", 3: "HS03" }));
    expect(recordRuns(3, 5, from)).toEqual([
      { top: 3, bottom: 3, recordTop: 5 },
      { top: 4, bottom: 5, recordTop: 3 },
    ]);
  });

  test("a row whose key is found nowhere, its place taken, takes the row no other took (its cells were sorted there)", () => {
    const mem = emptyMemory();
    for (const row of [3, 4, 5]) mem.backed.add(row, 5);
    mem.keys = keysOf({ 3: "HS01", 4: "HS02", 5: "HS03" });
    // HS01's ref cleared, then sorted last: HS02 on row 3, HS03 on 4.
    const { dropped, from } = moveSavedRows(mem, rowMoves(mem.keys, sheet({ 3: "HS02", 4: "HS03" }))!);
    expect({ dropped, from }).toEqual({
      dropped: [],
      from: new Map([
        [3, 4],
        [4, 5],
        [5, 3],
      ]),
    });
  });

  test("two rows sharing a key, sorted: each takes a row their records left, in order", () => {
    const mem = emptyMemory();
    for (const row of [3, 4, 5]) mem.backed.add(row, 5);
    mem.keys = keysOf({ 3: "HS01", 4: "HS01", 5: "HS03" });
    const { from } = moveSavedRows(mem, rowMoves(mem.keys, sheet({ 3: "HS03", 4: "HS01", 5: "HS01" }))!);
    expect(from).toEqual(
      new Map([
        [3, 5],
        [5, 3],
      ]),
    );
  });

  test("in an Excel table, only the table's columns move: ours beside it stay", () => {
    const mem = emptyMemory();
    for (const row of [3, 4]) for (const col of [5, 8]) mem.backed.add(row, col);
    mem.keys = new Map([
      [3, { col: 0, key: keyOf("HS01")!, within: { left: 0, right: 6 } }],
      [4, { col: 0, key: keyOf("HS02")!, within: { left: 0, right: 6 } }],
    ]);
    const moved = moveSavedRows(mem, rowMoves(mem.keys, sheet({ 3: "HS02", 4: "HS01" }))!);
    expect([moved.moves(5), moved.moves(8)]).toEqual([true, false]);
    expect(recordRuns(3, 4, moved.moves(5) ? moved.from : undefined)).toEqual([
      { top: 3, bottom: 3, recordTop: 4 },
      { top: 4, bottom: 4, recordTop: 3 },
    ]);
  });

  test("rows in place copy in one run", () => {
    expect(recordRuns(3, 9, undefined)).toEqual([{ top: 3, bottom: 9, recordTop: 3 }]);
  });
});

describe("row keys in the record", () => {
  test("kept for the rows with a backup, and read back as written", () => {
    const mem = emptyMemory();
    for (const row of [3, 4, 5, 40]) mem.backed.add(row, 5);
    mem.cols.set(5, 2);
    mem.keys = keysKept(mem, keysOf({ 2: "Ref", 3: "HS01", 4: "HS02", 5: "HS03", 40: "EN1", 41: "EN2" }));
    expect([...mem.keys.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 40]);
    const back = decodeSaved(encodeSaved({ KPIs: mem })).KPIs;
    expect(back.keys).toEqual(mem.keys);
  });

  test.each([
    ["a run cut short", [[0, 3]]],
    ["a row past the sheet's last", [[0, 5000000, "abc"]]],
    ["keys running past the last row", [[0, 1048575, "abc,abd"]]],
    ["a table that does not hold its key column", [[3, 2, "abc", 5, 9]]],
  ])("%s: the keys are dropped, the sheet's backups kept (they go back by position, as before keys)", (_, r) => {
    const text = JSON.stringify({ v: 1, sheets: { KPIs: { v: "A1", b: "F3:F4", c: [[5, 2]], f: [], r } } });
    const mem = decodeSaved(text).KPIs;
    expect({ keys: mem.keys, backed: mem.backed.size }).toEqual({ keys: undefined, backed: 2 });
  });

  test("the Excel table a key is in is kept with it", () => {
    const mem = emptyMemory();
    mem.backed.add(3, 5);
    mem.keys = new Map([[3, { col: 0, key: keyOf("HS01")!, within: { left: 0, right: 6 } }]]);
    expect(decodeSaved(encodeSaved({ KPIs: mem })).KPIs.keys).toEqual(mem.keys);
  });
});
