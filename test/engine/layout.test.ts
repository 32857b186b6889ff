// The committee summary sheet plan: key, headline counts, status cells, verbatim text, print setup, sheet names.
import fc from "fast-check";
import { keyLine } from "../../src/engine/summary/layout-key";
import { layoutSummary, summarySheetName, trackerTitle, type SummaryMeta } from "../../src/engine/summary/layout";
import { headlineHeader } from "../../src/engine/summary/layout-headline";
import { fitColumns, MERGE_ROWS, type Column } from "../../src/engine/sheet-kit/layout-columns";
import { linesHeight, pageCapacity, textPixels, wrappedLines } from "../../src/engine/sheet-kit/layout-measure";
import { fontOf, LAST_COL, leadWordsWidth, STYLES, WIDTHS, widthsOf } from "../../src/engine/sheet-kit/layout-style";
import { MAX_BREAKS } from "../../src/engine/sheet-kit/layout-writer";
import { PRESETS } from "../../src/engine/scheme/presets";
import { rateActivity, rateIndicator } from "../../src/engine/rate/rate";
import { summarise, type SummaryModel } from "../../src/engine/summary/summary";
import { TREND_LABELS } from "../../src/engine/rate/trend";
import type { PlanStyle, PlanValue, SheetPlan } from "../../src/engine/vocab/plan";
import type { CellRange, CellValue, Field, RecordKind, Scheme, SheetGrid, SourceRecord, Status, TableSpec } from "../../src/engine/vocab/types";
import type { RatedRecord, WorkbookResult } from "../../src/engine/rate/workbook";

const field = (cell: string, value: CellValue): Field => ({ cell, value, text: value === null ? "" : String(value) });

function record(kind: RecordKind, row: number, extra: Partial<SourceRecord> = {}): SourceRecord {
  return { kind, sheet: kind === "indicator" ? "KPIs" : "Actions", row, ref: `${kind[0].toUpperCase()}${row}`, name: `${kind} ${row}`, series: [], earlier: [], comparators: [], ...extra };
}

function rate(scheme: Scheme, r: SourceRecord): RatedRecord {
  const rating =
    r.kind === "indicator"
      ? rateIndicator(scheme, { target: r.target?.value, actual: r.actual?.value, polarity: r.polarity?.value, manual: r.manual?.value, series: r.series.map((s) => ({ value: s.field.value })) })
      : rateActivity(scheme, { manual: r.manual?.value, progress: r.progress?.value, due: r.due?.value, reportDate: "2010-12-31" });
  return { record: r, rating };
}

function resultOf(scheme: Scheme, records: SourceRecord[]): WorkbookResult {
  const rated = records.map((r) => rate(scheme, r));
  return { tables: [], rated, problems: [{ sheet: "KPIs", cell: "D3", message: "I3: actual odd", severity: "warning" }], counts: { indicator: {}, activity: {} } };
}

const indicator = (row: number, target: string, actual: string, extra: Partial<SourceRecord> = {}) =>
  record("indicator", row, { target: field(`C${row}`, target), actual: field(`D${row}`, actual), polarity: field(`E${row}`, "higher"), ...extra });
const activity = (row: number, manual: string, extra: Partial<SourceRecord> = {}) => record("activity", row, { manual: field(`D${row}`, manual), ...extra });

/** A mixed set: every level of both kinds, trends, typed text that looks like formulas. */
function sampleRecords(): SourceRecord[] {
  return [
    indicator(2, "100", "120", { priority: "Safer", comment: field("F2", "=SUM(A1) is wrong"), series: [{ label: "Q1", field: field("G2", 90) }, { label: "Q2", field: field("H2", 120) }] }),
    indicator(3, "Less than 7,844", "9,204", { priority: "Safer", name: "+44 helpline calls", polarity: field("E3", "lower"), series: [{ label: "Q1", field: field("G3", 8000) }, { label: "Q2", field: field("H3", 9204) }] }),
    indicator(4, "100", "97", { priority: "Stronger", ref: "-1", earlier: [{ label: "09/10 Actual", field: field("F4", "10,459") }] }),
    indicator(5, "TBC", "12", { priority: "Stronger" }),
    indicator(6, "100", "n/a", { priority: "Stronger" }),
    activity(2, "★", { priority: "Safer", comment: field("E2", "-5 days late? no: on time"), lead: "Garry Dean" }),
    activity(3, "▲", { priority: "Safer", lead: "@team" }),
    activity(4, "●", { priority: "Stronger" }),
    activity(5, "-", { priority: "Stronger" }),
  ];
}

const META = { periodLabel: "Quarter 3 (October to December) 2010/11", reportDate: "2010-12-31", committee: "Safety & Services", sheetName: "Summary – Safety & Services" };

function build(scheme: Scheme, records = sampleRecords(), committee?: string): { model: SummaryModel; plan: SheetPlan } {
  const model = summarise(resultOf(scheme, records), scheme, { committee });
  return { model, plan: layoutSummary(model, scheme, META) };
}

/** Values and styles by "row,col". */
function cellsOf(plan: SheetPlan): { values: Map<string, PlanValue>; styles: Map<string, PlanStyle[]> } {
  const values = new Map<string, PlanValue>();
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => v !== null && values.set(`${b.row + i},${b.col + j}`, v)));
  const styles = new Map<string, PlanStyle[]>();
  for (const g of plan.styles) {
    for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) {
      const key = `${row},${col}`;
      styles.set(key, [...(styles.get(key) ?? []), g.style]);
    }
  }
  return { values, styles };
}

/** Every merged area the plan makes: its merges, and each row of its row merges on its own. */
function mergedAreas(plan: SheetPlan): CellRange[] {
  const rows = (plan.rowMerges ?? []).flatMap((m) => Array.from({ length: m.bottom - m.top + 1 }, (_, i) => ({ ...m, top: m.top + i, bottom: m.top + i })));
  return [...plan.merges, ...rows];
}

const where = (values: Map<string, PlanValue>, text: string): string[] => [...values.entries()].filter(([, v]) => v === text).map(([k]) => k);
const statusLabel = (s: Status) => `${s.symbol} ${s.label}`;
const allStatuses = (scheme: Scheme) => [...scheme.indicator, ...scheme.activity];
const schemes = Object.values(PRESETS).map((s) => [s.key, s] as const);

describe("the key", () => {
  test.each(schemes)("%s: every status of both kinds with its fill, font colour, symbol and meaning", (_key, scheme) => {
    const { plan } = build(scheme);
    const { values, styles } = cellsOf(plan);
    const keyEnd = Number(where(values, "Summary of ratings")[0].split(",")[0]);
    for (const s of allStatuses(scheme)) {
      const hits = where(values, statusLabel(s)).filter((k) => Number(k.split(",")[0]) < keyEnd);
      expect(hits.length).toBeGreaterThan(0);
      const style = styles.get(hits[0])?.[0];
      expect(style).toMatchObject({ fill: s.fill, fontColor: s.font, fontName: "Arial" });
      expect([...values.values()]).toContain(s.description);
    }
  });
  test.each(schemes)("%s: trend arrows ↑ ↓ → – with meanings, improving in the good colour", (_key, scheme) => {
    // Four figures in a row, so that every scheme's method (one period or three) finds a trend.
    const rising = indicator(7, "100", "130", { series: [90, 100, 115, 130].map((v, i) => ({ label: `Q${i + 1}`, field: field(`G${i + 7}`, v) })) });
    const { values, styles } = cellsOf(build(scheme, [...sampleRecords(), rising]).plan);
    const good = scheme.indicator.find((s) => s.level === "good")?.font;
    const bad = scheme.indicator.find((s) => s.level === "bad")?.font;
    const rows: [text: string, colour: string | undefined][] = [
      [`↑ ↓ ${TREND_LABELS.improving.label}`, good],
      [`↑ ↓ ${TREND_LABELS.worsening.label}`, bad],
      [`→ ${TREND_LABELS.static.label}`, "#404040"],
      [`– ${TREND_LABELS.notrend.label}`, "#404040"],
    ];
    for (const [text, colour] of rows) {
      const [hit] = where(values, text);
      expect(styles.get(hit)?.[0].fontColor).toBe(colour);
    }
    // Issue 12 item 5: the key says which method is used (rag: three periods in a row).
    const meaning = scheme.trendPeriods === 3 ? "Better in each of the last three periods" : TREND_LABELS.improving.description;
    expect([...values.values()].some((v) => typeof v === "string" && v.startsWith(meaning))).toBe(true);
    const method = scheme.trendPeriods === 3 ? "over the last three periods" : "against the previous period";
    expect([...values.values()].some((v) => v === `Direction of travel (indicators), ${method}`)).toBe(true);
  });
});

test.each(schemes)("%s: no trend key where no indicator shows a trend (issue 12 item 5)", (_key, scheme) => {
  const flat = sampleRecords().map((r) => ({ ...r, series: [] }));
  const { values } = cellsOf(build(scheme, flat).plan);
  expect([...values.values()].filter((v) => typeof v === "string" && v.startsWith("Direction of travel"))).toEqual([]);
});

test("an indicator-only summary's exceptions caption names no activity status (issue 12 item 5)", () => {
  const scheme = PRESETS.rag;
  const { values } = cellsOf(build(scheme, sampleRecords().filter((r) => r.kind === "indicator")).plan);
  const caption = [...values.values()].find((v) => typeof v === "string" && v.includes("worst first"));
  expect(caption).toBe("Indicators rated ● Within tolerance, ▲ Off target, worst first, with the lead officer's commentary.");
});

describe("the headline table", () => {
  test.each(schemes)("%s: cells are the model's counts and percents; totals", (_key, scheme) => {
    const { model, plan } = build(scheme);
    const { values } = cellsOf(plan);
    for (const [kind, label] of [["indicator", "Indicators"], ["activity", "Activities"]] as const) {
      const [at] = where(values, label);
      const row = Number(at.split(",")[0]);
      // The header row of this table is the nearest row above with "Total".
      let header = row - 1;
      while (!where(values, "Total").some((k) => k.startsWith(`${header},`))) header--;
      const totalCol = Number(where(values, "Total").find((k) => k.startsWith(`${header},`))?.split(",")[1]);
      expect(values.get(`${row},${totalCol}`)).toBe(model.headline[kind].total);
      for (let col = 2; col < totalCol; col++) {
        const status = (kind === "indicator" ? scheme.indicator : scheme.activity).find((s) => headlineHeader(s) === values.get(`${header},${col}`));
        const cell = values.get(`${row},${col}`);
        if (!status) {
          expect(cell).toBe("–");
          continue;
        }
        const count = model.headline[kind].statuses.find((c) => c.key === status.key);
        expect(cell).toBe(model.headline[kind].total === 0 ? "–" : `${count?.count} (${count?.percent}%)`);
      }
    }
  });
  test("cannock: two activities on target read 2 (100%); indicators, having none, get no row", () => {
    const scheme = PRESETS.cannock;
    const { values } = cellsOf(build(scheme, [activity(2, "▶"), activity(3, "▶")]).plan);
    const rowOf = (k: string) => Number(k.split(",")[0]);
    const row = rowOf(where(values, "Activities")[0]);
    // The headline's header cell is the last "▶ On target" above the Activities row (the key's come first).
    const header = where(values, statusLabel(scheme.activity[1])).filter((k) => rowOf(k) < row).sort((a, b) => rowOf(a) - rowOf(b)).pop() as string;
    const col = header.split(",")[1];
    expect(values.get(`${row},${col}`)).toBe("2 (100%)");
    expect(where(values, "Indicators")).toEqual([]);
    expect(values.get(`${rowOf(header)},0`)).toBe("Activities: ratings");
  });
  test.each(schemes)("%s: a kind with no records gets no ratings table (rule: no table of dashes)", (_key, scheme) => {
    const { values } = cellsOf(build(scheme, [indicator(2, "100", "120"), indicator(3, "100", "50")]).plan);
    expect(where(values, "Indicators")).toHaveLength(1);
    expect(where(values, "Activities")).toEqual([]);
    expect(where(values, "Activities: ratings")).toEqual([]);
  });
  test("nothing rated at all: a line saying so", () => {
    const { values } = cellsOf(build(PRESETS.rag, []).plan);
    expect([...values.values()]).toContain("Nothing was rated: no indicators or activities were found.");
  });
});

describe("status cells", () => {
  test.each(schemes)("%s: every status cell has its status's fill and text starting with its symbol, and back", (_key, scheme) => {
    const { values, styles } = cellsOf(build(scheme).plan);
    const statuses = allStatuses(scheme);
    const fills = new Set(statuses.map((s) => s.fill));
    let seen = 0;
    for (const [key, v] of values) {
      const matching = statuses.filter((s) => v === statusLabel(s));
      const style = styles.get(key)?.[0];
      if (matching.length > 0) {
        seen++;
        expect(matching.map((s) => s.fill)).toContain(style?.fill);
      }
      if (style?.fill && fills.has(style.fill)) {
        const owners = statuses.filter((s) => s.fill === style.fill);
        expect(owners.some((s) => typeof v === "string" && v.startsWith(s.symbol))).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(allStatuses(scheme).length);
  });
});

describe("text from the trackers is written verbatim, as plain strings", () => {
  const { values } = cellsOf(build(PRESETS.dudley).plan);
  const texts: [rule: string, text: string][] = [
    ["a comment that looks like a formula", "=SUM(A1) is wrong"],
    ["a name starting with +", "+44 helpline calls"],
    ["a ref starting with -", "-1"],
    ["a lead officer starting with @", "@team"],
    ["an activity update starting with -", "-5 days late? no: on time"],
    ["a target written in words", "Less than 7,844"],
    ["a typed actual", "9,204"],
  ];
  test.each(texts)("%s", (_rule, text) => expect(where(values, text).length).toBeGreaterThan(0));
});

describe("sections", () => {
  test("exceptions list every record at an exception level, worst first", () => {
    const { model, plan } = build(PRESETS.cannock, ["▶", "yellow", "orange", "aborted"].map((m, i) => activity(i + 2, m)));
    const { values } = cellsOf(plan);
    expect(model.exceptions.map((e) => e.ref)).toEqual(["A4", "A3", "A5"]);
    const rows = model.exceptions.map((e) => Number(where(values, e.ref)[0].split(",")[0]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
  test("no exceptions: a line saying so", () => {
    const { values } = cellsOf(build(PRESETS.dudley, [indicator(2, "100", "120")]).plan);
    expect([...values.values()].some((v) => typeof v === "string" && v.startsWith("No exceptions"))).toBe(true);
  });
  test("title block: report and period, then committee, then report date and rules", () => {
    const { values } = cellsOf(build(PRESETS.dudley).plan);
    expect(values.get("0,0")).toBe("Performance report — Quarter 3 (October to December) 2010/11");
    expect(values.get("1,0")).toBe("Safety & Services");
    expect(values.get("2,0")).toBe("Report date: 31/12/2010     Status rules: Dudley MBC (★ ● ▲)");
  });
  const titles: [rule: string, meta: Partial<SummaryMeta>, expected: string[]][] = [
    ["rules sheet title and committee", { title: "Dudley MBC", committee: "Safety" }, ["Performance report — Q3", "Dudley MBC — Safety", "Report date: 31/12/2010", "Key: "]],
    ["the tracker's title when nothing else names the report", { source: "Quarterly Corporate Performance Management Report" }, ["Performance report — Q3", "Quarterly Corporate Performance Management Report", "Report date: 31/12/2010", "Key: "]],
    ["a committee wins over the tracker's title", { committee: "Safety", source: "Tracker title" }, ["Performance report — Q3", "Safety", "Report date: 31/12/2010", "Key: "]],
    ["no name at all: three rows", {}, ["Performance report — Q3", "Report date: 31/12/2010", "Key: "]],
    ["no period", { periodLabel: "" }, ["Performance report", "Report date: 31/12/2010", "Key: "]],
  ];
  test.each(titles)("title block: %s", (_rule, extra, expected) => {
    const meta: SummaryMeta = { periodLabel: "Q3", reportDate: "2010-12-31", sheetName: "Summary", ...extra };
    const plan = layoutSummary(summarise(resultOf(PRESETS.dudley, sampleRecords()), PRESETS.dudley, {}), PRESETS.dudley, meta);
    const { values } = cellsOf(plan);
    const rows = expected.map((_, i) => String(values.get(`${i},0`)));
    expect(rows.map((r, i) => r.slice(0, expected[i].length))).toEqual(expected);
    expect(plan.freeze).toEqual({ rows: expected.length - 1, cols: 0 });
    expect(plan.print?.repeatRows).toEqual({ first: 0, last: expected.length - 1 });
  });
  test("the key in one line heads every printed page, under the title (PRODUCT.md: a key on every page; helper-124)", () => {
    const { values } = cellsOf(build(PRESETS.dudley).plan);
    expect(values.get("3,0")).toBe("Key: indicators: ★ Better than target limits · ● Within target limits · ▲ Worse than target limits · ? No data · i Data only; activities: ★ Good · ● Fair · ▲ Poor · – Narrative only. (officer): the officer's own rating. Meanings in the key at the start of this summary.");
  });
  test("a council's long status labels are cut at a word in the key's line, which stays short (helper-125)", () => {
    const long = (list: typeof PRESETS.dudley.indicator) => list.map((st) => ({ ...st, label: `${st.label} as the council's performance framework defines it in its annual plan` }));
    const scheme = { ...PRESETS.dudley, indicator: long(PRESETS.dudley.indicator), activity: long(PRESETS.dudley.activity) };
    const line = keyLine(scheme, { indicator: true, activity: true }, false);
    expect(line.length).toBeLessThan(400);
    expect(line).toContain("★ Better than target limits as… · ● Within target limits as…");
    expect(line).not.toContain("annual plan");
    // Two labels that would read the same once cut are left whole.
    const twins = { ...PRESETS.dudley, indicator: PRESETS.dudley.indicator.map((st, i) => ({ ...st, label: `Below target and performance is getting ${i % 2 ? "better" : "worse"} each quarter` })) };
    const both = keyLine(twins, { indicator: true, activity: false }, false);
    expect(both).toContain("getting better each quarter");
    expect(both).toContain("getting worse each quarter");
  });
  test("checks and problems name sheet!cell", () => {
    const { values } = cellsOf(build(PRESETS.dudley).plan);
    expect(where(values, "KPIs!D3").length).toBe(1);
  });
});

describe("formatting and print", () => {
  const { plan } = build(PRESETS.dudley);
  const { values, styles } = cellsOf(plan);
  test("a created sheet with freeze panes below the title block (the key's line under it is printed on every page, not frozen)", () => {
    expect(plan.action).toBe("create");
    expect(plan.sheet).toBe(META.sheetName);
    expect(plan.freeze).toEqual({ rows: 3, cols: 0 });
  });
  test("A4 landscape, one page wide, title rows repeated, header and footer in Arial 9 with & escaped", () => {
    const font = '&9&"Arial,Regular"';
    expect(plan.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      repeatRows: { first: 0, last: 3 },
      header: `&L${font}Safety && Services&R${font}Quarter 3 (October to December) 2010/11`,
      footer: `&L${font}Report date 31/12/2010&C${font}Page &P of &N&R${font}Dudley MBC (★ ● ▲)`,
    });
  });
  test("every written cell has exactly one style, naming Arial", () => {
    for (const key of values.keys()) {
      const list = styles.get(key) ?? [];
      expect(list).toHaveLength(1);
      expect(list[0].fontName).toBe("Arial");
    }
    for (const list of styles.values()) expect(list).toHaveLength(1);
  });
  test("title 16pt bold; section headings 12pt bold white on dark", () => {
    expect(styles.get("0,0")?.[0]).toMatchObject({ fontSize: 16, bold: true });
    const [key] = where(values, "Exceptions");
    expect(styles.get(key)?.[0]).toMatchObject({ fontSize: 12, bold: true, fontColor: "#FFFFFF" });
  });
  test("widths fit A4 landscape and merges never overlap", () => {
    const total = plan.columnWidths.reduce((a, c) => a + c.width, 0);
    expect(total).toBeLessThanOrEqual(185);
    const covered = new Set<string>();
    for (const m of mergedAreas(plan)) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) {
      expect(covered.has(`${r},${c}`)).toBe(false);
      covered.add(`${r},${c}`);
    }
  });
  test("rows of long commentary are taller, capped at Excel's 409pt", () => {
    const long = "word ".repeat(2000);
    const big = layoutSummary(summarise(resultOf(PRESETS.dudley, [indicator(2, "100", "50", { comment: field("F2", long) })]), PRESETS.dudley, {}), PRESETS.dudley, META);
    expect(Math.max(...big.rowHeights.map((h) => h.height))).toBe(409);
    expect(plan.rowHeights.every((h) => h.height > 0 && h.height <= 409)).toBe(true);
  });
});

describe("big trackers", () => {
  test("20,000 records: one block per table and a bounded number of style groups", () => {
    const records: SourceRecord[] = [];
    for (let i = 0; i < 10000; i++) {
      records.push(indicator(i + 2, "100", String(80 + (i % 40)), { priority: `P${i % 5}`, comment: field(`F${i + 2}`, "x".repeat(i % 300)) }));
      records.push(activity(i + 2, ["★", "●", "▲", "-"][i % 4], { priority: `P${i % 5}` }));
    }
    const { model, plan } = build(PRESETS.dudley, records);
    expect(model.total).toBe(20000);
    expect(plan.styles.length).toBeLessThan(60);
    expect(plan.blocks.length).toBeLessThan(80);
  });
});

describe("sheet names", () => {
  const rows: [rule: string, committee: string | undefined, expected: string | RegExp][] = [
    ["no committee", undefined, "Summary"],
    ["blank committee", "   ", "Summary"],
    ["short committee", "Community Safety", "Summary – Community Safety"],
    ["forbidden characters replaced", "Audit [Risk]: A/B?*\\", "Summary – Audit Risk A B"],
    ["long names cut at a word within 31, no tag, not ending on a connecting word (issue 12 item 4)", "Select Committee on Community Safety and Community Services", "Summary – Select Committee"],
  ];
  test.each(rows)("%s", (_rule, committee, expected) => {
    const name = summarySheetName(committee);
    if (typeof expected === "string") expect(name).toBe(expected);
    else expect(name).toMatch(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name).not.toMatch(/^'|'$/);
  });
  test("two long names that share their first 31 characters stay apart, with a tag only then", () => {
    const both = ["Select Committee on Community Safety", "Select Committee on Children's Services"];
    const a = summarySheetName(both[0], both);
    const b = summarySheetName(both[1], both);
    expect(a).not.toBe(b);
    expect([a, b].every((n) => /^Summary – Select Committee [0-9A-F]{4}$/.test(n) && n.length <= 31)).toBe(true);
    expect(summarySheetName("Community Safety", ["Community Safety", "Children's Services"])).toBe("Summary – Community Safety");
  });
});

describe("measuring text (Arial 10 in Excel's column units)", () => {
  const rows: [rule: string, text: string, widths: number[], lines: number][] = [
    ["empty text is one line", "", [10], 1],
    ["a short word fits", "CEX", [10], 1],
    ["own line breaks count", "a\nb\nc", [40], 3],
    ["words move whole to the next line", "alpha beta gamma delta", [10], 3],
    ["a word longer than the column is cut (about 10 x's a line)", "x".repeat(40), [10], 5],
    ["merged columns add their room", "alpha beta gamma delta", [10, 10], 2],
    ["a 44-wide column holds about 45 characters of prose", "word ".repeat(18).trim(), [44], 2],
  ];
  test.each(rows)("%s", (_rule, text, widths, lines) => expect(wrappedLines(text, widths)).toBe(lines));
  test("a text is one line exactly when it fits (the shortcuts by length agree with measuring every character)", () => {
    const pieces = fc.constantFrom("i", "W", "m", " ", "-", "★", "é", "1", ".", "Reduce", "NI 195", "\n");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), (parts, width, bold) => {
        const text = parts.join("");
        const font = { size: 10, bold };
        const fits = !text.includes("\n") && textPixels(text, font) < Math.trunc(width * 7 + 0.5) - 4 - 0.01;
        const lines = wrappedLines(text, [width], font);
        return fits ? lines === 1 : text === "" || lines >= 1;
      }),
    );
    // Long texts that fit nowhere near one line, and short ones that fit whatever their letters.
    expect(wrappedLines("W".repeat(400), [10])).toBeGreaterThan(30);
    expect(wrappedLines("WWW", [44])).toBe(1);
  });
  test("bold text is wider than plain", () => {
    expect(textPixels("Worse than target limits", { size: 10, bold: true })).toBeGreaterThan(textPixels("Worse than target limits"));
  });
  test("12pt a line of Arial 10, plus a little padding; one line is Excel's default 15pt", () => {
    expect([1, 2, 7].map((n) => linesHeight(n))).toEqual([15, 27, 87]);
  });
  test("page capacity: the grid fitted to A4 landscape is printed at 78%, so a page holds about 614pt of rows", () => {
    expect(Math.round(pageCapacity(WIDTHS))).toBe(614);
    expect(pageCapacity([10])).toBeCloseTo(479, 0); // narrow sheets print at 100%
  });
});

describe("row heights", () => {
  test("rows of one line keep Excel's default height; a long comment gets its lines at 12pt", () => {
    const comment = "word ".repeat(60).trim(); // 300 characters in the 44-wide comment column
    const plan = layoutSummary(summarise(resultOf(PRESETS.dudley, [indicator(2, "100", "120", { comment: field("F2", comment) })]), PRESETS.dudley, {}), PRESETS.dudley, META);
    const { values } = cellsOf(plan);
    const [row, col] = where(values, comment)[0].split(",").map(Number);
    const height = plan.rowHeights.find((h) => h.row === row)?.height;
    // The comment takes the grid columns the empty ones left (one merge on its row).
    const span = mergedAreas(plan).find((m) => m.top === row && m.left === col);
    const lines = wrappedLines(comment, WIDTHS.slice(col, (span?.right ?? col) + 1));
    expect(height).toBe(linesHeight(lines));
    expect(lines).toBeGreaterThanOrEqual(3);
    expect(lines).toBeLessThanOrEqual(8);
    const keyRow = Number(where(values, "Key")[0].split(",")[0]);
    expect(plan.rowHeights.find((h) => h.row === keyRow + 2)).toBeUndefined(); // "★ Better than target limits | Performance is …"
  });
});

describe("headings", () => {
  test("a group name too long for one line gets a row tall enough for two", () => {
    const name = "Individual and Community Learning Priority 1 Widen participation in adult and family learning to enhance personal and social development, knowledge and skills, employability, health and wellbeing";
    const { plan } = build(PRESETS.dudley, [indicator(2, "100", "90", { priority: name }), indicator(3, "100", "90", { priority: "Short" })]);
    const { values } = cellsOf(plan);
    const rows = where(values, name).map((k) => Number(k.split(",")[0]));
    const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    const groupRow = Math.max(...rows); // the headline table names it too; the group heading comes last
    expect(heights.get(groupRow)).toBe(linesHeight(2, { size: 11, bold: true }));
  });
});

/** Rows of the plan split at its page breaks, with each row's height. */
function pagesOf(plan: SheetPlan): number[][] {
  const last = Math.max(...plan.blocks.map((b) => b.row + b.values.length - 1));
  const breaks = new Set(plan.print?.rowBreaks ?? []);
  const titleRows = plan.freeze?.rows ?? 0;
  const pages: number[][] = [[]];
  for (let r = titleRows; r <= last; r++) {
    if (breaks.has(r)) pages.push([]);
    pages[pages.length - 1].push(r);
  }
  return pages;
}

describe("page breaks", () => {
  // Three groups of long-commented indicators and activities: several pages.
  const records: SourceRecord[] = [];
  for (let i = 0; i < 60; i++) {
    const priority = `Priority ${1 + (i % 3)}`;
    const comment = field(`F${i + 2}`, "A long update from the lead officer. ".repeat(1 + (i % 5)));
    records.push(indicator(i + 2, "100", String(60 + i), { priority, comment }));
    records.push(activity(i + 2, ["★", "●", "▲", "-"][i % 4], { priority, comment, lead: "Officer" }));
  }
  const { plan } = build(PRESETS.dudley, records);
  const { values, styles } = cellsOf(plan);
  const heightOf = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const h = (r: number) => heightOf.get(r) ?? 15;
  const styleAt = (r: number, c = 0) => styles.get(`${r},${c}`)?.[0];
  const isHeading = (r: number) => [STYLES.section, STYLES.group, STYLES.caption].some((s) => JSON.stringify(s) === JSON.stringify(styleAt(r)));
  const isHeader = (r: number) => styleAt(r)?.fill === STYLES.header.fill;
  const pages = pagesOf(plan);

  test("breaks are sorted, distinct and below the title block", () => {
    const breaks = plan.print?.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(3);
    expect([...new Set(breaks)].sort((a, b) => a - b)).toEqual(breaks);
    expect(breaks[0]).toBeGreaterThan(2);
  });
  test("no page holds more rows than the estimate says fit (title rows repeated on every page)", () => {
    const repeat = h(0) + h(1) + h(2);
    const capacity = pageCapacity(plan.columnWidths.map((c) => c.width));
    for (const page of pages) expect(repeat + page.reduce((a, r) => a + h(r), 0)).toBeLessThanOrEqual(capacity);
  });
  test("a page never ends with a heading (section, group or caption)", () => {
    for (const page of pages.slice(0, -1)) {
      const lastFilled = [...page].reverse().find((r) => values.has(`${r},0`)) as number;
      expect({ row: lastFilled, heading: isHeading(lastFilled) }).toEqual({ row: lastFilled, heading: false });
    }
  });
  test("a page that starts inside a table starts with the table's header again", () => {
    let repeated = 0;
    for (const page of pages.slice(1)) {
      const first = page.find((r) => values.has(`${r},0`)) as number;
      const continues = !isHeading(first) && !isHeader(first) && styleAt(first)?.border !== undefined;
      expect({ row: first, continuesWithoutHeader: continues }).toEqual({ row: first, continuesWithoutHeader: false });
      if (isHeader(first) && !isHeading(first - 1) && values.has(`${first - 1},0`)) repeated++;
    }
    expect(repeated).toBeGreaterThan(0);
  });
  test("a table carried over to a page brings at least two rows (no last row left alone)", () => {
    for (const page of pages.slice(1)) {
      const first = page.find((r) => values.has(`${r},0`)) as number;
      if (!isHeader(first) || isHeading(first - 1)) continue; // not a repeated header
      let rows = 0;
      for (let r = first + 1; page.includes(r) && values.has(`${r},0`) && !isHeader(r) && !isHeading(r); r++) rows++;
      expect({ page: first, rows: Math.min(rows, 2) }).toEqual({ page: first, rows: 2 });
    }
  });
  test("every table starts on a page with its header and first two rows", () => {
    const pageOf = new Map<number, number>();
    pages.forEach((page, i) => page.forEach((r) => pageOf.set(r, i)));
    for (const [key, v] of values) {
      const [r, c] = key.split(",").map(Number);
      if (c !== 0 || v !== "Ref" || !isHeading(r - 1)) continue; // a table's first header, under its caption
      expect([pageOf.get(r - 1), pageOf.get(r + 1), pageOf.get(r + 2)]).toEqual([pageOf.get(r), pageOf.get(r), pageOf.get(r)]);
    }
  });
  test("Excel's limit of 1,026 manual breaks is kept on a huge summary", () => {
    const many: SourceRecord[] = [];
    for (let i = 0; i < 30000; i++) many.push(indicator(i + 2, "100", "50", { comment: field(`F${i + 2}`, "word ".repeat(150)) }));
    const big = build(PRESETS.dudley, many).plan;
    expect(big.print?.rowBreaks?.length).toBe(MAX_BREAKS);
  });
});

describe("columns empty on every row are left out", () => {
  const acts = [activity(2, "★", { lead: "Ann", comment: field("E2", "On track") }), activity(3, "●", { lead: "Bob" })];
  const headersOf = (plan: SheetPlan) => {
    const { values } = cellsOf(plan);
    const row = Number(where(values, "Description")[0].split(",")[0]);
    return { values, row, headers: [...values.entries()].filter(([k]) => k.startsWith(`${row},`)).sort(([a], [b]) => Number(a.split(",")[1]) - Number(b.split(",")[1])).map(([, v]) => v) };
  };
  test("activities with no start, due date or progress: those columns go and the update takes the rest of the grid", () => {
    const { plan } = build(PRESETS.dudley, acts);
    const { values, row, headers } = headersOf(plan);
    expect(headers).toEqual(["Ref", "Description", "Lead officer", "Status", "Update"]);
    const updateCol = Number(where(values, "Update").find((k) => k.startsWith(`${row},`))?.split(",")[1]);
    expect(mergedAreas(plan)).toContainEqual({ top: row + 1, left: updateCol, bottom: row + 1, right: LAST_COL });
  });
  test("a tracker without refs (Cannock): no Ref column, the description takes its room", () => {
    const { plan } = build(PRESETS.cannock, acts.map((a) => ({ ...a, ref: "" })));
    const { row, headers } = headersOf(plan);
    expect(headers[0]).toBe("Description");
    expect(mergedAreas(plan)).toContainEqual({ top: row, left: 0, bottom: row, right: 1 });
  });
  test("a wide column is one row-merge area for the whole table, header included, however many rows", () => {
    const rowMergesFor = (n: number) => {
      const { plan } = build(PRESETS.dudley, Array.from({ length: n }, (_, i) => activity(i + 2, "★", { lead: "Ann", comment: field(`E${i + 2}`, "On track") })));
      const { values, row } = headersOf(plan);
      const updateCol = Number(where(values, "Update").find((k) => k.startsWith(`${row},`))?.split(",")[1]);
      // Page breaks repeat the header inside the table: its last row is the last update.
      const last = Math.max(...where(values, "On track").map((k) => Number(k.split(",")[0])));
      return { plan, row, updateCol, last };
    };
    const few = rowMergesFor(3);
    const more = rowMergesFor(150);
    expect(few.last).toBe(few.row + 3);
    expect(more.last).toBeGreaterThan(more.row + 150);
    for (const t of [few, more]) expect(t.plan.rowMerges).toContainEqual({ top: t.row, left: t.updateCol, bottom: t.last, right: LAST_COL });
    expect(more.plan.rowMerges?.length).toBe(few.plan.rowMerges?.length);
    expect(more.plan.merges.length).toBe(few.plan.merges.length);
  });
  test("a column with one value on one row stays", () => {
    const { plan } = build(PRESETS.dudley, [...acts, activity(4, "▲", { due: field("F4", "Jun-2011") })]);
    expect(headersOf(plan).headers).toContain("Due date");
  });
  test(`tables of more than ${MERGE_ROWS} rows keep every column (no merge per row)`, () => {
    const many = Array.from({ length: MERGE_ROWS + 1 }, (_, i) => activity(i + 2, "★"));
    const { plan } = build(PRESETS.dudley, many);
    const { row, headers } = headersOf(plan);
    expect(headers).toContain("Start");
    expect(mergedAreas(plan).filter((m) => m.top > row && m.top <= row + MERGE_ROWS + 1)).toEqual([]);
  });
});

describe("the room a dropped column leaves goes where it saves the most lines", () => {
  interface Row {
    status: string;
    trend: string;
    comparator: string;
    comment: string;
  }
  const columns: Column<Row>[] = [
    { col: 5, header: "Status", value: (r) => r.status, style: STYLES.body, leadWordsWhole: true },
    { col: 6, header: "Trend", value: (r) => r.trend, style: STYLES.body, optional: true },
    { col: 7, header: "Comparator", value: (r) => r.comparator, style: STYLES.body, optional: true },
    { col: 8, header: "Comment", value: (r) => r.comment, style: STYLES.body },
  ];
  const spanOf = (placed: Column<Row>[], header: string) => {
    const c = placed.find((p) => p.header === header) as Column<Row>;
    return [c.col, c.to ?? c.col];
  };
  const lines = (placed: Column<Row>[], rows: Row[]) =>
    rows.reduce((sum, r) => sum + Math.max(...placed.map((c) => wrappedLines(String(c.value(r)), widthsOf(c.col, c.to), fontOf(c.style)))), 0);
  const dudley: Row = {
    status: "i Data only",
    trend: "",
    comparator: "All England Average 2008/09: 6.92% · better\nMet Council Average 2008/09: 8.76% · better",
    comment: "During quarter 2 Connexions have been trying to address and prepare for the change in the way NEET is counted.",
  };

  test("Dudley's comparators (no trend column) take G and H, not one 12-wide column beside a 60-wide comment", () => {
    const placed = fitColumns([dudley], columns);
    expect(spanOf(placed, "Comparator")).toEqual([6, 7]);
    expect(spanOf(placed, "Comment")).toEqual([8, 8]);
    // Fewer lines than the comment taking the room (the layout before).
    const before: Column<Row>[] = [columns[0], { ...columns[2], col: 6 }, { ...columns[3], col: 7, to: 8 }];
    expect(lines(placed, [dudley])).toBeLessThan(lines(before, [dudley]));
  });

  test("where nothing else needs it, the comment keeps the room", () => {
    const placed = fitColumns([{ ...dudley, comparator: "" }], columns);
    expect(spanOf(placed, "Status")).toEqual([5, 5]);
    expect(spanOf(placed, "Comment")).toEqual([6, 8]);
  });

  test("a status's symbol stays beside its word: a status column is never narrower than both need", () => {
    const long = "✓ Satisfactory";
    const placed = fitColumns([{ ...dudley, status: long, comparator: "" }], [{ ...columns[0], col: 6 }, { ...columns[1], col: 7 }, { ...columns[3], col: 8 }]);
    const [from, to] = spanOf(placed, "Status");
    expect(WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(leadWordsWidth([long], { ...STYLES.body, bold: true }));
  });

  test("however many rows a wider comment would save, the status keeps the room for its symbol and word", () => {
    // Five rows of long comments saved more lines than the old (quadratic) penalty for a status one unit short.
    const long = "✓ Satisfactory";
    const comment = "The figure is below target because of delays in recruitment earlier in the year; a recovery plan is in place and agreed with the portfolio holder and the position should improve by the end of next quarter.";
    const rows = Array.from({ length: 5 }, () => ({ ...dudley, status: long, comparator: "", comment }));
    const table: Column<Row>[] = [
      { col: 1, header: "Definition", value: () => "Percentage of something", style: STYLES.body },
      { col: 2, header: "Earlier actuals", value: () => "", style: STYLES.body, optional: true },
      { col: 3, header: "Target", value: () => "90%", style: STYLES.figure, optional: true },
      { col: 4, header: "Actual", value: () => "", style: STYLES.figure, optional: true },
      { ...columns[0] },
      { ...columns[1] },
      { ...columns[2] },
      { ...columns[3] },
    ];
    const [from, to] = spanOf(fitColumns(rows, table), "Status");
    expect(wrappedLines(long, widthsOf(from, to), fontOf({ ...STYLES.body, bold: true }))).toBe(1);
  });

  test("whatever the texts, kept columns stay in order and cover the grid from the first column to the last, one or more each", () => {
    const text = fc.oneof(fc.constant(""), fc.lorem({ maxCount: 12 }));
    const row = fc.record({ status: fc.constantFrom("★ Good", "✓ Satisfactory (officer)", "▲ Worse than target limits"), trend: text, comparator: text, comment: text });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const placed = fitColumns(rows, columns);
        let at = 5;
        for (const c of placed) {
          expect(c.col).toBe(at);
          at = (c.to ?? c.col) + 1;
        }
        expect(at).toBe(9);
      }),
      { numRuns: 200 },
    );
  });
});

describe("status checks and data quality", () => {
  test("the message spans the rest of the grid, beside ref, sheet and cell, and type", () => {
    const { plan } = build(PRESETS.dudley);
    const { values } = cellsOf(plan);
    const [at] = where(values, "Issue");
    const [row, col] = at.split(",").map(Number);
    expect([0, 1, 2].map((c) => values.get(`${row},${c}`))).toEqual(["Ref", "Sheet and cell", "Type"]);
    expect(col).toBe(3);
    expect(mergedAreas(plan)).toContainEqual({ top: row + 1, left: 3, bottom: row + 1, right: LAST_COL });
  });
});

describe("trend cells use ↑ ↓ →, never a status symbol", () => {
  test("improving upwards, worsening upwards on a lower-is-better measure", () => {
    const { values } = cellsOf(build(PRESETS.dudley).plan);
    expect(where(values, "↑ Improving").length).toBeGreaterThan(0);
    expect(where(values, "↑ Worsening").length).toBeGreaterThan(0);
    expect([...values.values()].some((v) => v === "▲ Improving" || v === "▲ Worsening")).toBe(false);
  });
});

describe("the tracker's title", () => {
  const grid = (rows: CellValue[][]): SheetGrid => ({ name: "KPIs", values: rows });
  const table = (headerRow: number): TableSpec => ({ sheet: "KPIs", kind: "indicator", headerRow, headerHeight: 1, firstRow: headerRow + 1, lastRow: headerRow + 2, columns: [] });
  const cases: [rule: string, rows: CellValue[][], headerRow: number, expected: string | undefined][] = [
    ["the first title-like line above the table", [["Quarterly Corporate Performance Management Report"], ["Quarter 3"], ["Ref", "Name"]], 2, "Quarterly Corporate Performance Management Report"],
    ["blank cells and spaces are skipped", [[null, "  DERBY CSP –  THEMATIC REPORT "], ["Ref", "Name"]], 1, "DERBY CSP – THEMATIC REPORT"],
    ["a lone code or number is not a title", [["KPI"], [2021], ["Ref", "Name"]], 2, undefined],
    ["a table at the top has no title", [["Ref", "Name"]], 0, undefined],
  ];
  test.each(cases)("%s", (_rule, rows, headerRow, expected) => expect(trackerTitle([grid(rows)], [table(headerRow)])).toBe(expected));
  test("sheets without a table are passed over", () => {
    const notes: SheetGrid = { name: "Notes", values: [["Read me first please"]] };
    expect(trackerTitle([notes, grid([["Community Safety Key Tasks"], ["Ref"]])], [table(1)])).toBe("Community Safety Key Tasks");
  });
});
