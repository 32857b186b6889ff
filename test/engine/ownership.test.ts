// The ownership decision: a sheet is replaced only when the record lists it and it carries our mark.
import {
  cleanSheetName,
  decideOwnership,
  findStateSheet,
  freeSheetName,
  markFormula,
  nextOwned,
  OWNER_MARK,
  parseMark,
  parseStateRecord,
  placeNewSheets,
  sameSheetName,
  STATE_SHEET,
  stateRecordText,
  type SheetFacts,
} from "../../src/engine/sheets/ownership";

const state = (mark: string | undefined = markFormula(STATE_SHEET), name = STATE_SHEET): SheetFacts => ({ name, visibility: "veryHidden", mark });
const sheet = (name: string, plan?: string, visibility: SheetFacts["visibility"] = "visible"): SheetFacts => ({ name, visibility, mark: plan === undefined ? undefined : markFormula(plan) });
const record = (owned: { sheet: string; plan: string }[]): string => stateRecordText(owned);

describe("sheet names compare as Excel compares them", () => {
  test.each([
    ["Summary", "SUMMARY", true],
    ["Summary", "summary", true],
    ["Summary", "Summary ", false],
    [" Summary", "Summary", false],
    ["Résumé", "RÉSUMÉ", true],
  ])("%j and %j: %s", (a, b, same) => expect(sameSheetName(a, b)).toBe(same));
});

describe("marks", () => {
  test.each([
    ['"Summary"', "Summary"],
    ['="Summary"', "Summary"],
    ['"Say ""hi"""', 'Say "hi"'],
    ["Summary", undefined],
    ['"Sum"mary"', undefined],
    ["Sheet1!$A$1", undefined],
    ['""', undefined],
    ['"a/b"', undefined],
    [undefined, undefined],
  ])("%j names plan %j", (formula, plan) => expect(parseMark(formula)).toBe(plan));

  test("markFormula round-trips through parseMark", () => {
    for (const plan of ["Summary", 'Q3 "final"', "Scorecard Rules"]) expect(parseMark(markFormula(plan))).toBe(plan);
  });

  test("the mark's name is one Excel accepts for a defined name", () => {
    expect(OWNER_MARK).toMatch(/^[_A-Za-z][\w.]*$/);
  });
});

describe("the record is parsed strictly", () => {
  test.each([
    ['{"version":1,"owned":[{"sheet":"Summary (2)","plan":"Summary"}]}', true],
    ['{"version":1,"owned":[]}', true],
    [42, false],
    ["not json", false],
    ["[]", false],
    ['{"version":2,"owned":[]}', false],
    ['{"version":"1","owned":[]}', false],
    ['{"version":1}', false],
    ['{"version":1,"owned":{}}', false],
    ['{"version":1,"owned":[],"evil":true}', false],
    ['{"version":1,"owned":[{"sheet":"Summary","plan":"Summary","x":1}]}', false],
    ['{"version":1,"owned":[{"sheet":"","plan":"Summary"}]}', false],
    ['{"version":1,"owned":[{"sheet":"A:B","plan":"Summary"}]}', false],
    ['{"version":1,"owned":[{"sheet":"' + "x".repeat(32) + '","plan":"Summary"}]}', false],
    ['{"version":1,"owned":[{"sheet":"Summary","plan":"Summary"},{"sheet":"SUMMARY","plan":"Other"}]}', false],
    ['{"version":1,"owned":["Summary"]}', false],
  ])("%j: usable %s", (a1, ok) => expect(parseStateRecord(a1).ok).toBe(ok));
});

describe("which sheet holds the record", () => {
  test.each<[string, SheetFacts[], string | undefined]>([
    ["the very hidden, marked state sheet", [sheet("Data"), state()], STATE_SHEET],
    ["a marked state sheet under another name", [sheet(STATE_SHEET), state(markFormula(STATE_SHEET), "RagScorecardState (2)")], "RagScorecardState (2)"],
    ["a legacy state sheet: very hidden, right name, no mark", [sheet("Data"), state(undefined)], STATE_SHEET],
    ["a user's visible sheet of that name", [sheet("Data"), sheet(STATE_SHEET)], undefined],
    ["a user's hidden sheet of that name", [sheet(STATE_SHEET, undefined, "hidden")], undefined],
    ["a very hidden sheet of that name with some other mark", [state(markFormula("Summary"))], undefined],
    // LibreOffice and Gnumeric have no "very hidden": they save our record sheet hidden or visible, with its mark.
    ["a marked state sheet saved hidden", [sheet("Data"), sheet(STATE_SHEET, STATE_SHEET, "hidden")], STATE_SHEET],
    ["a marked state sheet saved visible", [sheet("Data"), sheet(STATE_SHEET, STATE_SHEET)], STATE_SHEET],
    ["a very hidden one first, over a hidden one", [sheet("RagScorecardState (2)", STATE_SHEET, "hidden"), state()], STATE_SHEET],
    ["a hidden one under the name a rebuild gives it beside a user's", [sheet(STATE_SHEET), sheet("RagScorecardState (2)", STATE_SHEET, "hidden")], "RagScorecardState (2)"],
    // Not very hidden, it must keep the record's name: the Office.js host reads column A of those only.
    ["a marked record renamed and only hidden", [sheet("Old record", STATE_SHEET, "hidden")], undefined],
    ["a marked visible sheet whose name only starts like the record's", [sheet("RagScorecardState data", STATE_SHEET)], undefined],
  ])("%s", (_, sheets, expected) => expect(findStateSheet(sheets)?.name).toBe(expected));
});

describe("deciding ownership", () => {
  const owned = [{ sheet: "Summary", plan: "Summary" }];

  test("a listed, marked sheet is ours to replace", () => {
    const d = decideOwnership([sheet("Data"), sheet("Summary", "Summary"), state()], record(owned));
    expect(d.owned).toEqual(owned);
    expect(d.ours).toEqual([STATE_SHEET, "Summary"]);
    expect(d.notes).toEqual([]);
    expect(placeNewSheets(["Summary"], ["Data", "Summary", STATE_SHEET], d)).toEqual([{ plan: "Summary", sheet: "Summary", replaces: "Summary" }]);
  });

  test("a user's sheet named Summary that the record lists, but with no mark, is never replaced", () => {
    const d = decideOwnership([sheet("Data"), sheet("Summary"), state()], record(owned));
    expect(d.owned).toEqual([]);
    expect(d.ours).toEqual([STATE_SHEET]);
    expect(d.notes).toEqual(['The sheet "Summary" is listed as made by the add-in but does not carry its mark, so it is left alone.']);
    expect(placeNewSheets(["Summary"], ["Data", "Summary", STATE_SHEET], d)).toEqual([{ plan: "Summary", sheet: "Summary (2)" }]);
  });

  test("a spoofed record naming the user's sheets deletes nothing", () => {
    const spoof = record([{ sheet: "Data", plan: "Summary" }, { sheet: "Budget", plan: "Scorecard Rules" }]);
    const d = decideOwnership([sheet("Data"), sheet("Budget"), state()], spoof);
    expect(d.owned).toEqual([]);
    expect(nextOwned(d, [], ["Data", "Budget"])).toEqual([]);
  });

  test("a garbage record deletes nothing, even of marked sheets, and says why", () => {
    const d = decideOwnership([sheet("Summary", "Summary"), state()], '{"version":1,"owned":"everything"}');
    expect(d.owned).toEqual([]);
    expect(d.ours).toEqual([STATE_SHEET, "Summary"]);
    expect(d.notes).toEqual([`The add-in's record in "${STATE_SHEET}" was not used (it has no list of sheets), so no sheet is replaced.`]);
  });

  test("a summary the user renamed is ours (not a tracker) but kept: the new summary takes the free name", () => {
    const d = decideOwnership([sheet("Data"), sheet("Summary 2024", "Summary"), state()], record(owned));
    expect(d.ours).toContain("Summary 2024");
    expect(d.owned).toEqual([]);
    expect(placeNewSheets(["Summary"], ["Data", "Summary 2024", STATE_SHEET], d)).toEqual([{ plan: "Summary", sheet: "Summary" }]);
  });

  test("a user's sheet named RagScorecardState is never ours: the record goes to a free name", () => {
    const d = decideOwnership([sheet("Data"), sheet(STATE_SHEET)], undefined);
    expect(d.stateSheet).toBeUndefined();
    expect(d.stateSheetName).toBe(`${STATE_SHEET} (2)`);
    expect(d.ours).toEqual([]);
    expect(d.notes).toEqual([`The sheet "${STATE_SHEET}" is not the add-in's record, so it is left alone.`]);
    expect(placeNewSheets([STATE_SHEET], ["Data", STATE_SHEET], d)).toEqual([{ plan: STATE_SHEET, sheet: `${STATE_SHEET} (3)` }]);
  });

  test("user sheets named Summary and Scorecard Rules with no record stay theirs", () => {
    const d = decideOwnership([sheet("Summary"), sheet("scorecard rules")], undefined);
    expect(placeNewSheets(["Summary", "Scorecard Rules"], ["Summary", "scorecard rules"], d)).toEqual([
      { plan: "Summary", sheet: "Summary (2)" },
      { plan: "Scorecard Rules", sheet: "Scorecard Rules (2)" },
    ]);
  });

  test("a mark for another plan does not prove the listed plan", () => {
    const d = decideOwnership([sheet("Summary", "Scorecard Rules"), state()], record(owned));
    expect(d.owned).toEqual([]);
  });

  test("names are matched without regard to case, and the record keeps the sheet's own spelling", () => {
    const d = decideOwnership([sheet("SUMMARY", "summary"), state()], record(owned));
    expect(d.owned).toEqual([{ sheet: "SUMMARY", plan: "Summary" }]);
  });

  test("the next record keeps earlier owned sheets still there and drops deleted ones", () => {
    const two = record([...owned, { sheet: "Scorecard Rules", plan: "Scorecard Rules" }]);
    const d = decideOwnership([sheet("Summary", "Summary"), sheet("Scorecard Rules", "Scorecard Rules"), state()], two);
    const placed = placeNewSheets(["Summary"], ["Summary", "Scorecard Rules", STATE_SHEET], d);
    expect(nextOwned(d, placed, ["Summary", "Scorecard Rules"])).toEqual([
      { sheet: "Summary", plan: "Summary" },
      { sheet: "Scorecard Rules", plan: "Scorecard Rules" },
    ]);
    expect(nextOwned(d, placed, ["Summary"])).toEqual([{ sheet: "Summary", plan: "Summary" }]);
  });
});

describe("plan names that are not sheet names", () => {
  test("are cleaned for the sheet, the record and the mark alike, so the next run finds them", () => {
    const plan = "Summary – Health/Social Care: [Q3]";
    expect(cleanSheetName(plan)).toBe("Summary – Health-Social Care- -");
    const first = placeNewSheets([plan], ["Data"], decideOwnership([sheet("Data")], undefined));
    expect(first).toEqual([{ plan, sheet: "Summary – Health-Social Care- -" }]);
    const owned = nextOwned(decideOwnership([sheet("Data")], undefined), first, ["Data", first[0].sheet]);
    expect(parseStateRecord(stateRecordText(owned)).ok).toBe(true);
    const again = decideOwnership([sheet("Data"), { name: first[0].sheet, visibility: "visible", mark: markFormula(plan) }, state()], stateRecordText(owned));
    expect(placeNewSheets([plan], ["Data", first[0].sheet, STATE_SHEET], again)).toEqual([{ plan, sheet: first[0].sheet, replaces: first[0].sheet }]);
  });
});

describe("free names", () => {
  test("suffixes stay within 31 characters", () => {
    const long = "A".repeat(31);
    expect(freeSheetName([long], long)).toBe(`${"A".repeat(27)} (2)`);
    expect(freeSheetName(["Summary", "summary (2)"], "Summary")).toBe("Summary (3)");
  });
});
