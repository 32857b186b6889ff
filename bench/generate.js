// Generates large trackers in the layouts of the samples, deterministically (seeded PRNG):
//   "Performance Indicators": Dudley-like – title rows, priority section rows, a KPI header per
//     section, a repeated header after a blank row at each "page break", messy figures as text;
//   "Key Tasks": Pentana-like – Status | Action Title | Description | Progress | Due Date | Comments,
//     the header repeated every page.
// `records` is the number of records (indicators + activities), 70 % indicators, 30 % activities.
// One model feeds three outputs: engine grids, the fake Excel's init, and an .xlsx file.
"use strict";

const ExcelJS = require("exceljs");

const SETTINGS = { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31" };
const KPI_HEADER = ["Direct.", "Ref.", "Definition", "08/09 Actual", "09/10 Actual", "10/11 Target", "Q1 Actual", "Q2 YTD Actual", "Q3 YTD Target", "Q3 YTD Actual", "Polarity", "Select Committee", "Comment"];
const TASK_HEADER = ["Status", "Action Title", "Action Description", "Progress", "Due Date", "Comments"];
const KPI_WIDTHS = [9, 14, 48, 12, 12, 12, 11, 12, 14, 13, 16, 22, 60];
const TASK_WIDTHS = [13, 52, 44, 10, 11, 70];

/** mulberry32: tiny, fast, good enough for test data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIRECTORATES = ["CEX", "DUE", "DCS", "DACHS", "L&P", "CS"];
const COMMITTEES = ["Community Safety and Community Services", "Children's Services", "Health and Adult Social Care", "Environment", "Regeneration"];
const PRIORITIES = [
  "Strengthening trust and confidence by working to prevent and reduce crime and antisocial behaviour",
  "Substance misuse – engaging misusers into interventions at an early stage",
  "Provide employment opportunities for residents of the Borough",
  "Tackle the problem of obesity",
  "Address the state of the Borough's environment through the responsible actions of individual people",
  "Widen participation in adult and family learning",
  "Resource efficiency",
];
const MEASURES = [
  "Number of serious acquisitive crimes per 1,000 population",
  "% of young people leaving treatment in a planned way",
  "Rate of first time entrants to the criminal justice system per 100,000 population aged 10-17",
  "% of household waste sent for reuse, recycling and composting",
  "Number of adults with learning disabilities in settled accommodation",
  "% of major planning applications determined within 13 weeks",
  "Average time to re-let local authority housing (days)",
  "Perceptions of anti-social behaviour",
];
const ACTIONS = [
  "Produce an updated Neighbourhood Action Plan for",
  "Monitor and update cross departmental Anti-social Behaviour Action Plan for",
  "Renew existing Public Spaces Protection Orders in",
  "Deliver the domestic abuse awareness programme across",
  "Review CCTV coverage and maintenance contracts in",
];
const PLACES = ["Stapleford", "Eastwood South", "Beeston", "Kimberley", "Brinsley", "Chilwell", "Toton", "Bramcote"];
const SENTENCES = [
  "Maintenance continues to take place on car parks covered by the Park Mark Awards.",
  "Peer Support Programme review conducted to collect best practice from the regions' partnerships.",
  "Final data for 2009/10 has not yet been released.",
  "Post subject to long term sick leave. An update will be brought to Committee in November.",
  "Figures are provisional and subject to validation by the national data return.",
  "Performance has improved following the introduction of the new triage arrangements in July.",
  "The target was set before the change in the national definition; see the note to Cabinet.",
  "Work is ongoing on the needs assessment to inform the Action Plan for 2011/12.",
];
const NOT_FIGURES = ["Not available", "Annually reported.", "(See comment)", "Final data not yet available", "-", "Awaiting guidance"];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function comment(rand, max) {
  const n = Math.floor(rand() * (max + 1));
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(pick(rand, SENTENCES));
  return parts.length ? parts.join(" ") : null;
}

const commas = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A figure as an officer types it: a number, "1,234" as text, a percentage as a fraction or as text. */
function figure(rand, value, percent) {
  if (percent) {
    return rand() < 0.5 ? { v: value / 100, fmt: "0.0%" } : { v: `${value.toFixed(1)}%` };
  }
  const r = rand();
  if (r < 0.45) return { v: Math.round(value) };
  if (r < 0.85) return { v: commas(value) };
  return { v: Math.round(value * 10) / 10, fmt: "#,##0.0" };
}

function indicatorRow(rand, section, k) {
  const percent = rand() < 0.4;
  const higher = rand() < 0.55;
  const base = percent ? 20 + rand() * 70 : 50 + rand() * 20000;
  const series = [0, 1, 2, 3].map(() => base * (0.85 + rand() * 0.3));
  const target = base;
  const ytdTarget = base * 0.75;
  const actual = ytdTarget * (0.88 + rand() * 0.24);
  const cells = [pick(rand, DIRECTORATES), `CS${section}.${k}`, pick(rand, MEASURES)];
  cells.push(figure(rand, series[0], percent), rand() < 0.08 ? { v: pick(rand, NOT_FIGURES) } : figure(rand, series[1], percent));
  // Annual target: now and then a band or words instead of a figure.
  const t = rand();
  cells.push(t < 0.05 ? { v: `Less than ${commas(target)}` } : t < 0.08 ? { v: "Not targeted" } : figure(rand, target, percent));
  cells.push(figure(rand, series[2], percent), figure(rand, series[3], percent));
  cells.push(t >= 0.05 && t < 0.08 ? { v: "Not targeted" } : figure(rand, ytdTarget, percent));
  const a = rand();
  cells.push(a < 0.07 ? { v: pick(rand, NOT_FIGURES) } : figure(rand, actual, percent));
  cells.push({ v: rand() < 0.04 ? null : higher ? "Higher is better" : "Lower is better" });
  cells.push({ v: pick(rand, COMMITTEES) });
  cells.push({ v: comment(rand, 3) });
  return cells.map((c) => (c && typeof c === "object" && "v" in c ? c : { v: c }));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function activityRow(rand, n) {
  const r = rand();
  const progress = r < 0.15 ? 100 : Math.floor(rand() * 10) * 10;
  const status = progress === 100 ? "Completed" : r < 0.8 ? "In Progress" : r < 0.88 ? "" : r < 0.94 ? "Overdue" : "Cancelled";
  const fills = { Completed: "1D70B8", "In Progress": "00703C", Overdue: "D4351C", Cancelled: "505A5F" };
  // Due between Jun 2010 and Mar 2012: some overdue, some due soon, most later.
  const due = new Date(Date.UTC(2010, 5 + Math.floor(rand() * 22), 28));
  const d = rand();
  const dueCell = d < 0.5 ? { v: due, fmt: "dd/mm/yyyy" } : d < 0.9 ? { v: `${MONTHS[due.getUTCMonth()]}-${due.getUTCFullYear()}` } : { v: due, fmt: "mmm-yyyy" };
  const ref = `COMS${1011 + (n % 3) * 101}_${String(Math.floor(n / 10)).padStart(2, "0")}.${n % 10}`;
  return [
    { v: status || null, fill: fills[status] },
    { v: `${ref} ${pick(rand, ACTIONS)} ${pick(rand, PLACES)}` },
    { v: "Reduction in all crime types and improvements in community confidence" },
    rand() < 0.5 ? { v: progress / 100, fmt: "0%" } : { v: `${progress}%` },
    dueCell,
    { v: comment(rand, 4) },
  ];
}

/** The workbook model: sheets of rows; a row is {kind, cells:[{v, fmt?, fill?}], merge?}. */
function generate(records, seed = 20101231) {
  const rand = prng(seed + records);
  const indicators = Math.round(records * 0.7);
  const activities = records - indicators;

  const kpi = { name: "Performance Indicators", widths: KPI_WIDTHS, width: KPI_HEADER.length, rows: [] };
  const title = (sheet, text) => sheet.rows.push({ kind: "title", cells: [{ v: text }], merge: true });
  title(kpi, "Quarterly Corporate Performance Management Report");
  title(kpi, "Quarter 3 (October to December 2010)");
  kpi.rows.push({ kind: "blank", cells: [] });
  let section = 0;
  for (let done = 0; done < indicators; ) {
    section++;
    kpi.rows.push({ kind: "section", cells: [{ v: `Priority ${section} ${pick(rand, PRIORITIES)}` }], merge: true });
    kpi.rows.push({ kind: "header", cells: KPI_HEADER.map((v) => ({ v })) });
    const size = Math.min(indicators - done, 20 + Math.floor(rand() * 60));
    for (let k = 1; k <= size; k++) {
      kpi.rows.push({ kind: "indicator", cells: indicatorRow(rand, section, k) });
      if (k % 45 === 0 && k < size) {
        kpi.rows.push({ kind: "blank", cells: [] }); // a page break, as in the seed PDFs
        kpi.rows.push({ kind: "header", cells: KPI_HEADER.map((v) => ({ v })) });
      }
    }
    done += size;
  }

  const tasks = { name: "Key Tasks", widths: TASK_WIDTHS, width: TASK_HEADER.length, rows: [] };
  title(tasks, "Community Safety Key Tasks and Priorities for Improvement 2010/11");
  tasks.rows.push({ kind: "blank", cells: [] });
  for (let n = 0; n < activities; n++) {
    if (n % 50 === 0) tasks.rows.push({ kind: "header", cells: TASK_HEADER.map((v) => ({ v })) });
    tasks.rows.push({ kind: "activity", cells: activityRow(rand, n) });
  }
  return { records, indicators, activities, settings: SETTINGS, sheets: [kpi, tasks] };
}

/** Engine input: one rectangular SheetGrid per sheet, as the .xlsx reader gives it. */
function toGrids(model) {
  return model.sheets.map((s) => {
    const values = [];
    const numberFormats = [];
    const merges = [];
    s.rows.forEach((row, r) => {
      const vals = new Array(s.width).fill(null);
      const fmts = new Array(s.width).fill("General");
      row.cells.forEach((c, i) => {
        vals[i] = c.v === undefined || c.v === "" ? null : c.v;
        if (c.fmt) fmts[i] = c.fmt;
      });
      values.push(vals);
      numberFormats.push(fmts);
      if (row.merge) merges.push({ top: r, left: 0, bottom: r, right: s.width - 1 });
    });
    return { name: s.name, values, numberFormats, origin: { row: 0, col: 0 }, merges };
  });
}

function colLetters(c) {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The fake Excel's workbook, from the same grids. */
function toFakeInit(model) {
  return {
    sheets: toGrids(model).map((g) => ({
      name: g.name,
      values: g.values,
      numberFormats: g.numberFormats.map((line) => line.map((f) => (f === "General" ? null : f))),
      merges: g.merges.map((m) => `A${m.top + 1}:${colLetters(m.right)}${m.bottom + 1}`),
    })),
  };
}

const GREY = { argb: "FFB1B4B6" };
const thin = { style: "thin", color: GREY };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: "Arial", size: 10 };

/** Writes the model as .xlsx with ExcelJS's streaming writer (the 100,000-record file in seconds, not minutes). */
async function writeXlsx(model, file) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "RAG Scorecard bench";
  for (const s of model.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.widths.map((width) => ({ width }));
    s.rows.forEach((row, r) => {
      const line = ws.getRow(r + 1);
      row.cells.forEach((c, i) => {
        const cell = line.getCell(i + 1);
        if (c.v !== null && c.v !== undefined && c.v !== "") cell.value = c.v;
        if (row.kind === "title" || row.kind === "section") cell.font = { name: "Arial", size: row.kind === "title" ? 14 : 11, bold: true };
        else if (row.kind === "header") {
          cell.font = { ...FONT, bold: true };
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDEE0E2" } };
          cell.border = BORDER;
        } else {
          cell.font = FONT;
          cell.alignment = { wrapText: true, vertical: "top" };
          cell.border = BORDER;
          if (c.fmt) cell.numFmt = c.fmt;
          if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${c.fill}` } };
        }
      });
      if (row.merge) ws.mergeCells(r + 1, 1, r + 1, s.width);
      line.commit();
    });
    ws.commit();
  }
  await wb.commit();
}

module.exports = { generate, toGrids, toFakeInit, writeXlsx, SETTINGS, prng };
