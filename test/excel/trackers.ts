// Realistic workbooks for the command tests: a generated tracker of any size, and the samples as the fake holds them.
import { rangeAddress } from "../../src/excel/a1";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";
import type { FakeSheetInit, FakeWorkbookInit } from "../../src/fake-excel";

export const SETTINGS = { preset: "rag", period: "Q4 2021/22", reportDate: "2022-04-30" };
export const TODAY = "2022-05-03";

const NAMES = [
  "Percentage of household waste sent for reuse, recycling and composting",
  "Average days to re-let council homes",
  "Number of households in temporary accommodation",
  "Percentage of major planning applications decided in time",
  "Residual household waste per household (kg)",
  "Percentage of rent collected",
];
const RAG_FILL: Record<string, string> = { G: "#00B050", A: "#FFC000", R: "#FF0000" };

export interface TrackerOptions {
  /** Officers coloured every Status cell by hand (so the column is not uniformly formatted). */
  handColoured?: boolean;
  activities?: number;
}

/**
 * An officer's tracker: sheet "Indicators" (title, header on row 3: Ref, Indicator, Polarity, Target,
 * Q1–Q4, Status, Comment; `rows` indicators) and sheet "Activities" (Ref, Activity, Status, Progress,
 * Due date, Lead officer, Update). Header rows are bold on a blue fill; the Status column is
 * uniformly plain unless hand-coloured.
 */
export function generatedTracker(rows: number, opts: TrackerOptions = {}): FakeWorkbookInit {
  const header = ["Ref", "Indicator", "Polarity", "Target", "Q1", "Q2", "Q3", "Q4", "Status", "Comment"];
  const values: CellValue[][] = [["Housing and Environment: performance indicators 2021/22"], [], header];
  const formats: FakeSheetInit["formats"] = [
    { address: "A1", format: { bold: true, fontSize: 14 } },
    { address: "A3:J3", format: { bold: true, fill: "#D9E1F2" } },
  ];
  for (let i = 0; i < rows; i++) {
    const higher = i % 3 !== 1;
    const target = 50 + (i % 40);
    const q = [0.9, 0.95, 1.02, 0.9 + (i % 7) * 0.03].map((f) => Math.round(target * f * 10) / 10);
    // The officer's rating mostly agrees with the figures (RAG: 5% tolerance); one row in fifty does not.
    const short = higher ? (target - q[3]) / target : (q[3] - target) / target;
    const rated = short <= 0 ? "G" : short <= 0.05 ? "A" : "R";
    const status = i % 50 === 7 ? (rated === "G" ? "R" : "G") : rated;
    values.push([`HE ${i + 1}`, NAMES[i % NAMES.length], higher ? "Higher is better" : "Lower is better", target, q[0], q[1], q[2], q[3], status, i % 4 === 0 ? "Recovery plan agreed with the portfolio holder" : null]);
    if (opts.handColoured) formats.push({ address: `I${i + 4}`, format: { fill: RAG_FILL[status], fontColor: status === "A" ? "#000000" : "#FFFFFF" } });
  }
  const acts = opts.activities ?? Math.max(3, Math.floor(rows / 10));
  const activity: CellValue[][] = [["Ref", "Activity", "Status", "Progress", "Due date", "Lead officer", "Update"]];
  for (let i = 0; i < acts; i++) {
    const due = new Date(Date.UTC(2022, i % 12, 1 + (i % 28)));
    activity.push([`ACT ${i + 1}`, `Deliver the ${NAMES[i % NAMES.length].toLowerCase()} improvement plan`, ["On track", "Completed", "Overdue", "At risk"][i % 4], (i % 10) / 10, due, "J. Smith", i % 3 === 0 ? "Consultation closed; report to Cabinet in June" : null]);
  }
  return {
    sheets: [
      { name: "Indicators", values, formats },
      { name: "Activities", values: activity, formats: [{ address: "A1:G1", format: { bold: true, fill: "#D9E1F2" } }], numberFormats: [[], ...activity.slice(1).map(() => [null, null, null, "0%", "dd/mm/yyyy"])] },
      { name: "Notes", values: [["Figures are provisional until audited."]] },
    ],
  };
}

/** SheetGrids (as the file host reads a workbook) as the fake's starting workbook. */
export function gridsToInit(grids: SheetGrid[]): FakeWorkbookInit {
  return {
    sheets: grids.map((g) => ({
      name: g.name,
      values: g.values,
      origin: g.origin,
      numberFormats: g.numberFormats?.map((line) => line.map((nf) => (nf === "General" ? null : nf))),
      tables: g.tables?.map((t) => ({ name: t.name, address: rangeAddress(t.range) })),
      merges: g.merges?.map(rangeAddress),
    })),
  };
}
