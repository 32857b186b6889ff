#!/usr/bin/env node
// Writes a tracker with ExcelJS (the project's devDependency, 4.4.0) whose helper column G is a shared
// formula filled down G4:G20, as Excel itself saves a filled-down column: the master formula in G4, the
// other cells naming it (helper-79). Its results are "" this quarter, so G reads as empty; overwriting
// G4 once left G12:G20 naming a master that was gone, which Excel repairs by dropping them.
//
//   exceljs-shared-formulas.xlsx
//
// Usage: node scripts/writers/make-exceljs.js <output folder>
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");

const OUT = process.argv[2] || ".";
const ROWS = [
  ["KPI 1", "Percentage of rent collected", "High is good", 0.97, 0.982, "Ahead of profile"],
  ["KPI 2", "Average days to re-let council homes", "Low is good", 30, 41, "Voids backlog after storm damage"],
  ["KPI 3", "Percentage of household waste recycled", "High is good", 0.5, 0.489, "Seasonal dip"],
  ["KPI 4", "Households in temporary accommodation", "Low is good", 120, 118, null],
  ["KPI 5", "Complaints answered within 10 days (%)", "High is good", 0.9, 0.8, "Staff vacancies"],
];

(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicators");
  ws.getCell("A1").value = "Performance Report Quarter 3 (October - December 2024)";
  ws.getRow(3).values = ["Ref", "Indicator", "Polarity", "Target", "Actual", "Commentary"];
  ROWS.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    r.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v;
    });
  });
  ws.getCell("G4").value = { formula: 'IF(B4="","Name missing","")', result: "" };
  for (let r = 5; r <= 20; r++) ws.getCell(`G${r}`).value = { sharedFormula: "G4", result: "" };
  ws.getColumn(2).width = 40;
  await wb.xlsx.writeFile(path.join(OUT, "exceljs-shared-formulas.xlsx"));
  console.log(`Wrote exceljs-shared-formulas.xlsx to ${OUT}`);
})();
