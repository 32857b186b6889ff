// Presets are data: fixed keys, unique aliases, and colours that pass WCAG 4.5:1 (RULES §2, §8).
import { contrastRatio } from "../../src/engine/scheme/colours";
import { PRESETS } from "../../src/engine/scheme/presets";
import { matchRating, normaliseRating } from "../../src/engine/scheme/schemes";
import type { RecordKind } from "../../src/engine/vocab/types";

const KINDS: RecordKind[] = ["indicator", "activity"];
const all = Object.values(PRESETS).flatMap((scheme) =>
  KINDS.flatMap((kind) => (kind === "indicator" ? scheme.indicator : scheme.activity).map((status) => ({ scheme, kind, status }))),
);

test("the four preset keys are fixed", () => {
  expect(Object.keys(PRESETS).sort()).toEqual(["cannock", "dudley", "pentana", "rag"]);
});

test.each(all.map((x) => [`${x.scheme.key} ${x.kind} ${x.status.key}`, x] as const))(
  "%s: fill and font reach 4.5:1 and a symbol is set",
  (_name, { status }) => {
    expect(contrastRatio(status.fill, status.font)).toBeGreaterThanOrEqual(4.5);
    expect(status.symbol.trim().length).toBeGreaterThan(0);
  },
);

test.each(Object.values(PRESETS).flatMap((s) => KINDS.map((k) => [s.key, k, s] as const)))(
  "%s %s: no alias names two statuses, every status has a nodata fallback, symbols are distinct",
  (_key, kind, scheme) => {
    const statuses = kind === "indicator" ? scheme.indicator : scheme.activity;
    const owner = new Map<string, string>();
    for (const s of statuses) {
      for (const alias of s.aliases) {
        const a = normaliseRating(alias);
        const prev = owner.get(a);
        if (prev && prev !== s.key) throw new Error(`${scheme.key} ${kind}: alias "${alias}" names ${prev} and ${s.key}`);
        owner.set(a, s.key);
      }
    }
    expect(statuses.some((s) => s.level === "nodata")).toBe(true);
    expect(new Set(statuses.map((s) => s.symbol)).size).toBe(statuses.length);
    expect(new Set(statuses.map((s) => s.key)).size).toBe(statuses.length);
  },
);

test("contrast ratio is computed as WCAG defines it", () => {
  expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
  expect(contrastRatio("#777777", "#FFFFFF")).toBeCloseTo(4.48, 2);
});

// What officers type, beyond the fixture (rule: RULES §2 aliases, case-insensitive and trimmed).
test.each([
  ["dudley", "activity", " GOOD ", "good"],
  ["dudley", "activity", "Amber", "fair"],
  ["dudley", "activity", "R", "poor"],
  ["dudley", "indicator", "★", "better"],
  ["pentana", "activity", "in progress", "inprogress"],
  ["pentana", "activity", "Postponed", "cancelled"],
  ["pentana", "activity", "Completed - see update", "completed"],
  ["pentana", "indicator", "data only", "dataonly"],
  ["cannock", "activity", "▶ On target", "ontarget"],
  ["cannock", "activity", "Project aborted/ closed", "aborted"],
  ["cannock", "activity", "Project requires amendment. Alterations considered by Cabinet.", "amendment"],
  ["cannock", "indicator", "green", "ontarget"],
  ["rag", "activity", "Green", "ontrack"],
  ["rag", "indicator", "A", "amber"],
  ["rag", "indicator", "Red.", "red"],
] as const)("%s %s %j → %s", (preset, kind, text, key) => {
  expect(matchRating(PRESETS[preset], kind, text)?.key).toBe(key);
});

test.each([
  ["rag", "indicator", "Greenish"],
  ["rag", "indicator", "Ask Sue"],
  ["pentana", "activity", "Rubbish"],
  ["dudley", "activity", ""],
] as const)("%s %s %j is not a rating", (preset, kind, text) => {
  expect(matchRating(PRESETS[preset], kind, text)).toBeUndefined();
});

test("cannock: indicators are explained in an indicator's words, activities in the project words of Cannock Chase's headings; labels and aliases are shared", () => {
  const { indicator, activity } = PRESETS.cannock;
  const meaning = (list: typeof indicator, key: string) => list.find((s) => s.key === key)!;
  for (const key of ["completed", "ontarget", "attention", "amendment", "aborted"]) {
    expect(meaning(indicator, key).description).not.toMatch(/project/i);
    expect(meaning(activity, key).description).toMatch(/^Project/);
    expect([meaning(indicator, key).label, meaning(indicator, key).aliases]).toEqual([meaning(activity, key).label, meaning(activity, key).aliases]);
  }
  expect(meaning(indicator, "attention").description).toBe("Short of target, within tolerance. Alterations considered by Leadership Team.");
});
