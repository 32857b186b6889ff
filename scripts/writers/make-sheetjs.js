#!/usr/bin/env node
// Writes council performance trackers with SheetJS (npm package `xlsx`, Community Edition 0.18.5), in the
// layouts RAG Scorecard reads, each with an <name>.expected.json beside it: the status the `rag` preset
// should give each record at Q3 2010/11 (report date 2010-12-31) and at Q4 2010/11 (2011-03-31).
//
//   sheetjs-tracker.xlsx     default options: text as t="str" cells (no shared strings), merged titles,
//                            notes, links, number and date formats, formulas with and without cached
//                            values, column widths, a hidden row and column, an autofilter, defined names,
//                            print area and titles, margins, a protected sheet, a hidden sheet
//   sheetjs-sst.xlsx         bookSST: shared strings; cellDates (dates as t:"d"); both tables on one sheet
//   sheetjs-protected.xlsx   the indicator tracker on a password-protected sheet
//   sheetjs-json-export.xlsx json_to_sheet as a system export does it: header in row 1, no titles
//
// Usage: NODE_PATH=<folder holding xlsx> node make-sheetjs.js <output folder>
"use strict";
const fs = require("fs");
const path = require("path");
const XLSX = require("xlsx");

const OUT = process.argv[2] || ".";
fs.mkdirSync(OUT, { recursive: true });

// Expected statuses worked out by hand (RULES §4: met -> green; short by at most 5% of the target -> amber;
// beyond -> red; no target -> dataonly; no actual -> nodata. §5 with a 30-day warning window).
const INDICATORS = [
  "Priority 1: Decent and affordable homes",
  ["HE 1", "Percentage of rent collected", 0.97, 0.982, "Higher is better", "pct", "green"],
  ["HE 2", "Average days to re-let council homes", 30, 41, "Lower is better", "num", "red"],
  ["HE 3", "Percentage of council homes that are non-decent", 0.05, 0.052, "Lower is better", "pct", "amber"],
  ["HE 4", "Number of households in temporary accommodation", 120, 118, "Lower is better", "num", "green", "hidden"],
  ["HE 5", "Rent arrears of current tenants as % of rent due", 0.02, { f: "ROUND(61234/2456000,4)", v: 0.0249 }, "Lower is better", "pct", "red"],
  ["HE 6", "Tenants satisfied with repairs", "97%", "95.5%", "Higher is better", "text", "amber"],
  "Priority 2: A clean and green borough",
  "HEADER",
  ["EN 1", "Percentage of household waste recycled and composted", 0.5, 0.489, "Higher is better", "pct", "amber"],
  ["EN 2", "Residual household waste per household (kg)", 620, 655.4, "Lower is better", "num", "red"],
  ["EN 3", "Fly-tipping incidents cleared within 2 working days", 0.9, { f: "412/450", v: 412 / 450 }, "Higher is better", "pct", "green"],
  ["EN 4", "Missed bins per 100,000 collections", 80, { f: "(1234/1800000)*100000" }, "Lower is better", "num", "nodata"],
  ["EN 5", "Satisfaction with parks and open spaces", "Not targeted", 0.72, "Higher is better", "pct", "dataonly"],
  ["EN 6", "Number of streets graded A for cleanliness", 1200, "Not available", "Higher is better", "num", "nodata"],
  ["EN 7", "Streets with unacceptable litter", "< 10%", 0.08, "", "pct", "green"],
];
const d = (y, m, day) => new Date(Date.UTC(y, m - 1, day));
const ACTIVITIES = [
  ["KA 1", "Adopt the new housing allocations policy", "Jane Smith", d(2010, 9, 30), 1, "Completed", "completed", "completed"],
  ["KA 2", "Review the homelessness strategy", "Amir Patel", d(2010, 11, 30), 0.6, "Amber", "overdue", "overdue"],
  ["KA 3", "Procure the new waste collection fleet", "Mark Jones", d(2011, 1, 20), 0.8, "Green", "warning", "overdue"],
  ["KA 4", "Open the new household recycling centre", "Mark Jones", d(2011, 6, 30), 0.4, "Green", "ontrack", "ontrack"],
  ["KA 5", "Launch the tenant satisfaction survey", "Amir Patel", d(2011, 3, 31), 0.1, "Cancelled", "cancelled", "cancelled"],
  ["KA 6", "Refurbish the Elm Court sheltered housing scheme", "Jane Smith", d(2011, 2, 15), 0.5, "In progress", "ontrack", "overdue"],
];
const IND_HEADER = ["Ref", "Indicator", "Target", "Actual", "Polarity", "Data source"];
const ACT_HEADER = ["Ref", "Action", "Lead officer", "Due date", "Progress", "Status"];

/** Excel's serial for a date (1900 system). */
const serial = (date) => date.getTime() / 86400000 + 25569;

function expectFor() {
  return { q3: {}, q4: {} };
}

function writeExpected(file, ex, note) {
  fs.writeFileSync(
    path.join(OUT, file.replace(/\.xlsx$/, ".expected.json")),
    JSON.stringify({ writer: `SheetJS ${XLSX.version}`, note, "Q3 2010/11": ex.q3, "Q4 2010/11": ex.q4 }, null, 2) + "\n",
  );
}

const a1 = (r, c) => XLSX.utils.encode_cell({ r, c });

/** Cell objects for the indicator table from row `top` (0-based); returns the last row used and the hidden rows. */
function indicatorCells(ws, top, sheet, ex, opts = {}) {
  let r = top;
  const hidden = [];
  const put = (c, cell) => (ws[a1(r, c)] = cell);
  const header = () => IND_HEADER.forEach((h, c) => put(c, { t: "s", v: h }));
  header();
  r++;
  for (const row of INDICATORS) {
    if (row === "HEADER") header();
    else if (typeof row === "string") put(0, { t: "s", v: row });
    else {
      const [ref, name, target, actual, polarity, kind, expected, hide] = row;
      const z = kind === "pct" ? "0.0%" : kind === "num" ? "#,##0.0" : undefined;
      const value = (v) =>
        typeof v === "number" ? { t: "n", v, z } : typeof v === "string" ? { t: "s", v } : v.v === undefined ? { t: "n", f: v.f, z } : { t: "n", v: v.v, f: v.f, z };
      put(0, { t: "s", v: ref });
      put(1, { t: "s", v: name });
      put(2, value(target));
      put(3, value(actual));
      put(4, { t: "s", v: polarity });
      put(5, { t: "s", v: ref.startsWith("HE") ? "Housing system" : "Waste data flow" });
      if (hide) hidden.push(r);
      if (opts.notes && ref === "HE 2") ws[a1(r, 3)].c = [{ a: "Housing performance officer", t: "Provisional: the December figure is an estimate." }];
      if (opts.links && ref === "HE 1") ws[a1(r, 0)].l = { Target: "https://www.example.gov.uk/performance/he1", Tooltip: "Definition" };
      ex.q3[`${sheet}!${ref}`] = expected;
      ex.q4[`${sheet}!${ref}`] = expected;
    }
    r++;
  }
  return { last: r - 1, hidden };
}

function activityCells(ws, top, sheet, ex, opts = {}) {
  let r = top;
  ACT_HEADER.forEach((h, c) => (ws[a1(r, c)] = { t: "s", v: h }));
  r++;
  for (const [ref, action, lead, due, progress, status, q3, q4] of ACTIVITIES) {
    ws[a1(r, 0)] = { t: "s", v: ref };
    ws[a1(r, 1)] = { t: "s", v: action };
    ws[a1(r, 2)] = { t: "s", v: lead };
    ws[a1(r, 3)] = opts.dates ? { t: "d", v: due, z: "dd/mm/yyyy" } : { t: "n", v: serial(due), z: "dd/mm/yyyy" };
    ws[a1(r, 4)] = { t: "n", v: progress, z: "0%" };
    ws[a1(r, 5)] = { t: "s", v: status };
    if (opts.notes && ref === "KA 3") ws[a1(r, 5)].c = [{ a: "Mark Jones", t: "Delivery of two vehicles slipped to January." }];
    if (opts.links && ref === "KA 1") ws[a1(r, 0)].l = { Target: "#'Indicators'!A1" };
    ex.q3[`${sheet}!${ref}`] = q3;
    ex.q4[`${sheet}!${ref}`] = q4;
    r++;
  }
  return r - 1;
}

function titles(ws, title, sub, lastCol) {
  ws[a1(0, 0)] = { t: "s", v: title };
  ws[a1(1, 0)] = { t: "s", v: sub };
  ws["!merges"] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: lastCol } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: lastCol } },
  ];
}

function rows(hidden, extra = {}) {
  const out = [];
  out[0] = { hpt: 22 };
  for (const r of hidden) out[r] = { hidden: true };
  Object.assign(out, extra);
  return out;
}

// ---------------------------------------------------------------- sheetjs-tracker.xlsx
{
  const ex = expectFor();
  const wb = XLSX.utils.book_new();
  const ind = {};
  titles(ind, "Housing and Environment Performance Indicators", "Quarter 3 2010/11 (October to December 2010)", 5);
  const { last, hidden } = indicatorCells(ind, 3, "Indicators", ex, { notes: true, links: true });
  ind[a1(last + 2, 0)] = { t: "s", v: "Source: Housing system and WasteDataFlow returns, January 2011." };
  ind["!ref"] = `A1:F${last + 3}`;
  ind["!cols"] = [{ wch: 8 }, { wch: 55 }, { wch: 11 }, { wch: 11 }, { wch: 18 }, { wch: 20, hidden: true }];
  ind["!rows"] = rows(hidden);
  ind["!autofilter"] = { ref: `A4:F${last + 1}` };
  ind["!margins"] = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  XLSX.utils.book_append_sheet(wb, ind, "Indicators");

  const act = {};
  titles(act, "Key activities 2010/11", "Progress at Quarter 3 2010/11", 5);
  const aLast = activityCells(act, 3, "Key activities", ex, { notes: true, links: true });
  act["!ref"] = `A1:F${aLast + 1}`;
  act["!cols"] = [{ wch: 8 }, { wch: 50 }, { wch: 16 }, { wch: 12 }, { wch: 10 }, { wch: 14 }];
  XLSX.utils.book_append_sheet(wb, act, "Key activities");

  const notes = XLSX.utils.aoa_to_sheet([
    ["Notes for officers"],
    ["Figures are provisional until the year-end audit."],
    ["Indicators reported:", { t: "n", v: 15, f: `COUNTA(Indicators!A5:A${last + 1})` }],
  ]);
  notes["!protect"] = { password: "council", selectLockedCells: false };
  XLSX.utils.book_append_sheet(wb, notes, "Notes");

  const lookups = XLSX.utils.aoa_to_sheet([["Polarity"], ["Higher is better"], ["Lower is better"]]);
  XLSX.utils.book_append_sheet(wb, lookups, "Lookups");

  wb.Workbook = {
    Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }],
    Names: [
      { Name: "ReportPeriod", Ref: "Indicators!$A$2" },
      { Name: "PolarityList", Ref: "Lookups!$A$2:$A$3" },
      { Name: "LocalActions", Sheet: 1, Ref: `'Key activities'!$A$5:$F$${aLast + 1}` },
      { Name: "_xlnm.Print_Area", Sheet: 0, Ref: `Indicators!$A$1:$E$${last + 1}` },
      { Name: "_xlnm.Print_Titles", Sheet: 0, Ref: "Indicators!$4:$4" },
    ],
  };
  wb.Props = { Title: "Performance tracker Q3 2010/11", Author: "Performance team", Company: "Example Borough Council" };
  XLSX.writeFile(wb, path.join(OUT, "sheetjs-tracker.xlsx"));
  writeExpected("sheetjs-tracker.xlsx", ex, "default write options: text cells t=\"str\"; EN 4's actual is a formula with no cached value");
}

// ---------------------------------------------------------------- sheetjs-sst.xlsx: both tables on one sheet
{
  const ex = expectFor();
  const wb = XLSX.utils.book_new();
  const ws = {};
  titles(ws, "Corporate plan monitoring", "Quarter 3 2010/11", 5);
  const { last, hidden } = indicatorCells(ws, 3, "Plan", ex, { notes: true });
  ws[a1(last + 2, 0)] = { t: "s", v: "Key activities" };
  const aLast = activityCells(ws, last + 3, "Plan", ex, { dates: true, notes: true });
  ws["!ref"] = `A1:F${aLast + 1}`;
  ws["!cols"] = [{ wpx: 60 }, { wpx: 380 }, { wpx: 90 }, { wpx: 90 }, { wpx: 120 }, { wpx: 120 }];
  ws["!rows"] = rows(hidden);
  XLSX.utils.book_append_sheet(wb, ws, "Plan");
  XLSX.writeFile(wb, path.join(OUT, "sheetjs-sst.xlsx"), { bookSST: true, cellDates: true, compression: true });
  writeExpected("sheetjs-sst.xlsx", ex, "bookSST, cellDates, compression; indicators and activities on one sheet");
}

// ---------------------------------------------------------------- sheetjs-protected.xlsx
{
  const ex = expectFor();
  const wb = XLSX.utils.book_new();
  const ws = {};
  titles(ws, "Corporate scorecard", "Quarter 3 2010/11", 5);
  const { last, hidden } = indicatorCells(ws, 3, "KPIs", ex);
  ws["!ref"] = `A1:F${last + 1}`;
  ws["!rows"] = rows(hidden);
  ws["!protect"] = { password: "s3cret", formatCells: false, autoFilter: false };
  XLSX.utils.book_append_sheet(wb, ws, "KPIs");
  XLSX.writeFile(wb, path.join(OUT, "sheetjs-protected.xlsx"));
  writeExpected("sheetjs-protected.xlsx", ex, "tracker on a protected sheet: rated, left uncoloured");
}

// ---------------------------------------------------------------- sheetjs-json-export.xlsx
{
  const ex = expectFor();
  const records = [];
  for (const row of INDICATORS) {
    if (!Array.isArray(row)) continue;
    const [ref, name, target, actual, polarity, , expected] = row;
    if (typeof actual === "object") continue; // an export carries values, not formulas
    records.push({ Ref: ref, Indicator: name, Target: target, Actual: actual, Polarity: polarity });
    ex.q3[`Export!${ref}`] = expected;
    ex.q4[`Export!${ref}`] = expected;
  }
  const ws = XLSX.utils.json_to_sheet(records);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "Export");
  const acts = XLSX.utils.json_to_sheet(
    ACTIVITIES.map(([ref, action, lead, due, progress, status]) => ({ Ref: ref, Action: action, "Lead officer": lead, "Due date": due, Progress: progress, Status: status })),
    { cellDates: true, dateNF: "yyyy-mm-dd" },
  );
  for (const [ref, , , , , , q3, q4] of ACTIVITIES) {
    ex.q3[`Actions!${ref}`] = q3;
    ex.q4[`Actions!${ref}`] = q4;
  }
  XLSX.utils.book_append_sheet(wb, acts, "Actions");
  XLSX.writeFile(wb, path.join(OUT, "sheetjs-json-export.xlsx"));
  writeExpected("sheetjs-json-export.xlsx", ex, "json_to_sheet export: header in row 1, percentages as plain fractions, dates as t:d");
}
console.log(`wrote 4 workbooks to ${OUT}`);
