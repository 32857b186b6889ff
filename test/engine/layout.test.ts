// The committee summary sheet plan: key, headline counts, status cells, verbatim text, print setup, sheet names.
import { layoutSummary, summarySheetName } from "../../src/engine/layout";
import { PRESETS } from "../../src/engine/presets";
import { rateActivity, rateIndicator } from "../../src/engine/rate";
import { summarise, type SummaryModel } from "../../src/engine/summary";
import { TREND_LABELS } from "../../src/engine/trend";
import type { PlanStyle, PlanValue, SheetPlan } from "../../src/engine/plan";
import type { CellValue, Field, RecordKind, Scheme, SourceRecord, Status } from "../../src/engine/types";
import type { RatedRecord, WorkbookResult } from "../../src/engine/workbook";

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
  test.each(schemes)("%s: trend arrows ▲ ▼ ► – with meanings, improving in the good colour", (_key, scheme) => {
    const { values, styles } = cellsOf(build(scheme).plan);
    const good = scheme.indicator.find((s) => s.level === "good")?.font;
    const bad = scheme.indicator.find((s) => s.level === "bad")?.font;
    const rows: [text: string, colour: string | undefined][] = [
      [`▲ ▼ ${TREND_LABELS.improving.label}`, good],
      [`▲ ▼ ${TREND_LABELS.worsening.label}`, bad],
      [`► ${TREND_LABELS.static.label}`, "#404040"],
      [`– ${TREND_LABELS.notrend.label}`, "#404040"],
    ];
    for (const [text, colour] of rows) {
      const [hit] = where(values, text);
      expect(styles.get(hit)?.[0].fontColor).toBe(colour);
    }
    expect([...values.values()].some((v) => typeof v === "string" && v.startsWith(TREND_LABELS.improving.description))).toBe(true);
  });
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
        const status = (kind === "indicator" ? scheme.indicator : scheme.activity).find((s) => statusLabel(s) === values.get(`${header},${col}`));
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
  test("cannock: two activities on target read 2 (100%), indicators none", () => {
    const scheme = PRESETS.cannock;
    const { values } = cellsOf(build(scheme, [activity(2, "▶"), activity(3, "▶")]).plan);
    const rowOf = (k: string) => Number(k.split(",")[0]);
    const row = rowOf(where(values, "Activities")[0]);
    // The headline's header cell is the last "▶ On target" above the Activities row (the key's come first).
    const header = where(values, statusLabel(scheme.activity[1])).filter((k) => rowOf(k) < row).sort((a, b) => rowOf(a) - rowOf(b)).pop() as string;
    const col = header.split(",")[1];
    expect(values.get(`${row},${col}`)).toBe("2 (100%)");
    expect(values.get(`${rowOf(where(values, "Indicators")[0])},${col}`)).toBe("–");
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
  test("title block: committee, period, report date and rules", () => {
    const { values } = cellsOf(build(PRESETS.dudley).plan);
    expect(values.get("0,0")).toBe("Safety & Services");
    expect(values.get("1,0")).toBe("Performance report — Quarter 3 (October to December) 2010/11");
    expect(values.get("2,0")).toBe("Report date: 31/12/2010     Status rules: Dudley MBC (★ ● ▲)");
  });
  test("checks and problems name sheet!cell", () => {
    const { values } = cellsOf(build(PRESETS.dudley).plan);
    expect(where(values, "KPIs!D3").length).toBe(1);
  });
});

describe("formatting and print", () => {
  const { plan } = build(PRESETS.dudley);
  const { values, styles } = cellsOf(plan);
  test("a created sheet with freeze panes below the title block", () => {
    expect(plan.action).toBe("create");
    expect(plan.sheet).toBe(META.sheetName);
    expect(plan.freeze).toEqual({ rows: 3, cols: 0 });
  });
  test("A4 landscape, one page wide, title rows repeated, header and footer with & escaped", () => {
    expect(plan.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      repeatRows: { first: 0, last: 2 },
      header: "&LSafety && Services&RQuarter 3 (October to December) 2010/11",
      footer: "&LReport date 31/12/2010&CPage &P of &N&RDudley MBC (★ ● ▲)",
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
    for (const m of plan.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) {
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
    ["long names cut to 31 with a tag", "Select Committee on Community Safety and Community Services", /^Summary – Select Committee [0-9A-F]{4}$/],
  ];
  test.each(rows)("%s", (_rule, committee, expected) => {
    const name = summarySheetName(committee);
    if (typeof expected === "string") expect(name).toBe(expected);
    else expect(name).toMatch(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name).not.toMatch(/^'|'$/);
  });
  test("two long names that share their first 31 characters stay apart", () => {
    const a = summarySheetName("Select Committee on Community Safety");
    const b = summarySheetName("Select Committee on Children's Services");
    expect(a).not.toBe(b);
  });
});
