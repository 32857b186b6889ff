#!/usr/bin/env node
// `node scripts/sample-to-json.js` turns sample trackers into src/preview/sample-workbook.json, the
// workbook the browser preview (preview.html) holds in the page instead of a real Excel file.
// For each sheet it keeps values (dates as Excel serial numbers, as Office.js gives them), number
// formats, merges, Excel tables, column widths and the formats a reader notices: fill, font colour,
// bold, italic, font name and size, wrap and alignment. Borders are left out to keep the file small.
// Rerun it after `node samples/make-samples.js` changes a sample; commit the JSON it writes.
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const root = path.join(__dirname, "..");
const OUT = path.join(root, "src", "preview", "sample-workbook.json");
const MAX_BYTES = 200 * 1024;

// The samples the preview offers, with the settings samples/README.md gives for each.
const SAMPLES = [
  {
    key: "dudley",
    file: "dudley-community-safety.xlsx",
    title: "Dudley MBC, community safety (Q3 2010/11)",
    settings: { preset: "dudley", period: "Q3 2010/11", reportDate: "2010-12-31" },
  },
  {
    key: "broxtowe",
    file: "broxtowe-pentana.xlsx",
    title: "Broxtowe BC, Pentana export (Q1 2021/22)",
    settings: { preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30" },
  },
];

const MERGE_TYPE = ExcelJS.ValueType.Merge;
const DAY_MS = 86400000;
// Excel's day 0 is 30 December 1899 (serial 60, the phantom 29 February 1900, is never a real date here).
const EPOCH = Date.UTC(1899, 11, 30);

function serial(date) {
  return Math.round((date.getTime() - EPOCH) / DAY_MS);
}

function isEmpty(v) {
  return v === null || v === undefined || v === "";
}

/** One ExcelJS value as the fake's init value: string, number, boolean, {error} or null. */
function plainValue(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return serial(v);
  if (typeof v.error === "string") return { error: v.error };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text || "").join("");
  if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
  if ("text" in v) return plainValue(v.text);
  return null;
}

function colour(c) {
  const argb = c && c.argb;
  return typeof argb === "string" && argb.length === 8 ? "#" + argb.slice(2).toUpperCase() : undefined;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right", justify: "Justify" };
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" };

/** The fake's CellFormat fields for what a person sees in a cell; undefined when nothing is set. */
function cellFormat(cell) {
  const f = {};
  const fill = cell.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid" && colour(fill.fgColor)) f.fill = colour(fill.fgColor);
  const font = cell.font || {};
  if (colour(font.color)) f.fontColor = colour(font.color);
  if (font.bold) f.bold = true;
  if (font.italic) f.italic = true;
  if (font.name) f.fontName = font.name;
  if (font.size) f.fontSize = font.size;
  const al = cell.alignment || {};
  if (al.wrapText) f.wrap = true;
  if (H_ALIGN[al.horizontal]) f.hAlign = H_ALIGN[al.horizontal];
  if (V_ALIGN[al.vertical]) f.vAlign = V_ALIGN[al.vertical];
  return Object.keys(f).length ? f : undefined;
}

function letters(col) {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const a1 = (row, col) => letters(col) + (row + 1);

/** Cells sharing a format become rectangles: runs along each row, then identical runs on consecutive rows joined. */
function rectangles(cells) {
  const runs = [];
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const { row, col } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  const out = [];
  for (const r of runs) {
    const above = out.find((o) => o.bottom === r.top - 1 && o.left === r.left && o.right === r.right);
    if (above) above.bottom = r.bottom;
    else out.push(r);
  }
  return out.map((r) => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`));
}

function tablesOf(ws) {
  const out = [];
  for (const t of ws.getTables()) {
    const model = t.table || t.model || {};
    const ref = model.tableRef || model.ref;
    const name = model.displayName || model.name;
    if (ref && name) out.push({ name, address: ref });
  }
  return out;
}

function sheetToInit(ws) {
  const values = [];
  const numberFormats = [];
  const byFormat = new Map();
  let lastRow = -1;
  let lastCol = -1;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const r = cell.row - 1;
      const c = cell.col - 1;
      const value = cell.type === MERGE_TYPE ? null : plainValue(cell.value);
      const nf = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      if (!isEmpty(value) || nf) {
        (values[r] = values[r] || [])[c] = value;
        (numberFormats[r] = numberFormats[r] || [])[c] = nf;
        if (r > lastRow) lastRow = r;
        if (c > lastCol) lastCol = c;
      }
      const fmt = cellFormat(cell);
      if (fmt) {
        const key = JSON.stringify(fmt);
        if (!byFormat.has(key)) byFormat.set(key, { format: fmt, cells: [] });
        byFormat.get(key).cells.push({ row: r, col: c });
      }
    });
  });
  // Square arrays, trimmed to the used rectangle: the fake puts values[0][0] at A1.
  const square = (rows, fill) =>
    Array.from({ length: lastRow + 1 }, (_, r) => Array.from({ length: lastCol + 1 }, (_, c) => {
      const v = rows[r] && rows[r][c];
      return v === undefined ? fill : v;
    }));
  const formats = [];
  for (const { format, cells } of byFormat.values()) for (const address of rectangles(cells)) formats.push({ address, format });
  const columnWidths = {};
  (ws.columns || []).forEach((col, i) => {
    if (col && typeof col.width === "number") columnWidths[letters(i)] = col.width;
  });
  const init = { name: ws.name, values: square(values, null), numberFormats: square(numberFormats, null), formats };
  const merges = Object.values(ws._merges || {}).map((m) => m.range || m.shortRange).filter(Boolean);
  if (merges.length) init.merges = merges;
  const tables = tablesOf(ws);
  if (tables.length) init.tables = tables;
  if (Object.keys(columnWidths).length) init.columnWidths = columnWidths;
  return init;
}

async function sampleToJson(sample) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(root, "samples", sample.file));
  const sheets = [];
  wb.eachSheet((ws) => sheets.push(sheetToInit(ws)));
  return { ...sample, workbook: { sheets } };
}

async function main() {
  const samples = [];
  for (const s of SAMPLES) samples.push(await sampleToJson(s));
  const json = JSON.stringify({ note: "Generated by scripts/sample-to-json.js from samples/*.xlsx; do not edit by hand.", samples }) + "\n";
  if (Buffer.byteLength(json) > MAX_BYTES) throw new Error(`sample JSON is ${Buffer.byteLength(json)} bytes, over the ${MAX_BYTES}-byte limit`);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, json);
  console.log(`Wrote ${path.relative(root, OUT)} (${(Buffer.byteLength(json) / 1024).toFixed(1)} KB, ${samples.length} samples).`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}

module.exports = { sampleToJson, SAMPLES };
