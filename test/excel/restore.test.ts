// Remove colours puts back theme colours, tints, pattern fills and automatic font colours exactly: the
// formats are backed up whole in our record sheet (Range.copyFrom "Formats"), not read property by property.
import { applyColoursCommand, removeColoursCommand } from "../../src/excel";
import type { CellFormat, FakeWorkbookInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";
import { RULES_SHEET } from "../../src/engine/rules-sheet/rules-sheet";
import { emptyMemory } from "../../src/excel/saved";
import { cellKey } from "../../src/excel/cells";
import { stateCells } from "../../src/excel/state";
import { markFormula, OWNER_MARK } from "../../src/engine/sheets/ownership";

/** The officer's Status column in theme colours: Accent 1 at 40% tint, a Gray25 pattern, automatic font colour. */
const THEMED: Partial<CellFormat> = { fill: "#B4C6E7", fillTheme: 4, fillTint: 0.4, pattern: "Gray25", patternColor: "#1F3864", fontColor: "#000000", fontAuto: true, fontTheme: 1 };

function themed(): FakeWorkbookInit {
  const wb = generatedTracker(10);
  wb.sheets[0].formats!.push({ address: "I4:I13", format: THEMED }, { address: "A3:J3", format: { fillTheme: 3, fillTint: -0.25, fill: "#D9E1F2" } });
  return wb;
}

const formats = (fake: ReturnType<typeof createFakeExcel>) => JSON.stringify(fake.sheet("Indicators")!.formats("A1:N14"));

describe("Remove colours restores exactly", () => {
  test("theme colours, tints, patterns and automatic font colours round-trip through Apply colours and Remove colours", async () => {
    const fake = createFakeExcel(themed());
    const before = formats(fake);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const coloured = formats(fake) !== before;
    await removeColoursCommand(fake.run);
    expect({ coloured, restored: formats(fake) === before, i4: fake.sheet("Indicators")!.cell("I4") }).toEqual({
      coloured: true,
      restored: true,
      i4: expect.objectContaining({ fillTheme: 4, fillTint: 0.4, pattern: "Gray25", fontAuto: true }),
    });
  });

  test("applied twice (the second run keeps the first run's backups), then removed: still exact", async () => {
    const fake = createFakeExcel(themed());
    const before = formats(fake);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await applyColoursCommand(fake.run, { ...SETTINGS, preset: "pentana" }, TODAY);
    await removeColoursCommand(fake.run);
    expect(formats(fake)).toBe(before);
  });

  test("what a property-by-property capture keeps (getCellProperties, then setCellProperties) is flattened", async () => {
    const fake = createFakeExcel(themed());
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Indicators");
      const read = ws.getRange("I4").getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true } } });
      await context.sync();
      // getCellProperties' result is a ClientResult: its value is there after the sync (no load exists for it).
      // eslint-disable-next-line office-addins/load-object-before-read
      const p = read.value[0][0].format!;
      ws.getRange("I5").setCellProperties([[{ format: { fill: { color: p.fill!.color }, font: { color: p.font!.color } } }]]);
      await context.sync();
    });
    const [i4, i5] = [fake.sheet("Indicators")!.cell("I4"), fake.sheet("Indicators")!.cell("I5")];
    expect({ rgb: i5.fill === i4.fill, theme: i5.fillTheme, pattern: i5.pattern, auto: i5.fontAuto }).toEqual({ rgb: true, theme: undefined, pattern: undefined, auto: undefined });
  });

  test("the backups live in the very hidden record sheet and are cleared when the colours are removed", async () => {
    const fake = createFakeExcel(themed());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const state = fake.sheet("RagScorecardState")!;
    const backed = JSON.stringify(state.formats("C4:C4")[0][0]);
    await removeColoursCommand(fake.run);
    expect({ hidden: state.visibility, backed: backed.includes('"fillTheme":4'), cleared: JSON.stringify(fake.sheet("RagScorecardState")!.formats("C1:H20")).includes("fillTheme") }).toEqual({ hidden: "VeryHidden", backed: true, cleared: false });
  });

  test("the fake's copyFrom keeps Excel's rule for a multi-area source: a rectangle less whole rows or columns", async () => {
    const fake = createFakeExcel(themed());
    const attempt = (source: string) =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").getRange("A1").copyFrom(source, "Formats");
        await context.sync();
      }).then(() => "ok", (e: { code: string }) => e.code);
    expect([await attempt("Indicators!A1:A2,A5:A6"), await attempt("Indicators!A1:A2,C5:D6")]).toEqual(["ok", "InvalidArgument"]);
  });
});

describe("a figure the officer types over one of our statuses", () => {
  // Ours never holds a figure, so it is the officer's now: the next Apply writes nothing there, and neither
  // it nor Remove colours clears it as a cell of ours (trackers/foreign.ts, SheetPlan.leaveAlone).
  test("stays through Apply colours and Remove colours", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = () => fake.sheet("Indicators")!;
    expect(sheet().cell("K3").value).toBe("Status (auto)");
    expect(String(sheet().cell("K5").value)).toMatch(/^\S+ /);
    fake.user.type("Indicators", "K5", [[42]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    // Typed into our text-formatted cell, 42 is kept as text, as Excel keeps it.
    expect([sheet().cell("K5").value, String(sheet().cell("K6").value)]).toEqual(["42", expect.stringMatching(/^\S+ /)]);
    await removeColoursCommand(fake.run);
    expect([sheet().cell("K5").value, sheet().cell("K6").value]).toEqual(["42", ""]);
  });

  test("stays when Remove colours comes straight after, with no Apply between", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = () => fake.sheet("Indicators")!;
    fake.user.type("Indicators", "K5:K7", [[42], ["31/12/2022"], ["97.5%"]]);
    await removeColoursCommand(fake.run);
    expect([sheet().cell("K5").value, sheet().cell("K6").value, sheet().cell("K7").value, sheet().cell("K8").value]).toEqual(["42", "31/12/2022", "97.5%", ""]);
  });
});

describe("a figure typed into a cell of ours that the next Apply no longer writes", () => {
  // The table ends higher up now, so our status beside its old last row is cleared as a cell we no
  // longer write; a figure the officer has typed there since is not ours, and stays.
  test("is not cleared with our stale cells", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = () => fake.sheet("Indicators")!;
    expect([String(sheet().cell("K12").value), String(sheet().cell("K13").value)]).toEqual([expect.stringMatching(/^\S+ /), expect.stringMatching(/^\S+ /)]);
    fake.user.type("Indicators", "A12:J13", Array.from({ length: 2 }, () => Array.from({ length: 10 }, () => "")));
    fake.user.type("Indicators", "K13", [[42]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect([sheet().cell("K11").value, sheet().cell("K12").value, sheet().cell("K13").value]).toEqual([expect.stringMatching(/^\S+ /), "", "42"]);
    await removeColoursCommand(fake.run);
    expect([sheet().cell("K11").value, sheet().cell("K13").value]).toEqual(["", "42"]);
  });

  test("nor is text the officer typed there, once the row holds no indicator", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = () => fake.sheet("Indicators")!;
    fake.user.type("Indicators", "A13:J13", [Array.from({ length: 10 }, () => "")]);
    fake.user.type("Indicators", "K13", [["Withdrawn by Cabinet"]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect(sheet().cell("K13").value).toBe("Withdrawn by Cabinet");
  });
});

describe("a table grown over the table below, whose rating column falls under our column", () => {
  // The actions' Status (auto) goes in E. Once "Ref" of the indicators' header is typed over, their rows
  // join the actions, and E holds the indicators' RAG ratings: the officer's, as the record of the cells
  // Apply colours wrote shows (it never wrote there).
  const init = (): FakeWorkbookInit => ({
    sheets: [
      {
        name: "Plan",
        values: [
          ["Ref", "Action", "Lead officer", "Due date"],
          ["A1", "Consult on the plan", "J Smith", new Date(Date.UTC(2022, 5, 30))],
          ["Ref", "Indicator", "Polarity", "Target", "RAG"],
          ["K1", "Bins emptied on time", "Higher", 95, "G"],
          ["K2", "Litter picked", "Higher", 90, "R"],
        ],
      },
    ],
  });

  test("keeps the ratings through Apply colours", async () => {
    const fake = createFakeExcel(init());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = () => fake.sheet("Plan")!;
    expect(sheet().cell("E1").value).toBe("Status (auto)");
    expect(sheet().cell("E4").value).toBe("G");
    fake.user.type("Plan", "A3", [[250]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect([sheet().cell("E2").value, sheet().cell("E4").value, sheet().cell("E5").value]).toEqual([expect.stringMatching(/^\S+ /), "G", "R"]);
    await removeColoursCommand(fake.run);
    expect([sheet().cell("E2").value, sheet().cell("E4").value, sheet().cell("E5").value]).toEqual(["", "G", "R"]);
  });
});

describe("columns inserted while live colours were off", () => {
  // Our record still names column K, which now holds the officer's Comment column: what it holds is not
  // in the shape of anything we write, so neither Apply colours nor Remove colours clears it.
  test("the officer's column that moved under our old one is not cleared", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = () => fake.sheet("Indicators")!;
    fake.user.insertColumns("Indicators", 4, 1);
    expect([sheet().cell("K3").value, sheet().cell("K4").value]).toEqual(["Comment", "Recovery plan agreed with the portfolio holder"]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect([sheet().cell("K3").value, sheet().cell("K4").value, sheet().cell("L3").value]).toEqual(["Comment", "Recovery plan agreed with the portfolio holder", "Status (auto)"]);
    await removeColoursCommand(fake.run);
    expect([sheet().cell("K3").value, sheet().cell("K4").value, sheet().cell("L3").value]).toEqual(["Comment", "Recovery plan agreed with the portfolio holder", ""]);
  });

  /** A tracker whose Comment column (J) the officer formatted, coloured by Apply, then a column inserted at E (live colours off). */
  async function colouredThenInserted() {
    const wb = generatedTracker(10);
    wb.sheets[0].formats!.push({ address: "J3:J13", format: { fill: "#FFF2CC", pattern: "Gray25" } });
    const fake = createFakeExcel(wb);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.user.insertColumns("Indicators", 4, 1);
    return { fake, sheet: () => fake.sheet("Indicators")! };
  }

  test("nor are its formats replaced by the backups of our old column's cells", async () => {
    const { fake, sheet } = await colouredThenInserted();
    const comments = () => JSON.stringify(sheet().formats("K3:K13"));
    const before = comments();
    expect(before).toContain("Gray25");
    // Nor later: the backups of the old positions are forgotten, not left to land there on the next run.
    const after = [];
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    after.push(comments());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    after.push(comments());
    await removeColoursCommand(fake.run);
    after.push(comments());
    expect(after).toEqual([before, before, before]);
  });

  test("nor by Remove colours straight after, which puts no saved format or width on it", async () => {
    const { fake, sheet } = await colouredThenInserted();
    const before = { formats: JSON.stringify(sheet().formats("K3:K13")), width: sheet().columnWidths.K };
    await removeColoursCommand(fake.run);
    expect([sheet().cell("K3").value, sheet().cell("K4").value]).toEqual(["Comment", "Recovery plan agreed with the portfolio holder"]);
    expect({ formats: JSON.stringify(sheet().formats("K3:K13")), width: sheet().columnWidths.K }).toEqual(before);
  });
});

describe("statuses written under the rules sheet's own symbol and label", () => {
  test("are cleared by Remove colours, which reads the rules sheet to know them", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    // Row 26 of the rules sheet is green: its label (C) and symbol (H) edited.
    fake.user.type(RULES_SHEET, "C26", [["Hitting it"]]);
    fake.user.type(RULES_SHEET, "H26", [["G"]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = () => fake.sheet("Indicators")!;
    const ours = () => Array.from({ length: 10 }, (_, i) => sheet().cell(`K${i + 4}`).value);
    expect(ours()).toContain("G Hitting it");
    await removeColoursCommand(fake.run);
    expect(ours().filter((v) => v !== "")).toEqual([]);
  });

  test("are cleared by Remove colours even once the rules sheet says otherwise, or is gone: the column is headed as ours", async () => {
    for (const change of ["edit", "delete"] as const) {
      const fake = createFakeExcel(generatedTracker(10));
      await applyColoursCommand(fake.run, SETTINGS, TODAY);
      fake.user.type(RULES_SHEET, "C26", [["Hitting it"]]);
      fake.user.type(RULES_SHEET, "H26", [["G"]]);
      await applyColoursCommand(fake.run, SETTINGS, TODAY);
      if (change === "edit") fake.user.type(RULES_SHEET, "C26:H26", [["Spot on", null, null, null, null, "S"]]);
      else fake.user.deleteSheet(RULES_SHEET);
      const sheet = () => fake.sheet("Indicators")!;
      const ours = () => Array.from({ length: 11 }, (_, i) => sheet().cell(`K${i + 3}`).value);
      expect(ours()).toContain("G Hitting it");
      await removeColoursCommand(fake.run);
      expect([change, ours().filter((v) => v !== "")]).toEqual([change, []]);
    }
  });
});

describe("a record an older version saved property by property", () => {
  test("its formats go back before the backups are taken, so Remove colours gives the officer's format, not ours", async () => {
    // I4 shows our green; the older record says the officer's fill there was light blue.
    const wb = themed();
    wb.sheets[0].formats!.push({ address: "I4", format: { fill: "#C6EFCE", fillTheme: undefined, fillTint: undefined, pattern: undefined } });
    const memory = emptyMemory();
    memory.cells.set(cellKey(3, 8), { fill: "#B4C6E7" });
    const [a1, ...rest] = stateCells([], { Indicators: memory });
    wb.sheets.push({ name: "RagScorecardState", visibility: "VeryHidden", values: [[a1], ...rest.map((t) => [t])], numberFormats: [[a1], ...rest].map(() => ["@"]), names: [{ name: OWNER_MARK, formula: `=${markFormula("RagScorecardState")}`, visible: false }] });
    const fake = createFakeExcel(wb);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await removeColoursCommand(fake.run);
    expect(fake.sheet("Indicators")!.cell("I4").fill).toBe("#B4C6E7");
  });
});
