// RULES §2: the general aliases hold in every preset (the nearest status in the same direction
// where a preset has none at the alias's level), and a preset's own aliases win over them.
import { presetByKey } from "../../src/engine/scheme/presets";
import { matchRating } from "../../src/engine/scheme/schemes";
import type { RecordKind } from "../../src/engine/vocab/types";

const cases: [string, string, RecordKind, string, string | undefined][] = [
  ["RULES §2 general aliases: ★ in cannock is on target (no ahead)", "cannock", "activity", "★", "ontarget"],
  ["RULES §2 general aliases: * in cannock indicators is on target", "cannock", "indicator", "*", "ontarget"],
  ["RULES §2 general aliases: Good in cannock is on target", "cannock", "activity", "Good", "ontarget"],
  ["RULES §2 general aliases: Amber in cannock is requires attention", "cannock", "activity", "Amber", "attention"],
  ["RULES §2 general aliases: • in cannock is requires attention", "cannock", "activity", "•", "attention"],
  ["RULES §2 general aliases: Poor in cannock is requires amendment", "cannock", "activity", "Poor", "amendment"],
  ["RULES §2 own aliases win: Red in cannock is aborted", "cannock", "activity", "Red", "aborted"],
  ["RULES §2 own aliases win: R in cannock is aborted", "cannock", "activity", "R", "aborted"],
  ["RULES §2 general aliases: Postponed in cannock is aborted/closed", "cannock", "activity", "Postponed", "aborted"],
  ["RULES §2 general aliases: Done in cannock is completed", "cannock", "activity", "Done", "completed"],
  ["RULES §2 general aliases: Good in dudley indicators is better", "dudley", "indicator", "Good", "better"],
  ["RULES §2 general aliases: G in dudley indicators is better", "dudley", "indicator", "G", "better"],
  ["RULES §2 own aliases win: Amber in dudley activities is fair", "dudley", "activity", "Amber", "fair"],
  ["RULES §2 own aliases win: ★ in dudley activities is good (ahead)", "dudley", "activity", "★", "good"],
  ["RULES §2 general aliases: In Progress in dudley activities is fair (good)", "dudley", "activity", "In Progress", "fair"],
  ["RULES §2 general aliases: Completed in dudley activities has no done status", "dudley", "activity", "Completed", undefined],
  ["RULES §2 general aliases: n/a in pentana indicators is unknown", "pentana", "indicator", "n/a", "unknown"],
  ["RULES §2 general aliases: Achieved in rag activities is completed", "rag", "activity", "Achieved", "completed"],
  ["RULES §2 general aliases: ★ in pentana indicators is satisfactory", "pentana", "indicator", "★", "ok"],
  ["RULES §2 general aliases: ▲ in rag activities is overdue", "rag", "activity", "▲", "overdue"],
];

describe("matchRating: RULES §2 general aliases in every preset", () => {
  test.each(cases)("%s", (_name, preset, kind, text, key) => {
    const scheme = presetByKey(preset);
    expect(scheme).toBeDefined();
    if (!scheme) return;
    expect(matchRating(scheme, kind, text)?.key).toBe(key);
  });
});
