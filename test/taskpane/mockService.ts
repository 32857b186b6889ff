// A jest.fn-based ScorecardService answering with a realistic pane state (RAG preset, two trackers).
import { PRESETS } from "../../src/engine/scheme/presets";
import type { Problem } from "../../src/engine/vocab/types";
import type { ActionResult, DetectedTable, PaneSettings, PaneState, ScorecardService } from "../../src/taskpane/service";

export const TABLES: DetectedTable[] = [
  {
    sheet: "KPIs",
    kind: "indicator",
    headerRow: 4,
    rows: 12,
    columns: [
      { column: "A", header: "Ref", role: "ref" },
      { column: "B", header: "Indicator", role: "name" },
      { column: "C", header: "Annual target 2010/11", role: "annualTarget" },
      { column: "D", header: "Q3 Actual", role: "actual" },
      { column: "E", header: "Polarity", role: "polarity" },
      { column: "F", header: "Status", role: "manual" },
      { column: "G", header: "Responsible officer", role: "ignore" },
    ],
  },
  {
    sheet: "Action plan",
    kind: "activity",
    headerRow: 2,
    rows: 8,
    columns: [
      { column: "A", header: "Action", role: "refAndName" },
      { column: "B", header: "Due date", role: "due" },
      { column: "C", header: "% complete", role: "progress" },
      { column: "D", header: "RAG", role: "manual" },
      { column: "E", header: "Update", role: "comment" },
    ],
  },
];

export const PROBLEMS: Problem[] = [
  { sheet: "KPIs", cell: "D7", message: "The actual “tbc” is not a number, so the indicator has no data.", severity: "warning" },
  { sheet: "KPIs", cell: "C9", message: "The target #DIV/0! is an Excel error.", severity: "error" },
];

export function paneState(overrides: Partial<PaneState> = {}): PaneState {
  return {
    settings: { preset: "rag", period: "Q3 2010/11", reportDate: "2011-01-31", columnOverrides: [] },
    scheme: PRESETS.rag,
    presets: Object.values(PRESETS).map((s) => ({ key: s.key, name: s.name })),
    tables: TABLES,
    problems: PROBLEMS,
    counts: {
      indicator: { green: 7, amber: 3, red: 2 },
      activity: { completed: 2, ontrack: 4, overdue: 1, nodata: 1 },
    },
    ...overrides,
  };
}

export type MockService = { [K in keyof ScorecardService]: jest.Mock };

export function mockService(state: PaneState = paneState()): MockService & ScorecardService {
  const result = (message: string): ActionResult => ({ message, state });
  return {
    detect: jest.fn(async (settings?: PaneSettings) => (settings ? { ...state, settings } : state)),
    applyColours: jest.fn(async () => result("Coloured 20 rows on 2 sheets.")),
    buildSummary: jest.fn(async () => result("Built the summary sheet “Performance Q3 2010/11”.")),
    removeColours: jest.fn(async () => result("Removed colours from 2 sheets.")),
    selectCell: jest.fn(async () => undefined),
    saveSettings: jest.fn(async () => undefined),
  };
}
