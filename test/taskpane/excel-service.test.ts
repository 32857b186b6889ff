// The pane's service over the Office.js host, run against the strict fake Excel holding the samples the
// browser preview uses. Checks what the pane is told (tables, problems, counts) and what lands in the workbook.
import { colToLetters } from "../../src/engine/vocab/address";
import { statusText } from "../../src/engine/trackers/colour";
import { OFFICER_MARK } from "../../src/engine/summary/layout-records";
import { PRESET_KEYS, presetByKey } from "../../src/engine/scheme/presets";
import type { RecordKind } from "../../src/engine/vocab/types";
import { columnIndex } from "../../src/excel/a1";
import { createFakeExcel } from "../../src/fake-excel";
import type { FakeExcel } from "../../src/fake-excel";
import { sampleByKey } from "../../src/preview/sample";
import type { Sample } from "../../src/preview/sample";
import { createExcelService, localToday, toCommandSettings } from "../../src/taskpane/excel-service";
import type { PaneSettings } from "../../src/taskpane/service";
import broxtoweExpected from "../../samples/broxtowe-pentana.expected.json";
import dudleyExpected from "../../samples/dudley-community-safety.expected.json";

interface Expected {
  counts: Record<RecordKind, Record<string, number>>;
  records: { sheet: string; kind: RecordKind; row: number }[];
}
const EXPECTED: Record<string, Expected> = { dudley: dudleyExpected as Expected, broxtowe: broxtoweExpected as Expected };

const TODAY = "2026-11-23";

function open(sample: Sample): FakeExcel {
  return createFakeExcel({ sheets: sample.workbook.sheets.map(({ columnWidths: _w, ...s }) => s) });
}

function settingsOf(sample: Sample): PaneSettings {
  return { ...sample.settings, columnOverrides: [] };
}

/** Non-zero counts only: the pane lists every status, the expected files only those that occur. */
function nonZero(counts: Record<RecordKind, Record<string, number>>): Record<RecordKind, Record<string, number>> {
  const keep = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
  return { indicator: keep(counts.indicator), activity: keep(counts.activity) };
}

/** Cells under each "Status (auto)" header of a sheet, with their text and fill. */
function statusColumn(fake: FakeExcel, sheet: string): { cell: string; text: string; fill: string | null }[] {
  const view = fake.sheet(sheet)!;
  const out: { cell: string; text: string; fill: string | null }[] = [];
  view.values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== "Status (auto)") return;
      for (let row = r + 1; row < view.values.length; row++) {
        const text = String(view.values[row][c]);
        const cell = `${colToLetters(c)}${row + 1}`;
        if (text && text !== "Status (auto)") out.push({ cell, text, fill: view.cell(cell).fill });
      }
    }),
  );
  return out;
}

describe("localToday and toCommandSettings", () => {
  test.each([
    { rule: "pads month and day", input: new Date(2011, 0, 5, 12), expected: "2011-01-05" },
    { rule: "uses the local date, late in the evening too", input: new Date(2021, 5, 30, 23, 59), expected: "2021-06-30" },
  ])("$rule", ({ input, expected }) => {
    expect(localToday(input)).toBe(expected);
  });

  test.each([
    { rule: "no settings: the workbook's own rules decide", input: undefined, expected: {} },
    {
      rule: "pane settings pass through unchanged",
      input: { preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30", committee: "Cabinet", columnOverrides: [{ sheet: "S", header: "H", role: "ignore" as const }] },
      expected: { preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30", committee: "Cabinet", columnOverrides: [{ sheet: "S", header: "H", role: "ignore" }] },
    },
  ])("$rule", ({ input, expected }) => {
    expect(toCommandSettings(input)).toEqual(expected);
  });
});

describe.each([
  { rule: "Dudley (manual activity ratings, ★ ● ▲)", key: "dudley" },
  { rule: "Broxtowe (Pentana export, computed activities)", key: "broxtowe" },
])("detect on the $rule sample", ({ key }) => {
  const sample = sampleByKey(key);
  const expected = EXPECTED[key];

  test("counts by status match the sample's hand-worked expectations", async () => {
    const state = await createExcelService(open(sample).run, { today: () => TODAY }).detect(settingsOf(sample));
    expect([state.settings.preset, state.scheme.key, nonZero(state.counts)]).toEqual([sample.settings.preset, sample.settings.preset, expected.counts]);
  });

  test("tables: 1-based header rows with the sheet's header text, letters for columns, records counted per table", async () => {
    const state = await createExcelService(open(sample).run, { today: () => TODAY }).detect(settingsOf(sample));
    const sheets = Object.fromEntries(sample.workbook.sheets.map((s) => [s.name, s.values ?? []]));
    const headerCells = state.tables.map((t) => t.columns.map((c) => String(sheets[t.sheet][t.headerRow - 1]?.[columnIndex(c.column)] ?? "").trim()));
    expect(headerCells.map((cells, i) => cells.filter((text, j) => text !== "" && text === state.tables[i].columns[j].header).length > 0)).toEqual(
      state.tables.map(() => true),
    );
    const rowsBy = (list: { sheet: string; kind: string; n: number }[]) =>
      list.reduce<Record<string, number>>((acc, x) => ({ ...acc, [`${x.sheet}|${x.kind}`]: (acc[`${x.sheet}|${x.kind}`] ?? 0) + x.n }), {});
    expect(rowsBy(state.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, n: t.rows })))).toEqual(
      rowsBy(expected.records.map((r) => ({ sheet: r.sheet, kind: r.kind, n: 1 }))),
    );
  });

  test("presets listed by key and name; every problem names an existing sheet and a cell", async () => {
    const fake = open(sample);
    const state = await createExcelService(fake.run, { today: () => TODAY }).detect(settingsOf(sample));
    expect(state.presets.map((p) => [p.key, p.name])).toEqual(PRESET_KEYS.map((k) => [k, presetByKey(k)!.name]));
    expect(state.problems.filter((p) => !fake.sheetNames().includes(p.sheet) || !/^[A-Z]+\d+$/.test(p.cell) || !p.message)).toEqual([]);
  });
});

describe("actions on the Dudley sample", () => {
  const sample = sampleByKey("dudley");
  const scheme = presetByKey("dudley")!;
  const statuses = [...scheme.indicator, ...scheme.activity];

  test("apply colours: a message, and every Status (auto) cell in its status's fill; remove colours puts formats back", async () => {
    const fake = open(sample);
    const service = createExcelService(fake.run, { today: () => TODAY });
    const before = fake.snapshot();
    const applied = await service.applyColours(settingsOf(sample));
    // Below the header, the column runs on into the next table's own cells: keep only status texts (symbol first).
    const cells = statusColumn(fake, "Community Safety").filter((c) => statuses.some((s) => c.text.startsWith(`${s.symbol} `)));
    // An officer's own rating, shown where the rules had nothing to rate, carries the officer mark (RULES §7).
    const unmarked = (text: string) => (text.endsWith(` ${OFFICER_MARK}`) ? text.slice(0, -OFFICER_MARK.length - 1) : text);
    const wrong = cells.filter((c) => statuses.find((s) => statusText(s.symbol, s.label) === unmarked(c.text))?.fill !== c.fill);
    expect([applied.message.length > 0, nonZero(applied.state.counts), cells.length > 10, wrong]).toEqual([true, EXPECTED.dudley.counts, true, []]);

    const removed = await service.removeColours();
    const after = fake.sheet("Community Safety")!;
    const snapshot = before as { sheets: { name: string; cells: Record<string, { fmt: { fill: string | null } }> }[] };
    const original = snapshot.sheets.find((s) => s.name === "Community Safety")!.cells;
    const changed = Object.entries(original).filter(([address, c]) => after.cell(address).fill !== c.fmt.fill);
    const left = statusColumn(fake, "Community Safety").filter((c) => statuses.some((s) => c.text.startsWith(`${s.symbol} `)));
    expect([removed.message.length > 0, changed, left, removed.state.settings.preset]).toEqual([true, [], [], "dudley"]);
  });

  test("build summary: a message and a Summary sheet with the key", async () => {
    const fake = open(sample);
    const result = await createExcelService(fake.run, { today: () => TODAY }).buildSummary(settingsOf(sample));
    const summary = fake.sheet("Summary");
    expect([result.message.length > 0, summary !== undefined, summary?.values.some((line) => line.includes("Key"))]).toEqual([true, true, true]);
  });

  test.each([
    { rule: "a cell on another sheet", sheet: "Children's Services", cell: "D12" },
    { rule: "a cell on the first sheet", sheet: "Community Safety", cell: "B7" },
  ])("selectCell selects $rule", async ({ sheet, cell }) => {
    const fake = open(sample);
    await createExcelService(fake.run).selectCell(sheet, cell);
    expect(fake.selection()).toEqual({ sheet, address: cell });
  });

  test("save settings writes the rules sheet; a later detect without settings reads them back", async () => {
    const fake = open(sample);
    const service = createExcelService(fake.run, { today: () => TODAY });
    await service.saveSettings(settingsOf(sample));
    const state = await createExcelService(fake.run, { today: () => TODAY }).detect();
    expect([fake.sheetNames().includes("Scorecard Rules"), state.settings]).toEqual([
      true,
      { preset: "dudley", period: "Q3 2010/11", reportDate: "2010-12-31", columnOverrides: [] },
    ]);
  });
});
