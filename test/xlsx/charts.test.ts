// The file host draws the charts a sheet plan describes (issue 14 item 3): a drawing on the summary
// with a chart part per chart, every reference resolving, in schema order, rebuilt without leftovers.
import { posix } from "path";
import { chartRef } from "../../src/xlsx/patch/chart-xml";
import { relativeTarget } from "../../src/xlsx/patch/chart-parts";
import { all, buildWith, bytesOf, chartsOf, one, overrides, parseXml, relsOf, SAMPLE, sheetNames, sheetPart, text, withCharts, type El } from "./charts-fixture";

const childNames = (el: El): string[] => el.children.map((c) => c.name);
const summaryOf = (names: string[]): string => names.find((n) => n.startsWith("Summary")) as string;

test("each planned chart is drawn over its cells, with its title, alt text, series and dashed target", async () => {
  const { parts, plans, problems } = await buildWith(SAMPLE, (p) => withCharts(p, 3));
  expect(problems).toEqual([]);
  const summary = summaryOf(sheetNames(parts));
  const planned = plans.find((p) => p.charts)?.charts ?? [];
  const drawn = chartsOf(parts, summary);
  expect(drawn).toHaveLength(3);
  // Shape ids unique within the drawing, chart parts distinct.
  expect(new Set(drawn.map((d) => one(d.anchor, "xdr:cNvPr").attrs.id)).size).toBe(3);
  expect(new Set(drawn.map((d) => d.part)).size).toBe(3);
  drawn.forEach(({ anchor, chart }, i) => {
    const plan = planned[i];
    const from = one(anchor, "xdr:from");
    const to = one(anchor, "xdr:to");
    expect([one(from, "xdr:row").text, one(from, "xdr:col").text, one(to, "xdr:row").text, one(to, "xdr:col").text].map(Number)).toEqual([plan.anchor.top, plan.anchor.left, plan.anchor.bottom + 1, plan.anchor.right + 1]);
    expect(one(anchor, "xdr:cNvPr").attrs.descr).toBe(plan.description);
    expect(all(one(chart, "c:title"), "a:t").map((t) => t.text).join("")).toBe(plan.title);
    const sers = all(chart, "c:ser");
    expect(sers.map((s) => one(one(s, "c:tx"), "c:v").text)).toEqual(["Actual", "Target"]);
    expect(sers.map((s) => one(one(s, "c:val"), "c:f").text)).toEqual(plan.series.map((s) => chartRef(summary, s.values)));
    expect(sers.map((s) => one(one(s, "c:cat"), "c:f").text)).toEqual([chartRef(summary, plan.categories), chartRef(summary, plan.categories)]);
    expect(sers.map((s) => all(s, "a:prstDash")[0]?.attrs.val)).toEqual(["solid", "dash"]);
    // The cached figures are the plan's cells, so a reader that does not recalculate draws the same line.
    expect(all(one(sers[0], "c:numCache"), "c:v").map((v) => Number(v.text))).toEqual([10 + i, 12, 9, 14, 11]);
    expect(all(one(sers[0], "c:strCache"), "c:v").map((v) => v.text)).toEqual(["Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"]);
    // Axes cross-reference each other and the line chart names both.
    const [catId, valId] = one(chart, "c:lineChart").children.filter((c) => c.name === "c:axId").map((a) => a.attrs.val);
    expect(catId).not.toBe(valId);
    expect([one(one(chart, "c:catAx"), "c:axId").attrs.val, one(one(chart, "c:catAx"), "c:crossAx").attrs.val]).toEqual([catId, valId]);
    expect([one(one(chart, "c:valAx"), "c:axId").attrs.val, one(one(chart, "c:valAx"), "c:crossAx").attrs.val]).toEqual([valId, catId]);
    expect(childNames(one(chart, "c:chart"))).toEqual(["c:title", "c:autoTitleDeleted", "c:plotArea", "c:legend", "c:plotVisOnly", "c:dispBlanksAs"]);
    expect(childNames(sers[1])).toEqual(["c:idx", "c:order", "c:tx", "c:spPr", "c:marker", "c:cat", "c:val", "c:smooth"]);
    expect(new Set(sers.map((s) => one(s, "c:idx").attrs.val)).size).toBe(2);
  });
});

test("<drawing> is placed in CT_Worksheet order, after the page setup", async () => {
  const { parts } = await buildWith(SAMPLE, (p) => withCharts(p, 1));
  const ws = parseXml(text(parts, sheetPart(parts, summaryOf(sheetNames(parts)))));
  const order = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "mergeCells", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "drawing"];
  const names = childNames(ws);
  expect(names[names.length - 1]).toBe("drawing");
  const positions = names.map((n) => order.indexOf(n));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test("rebuilding the pack replaces its drawing and charts: nothing of the old ones is left over", async () => {
  const first = await buildWith(SAMPLE, (p) => withCharts(p, 3));
  const second = await buildWith(bytesOf(first.out), (p) => withCharts(p, 2));
  const names = sheetNames(second.parts);
  expect(names.filter((n) => n.startsWith("Summary"))).toHaveLength(1);
  expect(chartsOf(second.parts, summaryOf(names))).toHaveLength(2);
  const chartParts = [...second.parts.keys()].filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n));
  expect(chartParts.sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml"]);
  // Every override names a part that is there, and every relationship target exists.
  for (const part of overrides(second.parts).keys()) expect(second.parts.has(part)).toBe(true);
  const partNames = all(parseXml(text(second.parts, "[Content_Types].xml")), "Override").map((o) => o.attrs.PartName.toLowerCase());
  expect(partNames.length).toBe(new Set(partNames).size);
  for (const name of second.parts.keys()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (!m) continue;
    for (const { part } of relsOf(second.parts, `${m[1]}${m[2]}`).values()) if (part) expect([name, second.parts.has(part)]).toEqual([name, true]);
  }
  // A third build without charts leaves no drawing at all.
  const third = await buildWith(bytesOf(second.out), (p) => p);
  expect([...third.parts.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n))).toEqual([]);
  expect(overrides(third.parts).size).toBe([...overrides(third.parts).keys()].filter((p) => third.parts.has(p)).length);
});

test("the workbook's own drawings and charts keep their parts; ours take free numbers", async () => {
  const { parts } = await buildWith(`${__dirname}/../fixtures/excel-saved/chart_line01.xlsx`, (p) => withCharts(p, 2));
  expect(text(parts, "xl/charts/chart1.xml")).toContain("Sheet1!$A$1:$A$5");
  const summary = summaryOf(sheetNames(parts));
  const drawn = chartsOf(parts, summary);
  expect(drawn.map((d) => d.part).sort()).toEqual(["xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
  expect(chartsOf(parts, "Sheet1").map((d) => d.part)).toEqual(["xl/charts/chart1.xml"]);
});

test("a chart that cannot be drawn as planned is a problem naming the sheet and cell, and the rest are drawn", async () => {
  const { parts, problems } = await buildWith(SAMPLE, (plans) =>
    withCharts(plans, 2).map((p) => (p.charts ? { ...p, charts: [p.charts[0], { ...p.charts[1], series: [{ ...p.charts[1].series[0], values: { top: 0, left: 39, bottom: 1, right: 40 } }] }] } : p)),
  );
  expect(problems.map((p) => [p.cell, p.message])).toEqual([["M17", expect.stringMatching(/^The chart "Indicator 2 .*" was not drawn: its series "Actual" is not one row or one column\.$/)]]);
  expect(chartsOf(parts, summaryOf(sheetNames(parts)))).toHaveLength(1);
});

test("chart references quote every sheet name; targets are relative to the source part", () => {
  expect(chartRef("Summary", { top: 0, left: 0, bottom: 4, right: 0 })).toBe("'Summary'!$A$1:$A$5");
  expect(chartRef("Summary (2) – O'Brien's", { top: 2, left: 26, bottom: 2, right: 30 })).toBe("'Summary (2) – O''Brien''s'!$AA$3:$AE$3");
  expect(relativeTarget("xl/worksheets/sheet3.xml", "xl/drawings/drawing1.xml")).toBe("../drawings/drawing1.xml");
  expect(relativeTarget("xl/drawings/drawing1.xml", "xl/charts/chart2.xml")).toBe("../charts/chart2.xml");
  expect(relativeTarget("sheet.xml", "xl/drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
  expect(posix.normalize(`xl/worksheets/${relativeTarget("xl/worksheets/sheet3.xml", "xl/drawings/drawing1.xml")}`)).toBe("xl/drawings/drawing1.xml");
});

test("a summary whose name needs quoting: every reference names it quoted, apostrophes doubled", async () => {
  const name = "Summary – O'Brien's pack";
  const { parts, problems } = await buildWith(SAMPLE, (plans) => withCharts(plans, 1).map((p) => (p.charts ? { ...p, sheet: name } : p)));
  expect(problems).toEqual([]);
  const [{ chart }] = chartsOf(parts, name);
  expect(all(chart, "c:f").map((f) => f.text)).toEqual(["'Summary – O''Brien''s pack'!$AN$1:$AR$1", "'Summary – O''Brien''s pack'!$AN$2:$AR$2", "'Summary – O''Brien''s pack'!$AN$1:$AR$1", "'Summary – O''Brien''s pack'!$AN$3:$AR$3"]);
});

// helper-80: a 100,000-row quarterly tracker stopped the build ("Maximum call stack size exceeded"): the width
// of a plan block was taken with a spread over its rows.
test("a sheet with charts and a block of 150,000 rows builds", async () => {
  const tall = Array.from({ length: 150_000 }, (_, i) => [`row ${i}`]);
  let sheet = "";
  const { problems, parts } = await buildWith(SAMPLE, (plans) =>
    withCharts(plans, 1).map((p) => {
      if (!p.charts?.length || sheet) return p;
      sheet = p.sheet;
      return { ...p, blocks: [...p.blocks, { row: 100, col: 45, values: tall }] };
    }),
  );
  expect(problems).toEqual([]);
  expect(chartsOf(parts, sheet)).toHaveLength(1);
}, 60_000);
