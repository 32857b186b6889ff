// The pane's ScorecardService over the Office.js host (src/excel). It is given `run`: Excel.run inside
// Excel, the fake workbook's run in the browser preview and in tests, so all three share this code.
import { colToLetters } from "../engine/vocab/address";
import { PRESETS, PRESET_KEYS } from "../engine/scheme/presets";
import { describeAssumptions, type ScorecardRun } from "../engine/scorecard";
import type { TableSpec } from "../engine/vocab/types";
import type { RatedRecord } from "../engine/rate/workbook";
import {
  applyColoursCommand,
  buildSummaryCommand,
  detectScorecard,
  removeColoursCommand,
  saveSettingsCommand,
  selectCell,
} from "../excel";
import type { CommandSettings, ExcelRun } from "../excel";
import type { DetectedTable, PaneSettings, PaneState, Progress, ScorecardService } from "./service";

export interface ExcelServiceOptions {
  /** Today's ISO date: the last resort for the report date (the engine reads no clock). */
  today?: () => string;
}

/** The local calendar date as YYYY-MM-DD: a report written on 1 April is dated 1 April, whatever the time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function toCommandSettings(settings: PaneSettings | undefined): CommandSettings {
  if (!settings) return {};
  return {
    preset: settings.preset,
    period: settings.period,
    reportDate: settings.reportDate,
    committee: settings.committee,
    columnOverrides: settings.columnOverrides,
  };
}

/** Records read from a table: repeated header rows, section headings and blanks inside it are not counted. */
function recordsIn(table: TableSpec, rated: RatedRecord[]): number {
  let n = 0;
  for (const { record } of rated) {
    const row = record.row - 1;
    if (record.sheet === table.sheet && record.kind === table.kind && row >= table.firstRow && row <= table.lastRow) n++;
  }
  return n;
}

function detectedTable(table: TableSpec, rated: RatedRecord[]): DetectedTable {
  return {
    sheet: table.sheet,
    kind: table.kind,
    headerRow: table.headerRow + 1,
    rows: recordsIn(table, rated),
    columns: table.columns.map((c) => ({ column: colToLetters(c.col), header: c.header, role: c.role })),
  };
}

/** What the pane shows for one run of the engine. */
export function toPaneState(run: ScorecardRun): PaneState {
  const s = run.settings;
  const settings: PaneSettings = { preset: s.preset ?? run.scheme.key, columnOverrides: s.columnOverrides ?? [] };
  if (s.period) settings.period = s.period;
  if (s.reportDate) settings.reportDate = s.reportDate;
  if (s.committee) settings.committee = s.committee;
  return {
    settings,
    scheme: run.scheme,
    presets: PRESET_KEYS.map((key) => ({ key, name: PRESETS[key].name })),
    tables: run.result.tables.map((t) => detectedTable(t, run.result.rated)),
    problems: run.result.problems,
    counts: run.result.counts,
    assumptions: describeAssumptions(run),
  };
}

export function createExcelService(run: ExcelRun, options: ExcelServiceOptions = {}): ScorecardService {
  const today = options.today ?? (() => localToday());
  // Remove colours answers with fresh state for the settings last shown, not the workbook's saved ones.
  let last: PaneSettings | undefined;
  const detect = async (settings?: PaneSettings): Promise<PaneState> => {
    const state = toPaneState(await detectScorecard(run, toCommandSettings(settings), today()));
    last = settings ?? state.settings;
    return state;
  };

  return {
    detect,
    async applyColours(settings: PaneSettings, progress?: Progress) {
      const result = await applyColoursCommand(run, toCommandSettings(settings), today(), progress);
      last = settings;
      return { message: result.message, undo: result.undo, state: toPaneState(result.run) };
    },
    async buildSummary(settings: PaneSettings, progress?: Progress) {
      const result = await buildSummaryCommand(run, toCommandSettings(settings), today(), progress);
      last = settings;
      return { message: result.message, undo: result.undo, state: toPaneState(result.run) };
    },
    async removeColours(progress?: Progress) {
      const result = await removeColoursCommand(run, progress);
      return { message: result.message, undo: result.undo, state: await detect(last) };
    },
    selectCell: (sheet: string, cell: string) => selectCell(run, sheet, cell),
    saveSettings: (settings: PaneSettings) => saveSettingsCommand(run, toCommandSettings(settings), today()),
  };
}
