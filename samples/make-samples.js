#!/usr/bin/env node
// Builds the sample trackers in samples/ from the readable data in samples/data/*.json.
//
//   node samples/make-samples.js [output folder]     (default: samples/ itself)
//
// Each data file describes one workbook, row by row, in the shape the council's own tracker has
// (title rows, section headings, header rows, records). Records carry the status worked out by hand
// from docs RULES §3–§7 (`expect`); the script writes those, with the row numbers it assigned, to
// samples/<name>.expected.json so the engine can be checked against them.
//
// Row kinds in the data:
//   {title} {subtitle} {note}    one text cell, merged across the sheet (notes are not merged)
//   {blank}                      an empty row
//   {section}                    a section heading: one text cell, the priority/theme for the rows below
//   {header, kind, repeat?, table?}  a header row; `kind` is indicator|activity; `table` makes an Excel table
//   {cells, ref?, expect}        a record row
// Cell values: text, number, null, or {v, fmt, fill, font, span}, {pct, fmt}, {date, fmt}.
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const HERE = __dirname;
const FONT = "Arial"; // named explicitly: LibreOffice falls back to a serif font for unnamed bold text
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1)); // stable document properties between runs
const GREY = "FFB1B4B6";
const thin = { style: "thin", color: { argb: GREY } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

const argb = (hex) => "FF" + hex.replace("#", "").toUpperCase();

/** A data cell → { value, numFmt, fill, font, span }. */
function resolveCell(c) {
  if (c === null || c === undefined) return { value: null };
  if (typeof c !== "object") return { value: c };
  if ("pct" in c) return { value: c.pct, numFmt: c.fmt || "0.0%" };
  if ("date" in c) {
    const [y, m, d] = c.date.split("-").map(Number);
    return { value: new Date(Date.UTC(y, m - 1, d)), numFmt: c.fmt || "mmm-yyyy" };
  }
  return { value: c.v === undefined ? null : c.v, numFmt: c.fmt, fill: c.fill, font: c.font, span: c.span };
}

function styleRecordCell(cell, r) {
  cell.font = { name: FONT, size: 10, ...(r.font ? { color: { argb: argb(r.font) } } : {}) };
  cell.alignment = { wrapText: true, vertical: "top" };
  cell.border = BORDER;
  if (r.numFmt) cell.numFmt = r.numFmt;
  if (r.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(r.fill) } };
}

function styleHeaderCell(cell) {
  cell.font = { name: FONT, size: 10, bold: true };
  cell.alignment = { wrapText: true, vertical: "middle" };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDEE0E2" } };
  cell.border = BORDER;
}

/** The ref of a record: given in the data, or the text under the header "Ref"/"Ref.". */
function refOf(item, header) {
  if (item.ref !== undefined) return item.ref;
  const i = header.findIndex((h) => /^ref\.?$/i.test(h));
  const v = i >= 0 ? resolveCell(item.cells[i]).value : "";
  return v === null ? "" : String(v);
}

function buildSheet(wb, sheetData, expected) {
  const ws = wb.addWorksheet(sheetData.name);
  const width = Math.max(...sheetData.rows.filter((r) => r.header).map((r) => r.header.length));
  (sheetData.widths || []).forEach((w, i) => (ws.getColumn(i + 1).width = w));

  let header = [];
  let kind = "indicator";
  const rows = sheetData.rows;
  for (let i = 0, rowNo = 1; i < rows.length; i++, rowNo++) {
    const item = rows[i];
    const row = ws.getRow(rowNo);
    if (item.blank) continue;
    if (item.title || item.subtitle || item.note) {
      const cell = row.getCell(1);
      cell.value = item.title || item.subtitle || item.note;
      cell.font = { name: FONT, size: item.title ? 14 : 11, bold: !item.note, italic: !!item.note };
      if (!item.note) ws.mergeCells(rowNo, 1, rowNo, width);
      continue;
    }
    if (item.section) {
      const cell = row.getCell(1);
      cell.value = item.section;
      cell.font = { name: FONT, size: 11, bold: true, color: { argb: "FF1D70B8" } };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF4FA" } };
      ws.mergeCells(rowNo, 1, rowNo, width);
      continue;
    }
    if (item.header) {
      header = item.header;
      kind = item.kind;
      if (item.table) {
        // An Excel table (ListObject): header plus the record rows that follow it.
        const body = [];
        while (rows[i + 1] && rows[i + 1].cells) body.push(rows[++i]);
        ws.addTable({
          name: item.table,
          ref: `A${rowNo}`,
          headerRow: true,
          style: { theme: "TableStyleLight9", showRowStripes: true },
          columns: header.map((name) => ({ name })),
          rows: body.map((b) => b.cells.map((c) => resolveCell(c).value)),
        });
        header.forEach((_, c) => styleHeaderCell(row.getCell(c + 1)));
        body.forEach((b, k) => {
          const r = ws.getRow(rowNo + 1 + k);
          b.cells.forEach((c, col) => styleRecordCell(r.getCell(col + 1), resolveCell(c)));
          expected.push(record(sheetData.name, rowNo + 1 + k, kind, b, header));
        });
        rowNo += body.length;
        continue;
      }
      header.forEach((h, c) => {
        const cell = row.getCell(c + 1);
        cell.value = h;
        styleHeaderCell(cell);
      });
      continue;
    }
    if (item.cells) {
      item.cells.forEach((c, col) => {
        const r = resolveCell(c);
        const cell = row.getCell(col + 1);
        if (r.value !== null) cell.value = r.value;
        styleRecordCell(cell, r);
        if (r.span && r.span > 1) ws.mergeCells(rowNo, col + 1, rowNo, col + r.span);
      });
      expected.push(record(sheetData.name, rowNo, kind, item, header));
      continue;
    }
    throw new Error(`${sheetData.name}: row ${rowNo} has no known kind: ${JSON.stringify(item).slice(0, 80)}`);
  }
  return ws;
}

function record(sheet, row, kind, item, header) {
  if (!item.expect || !item.expect.status) throw new Error(`${sheet} row ${row}: a record needs expect.status`);
  const out = { sheet, row, kind, ref: refOf(item, header), status: item.expect.status };
  if (item.expect.check !== undefined) out.check = item.expect.check;
  if (item.expect.trend !== undefined) out.trend = item.expect.trend;
  out.why = item.expect.why;
  return out;
}

function counts(records) {
  const out = { indicator: {}, activity: {} };
  for (const r of records) out[r.kind][r.status] = (out[r.kind][r.status] || 0) + 1;
  return out;
}

async function build(dataFile, outDir) {
  const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
  const wb = new ExcelJS.Workbook();
  wb.creator = "RAG Scorecard samples";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const records = [];
  for (const sheet of data.sheets) buildSheet(wb, sheet, records);
  const xlsxPath = path.join(outDir, data.file);
  await wb.xlsx.writeFile(xlsxPath);

  const expected = {
    sample: data.file,
    preset: data.preset,
    reportDate: data.reportDate,
    period: data.period,
    about: data.about,
    method:
      "Statuses worked out by hand from RULES.md sections 3-7 with the preset's defaults (tolerance 5% relative, 30-day warning window, trend band 1%), not from the engine. `row` is the 1-based sheet row; `check` is whether a status check (manual vs computed) is expected; `trend` is given only where the series is unambiguous.",
    counts: counts(records),
    records,
  };
  const expectedPath = path.join(outDir, data.file.replace(/\.xlsx$/, ".expected.json"));
  fs.writeFileSync(expectedPath, JSON.stringify(expected, null, 2) + "\n");
  return { xlsxPath, expectedPath, records: records.length };
}

async function main() {
  const outDir = path.resolve(process.argv[2] || HERE);
  fs.mkdirSync(outDir, { recursive: true });
  const dir = path.join(HERE, "data");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  for (const f of files) {
    const r = await build(path.join(dir, f), outDir);
    console.log(`${path.relative(process.cwd(), r.xlsxPath)}: ${r.records} records; ${path.relative(process.cwd(), r.expectedPath)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
