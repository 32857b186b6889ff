// What the task pane asks of its host. Components get a ScorecardService as a prop and never call Office.js:
// in Excel it is backed by src/excel; in the browser preview by the same host code on an in-page workbook.
import type { ColumnOverride } from "../engine/rate/workbook";
import type { Problem, RecordKind, Role, Scheme } from "../engine/vocab/types";
import type { RuntimeView } from "../runtime/runtime";

export interface DetectedColumn {
  /** Column letter on the sheet, e.g. "D". */
  column: string;
  header: string;
  role: Role;
}

export interface DetectedTable {
  sheet: string;
  kind: RecordKind;
  /** 1-based sheet row of the header. */
  headerRow: number;
  rows: number;
  columns: DetectedColumn[];
}

/** The choices a user makes in the pane; saved to the workbook's Scorecard Rules sheet. */
export interface PaneSettings {
  preset: string;
  period?: string;
  /** ISO date YYYY-MM-DD. */
  reportDate?: string;
  committee?: string;
  columnOverrides: ColumnOverride[];
}

export interface PaneState {
  settings: PaneSettings;
  scheme: Scheme;
  presets: { key: string; name: string }[];
  tables: DetectedTable[];
  problems: Problem[];
  counts: Record<RecordKind, Record<string, number>>;
  /** What the run assumed for the period and report date, and where it found them (RULES §10). */
  assumptions?: string;
}

export interface ActionResult {
  /** One plain sentence for the user, e.g. "Coloured 42 rows on 2 sheets." */
  message: string;
  /** What Excel's Undo (Ctrl+Z) does after this action, in one sentence. */
  undo?: string;
  state: PaneState;
}

export type Progress = (fraction: number, step: string) => void;

export interface ScorecardService {
  /** Reads the workbook, finds tables and rates them; writes nothing. */
  detect(settings?: PaneSettings): Promise<PaneState>;
  applyColours(settings: PaneSettings, progress?: Progress): Promise<ActionResult>;
  buildSummary(settings: PaneSettings, progress?: Progress): Promise<ActionResult>;
  removeColours(progress?: Progress): Promise<ActionResult>;
  /**
   * Selects a cell so the user sees the problem it names. Resolves with one sentence to show instead
   * when it cannot be shown (its sheet is hidden, or gone); with nothing when it was selected.
   */
  selectCell(sheet: string, cell: string): Promise<string | void>;
  /** Writes the settings to the Scorecard Rules sheet without colouring anything. */
  saveSettings(settings: PaneSettings): Promise<void>;
}

/**
 * Live colours, as the pane sees them: the add-in's runtime (src/runtime) inside Excel. Absent in the
 * browser preview and tests that do not give one; the pane then shows no live section.
 */
export interface LiveControl {
  readonly store: { get(): LiveView; subscribe(listener: () => void): () => void };
  /** Resolves with one sentence saying what happened; rejects with one saying why not. */
  setLiveColours(on: boolean): Promise<string>;
  setRatingHelp(on: boolean): Promise<string>;
}

export type LiveView = RuntimeView;
