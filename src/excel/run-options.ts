// How every Excel.run is started, and what Excel's own Undo can do afterwards.
// - delayForCellEdit: a click while someone is typing in a cell waits until they finish, instead of failing.
// - mergeUndoGroup (ExcelApi 1.20, feature-detected): every sync of one run is a single Undo step, so
//   Ctrl+Z takes back Apply colours at once. Older Excel makes one Undo step per sync.
import type { ExcelRun, XlRequestContext, XlRunOptions } from "./api";

export type RunKind = "read" | "apply" | "summary" | "remove" | "save";

/** Whether this Excel merges a run's syncs into one Undo step. */
export function mergesUndo(run: ExcelRun): boolean {
  try {
    return run.isSetSupported?.("ExcelApi", "1.20") === true;
  } catch {
    return false;
  }
}

export function runOptions(run: ExcelRun, kind: RunKind): XlRunOptions {
  return kind !== "read" && mergesUndo(run) ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true };
}

/** Excel.run with the options for this kind of work. */
export function runAs<T>(run: ExcelRun, kind: RunKind, batch: (context: XlRequestContext) => Promise<T>): Promise<T> {
  return run(runOptions(run, kind), batch);
}

export type UndoCommand = "apply" | "summary" | "remove";

/**
 * One sentence for the pane: what Excel's Undo (Ctrl+Z) does after each command. Build summary replaces
 * sheets, which Excel may not undo, so Undo is not promised for it until real Excel confirms it
 * (docs/manual-test.md); Remove colours works on every version.
 */
export function undoSentence(run: ExcelRun, command: UndoCommand): string {
  const merged = mergesUndo(run);
  if (command === "apply") {
    return merged
      ? "Undo (Ctrl+Z) takes the colours off again in one step; Remove colours does the same at any time."
      : "In this version of Excel, Undo may take several steps; Remove colours takes the colours off at any time.";
  }
  if (command === "summary") {
    return "Excel may not be able to undo building the summary, as it replaces sheets: Remove colours takes the colours off the trackers, and you can delete the summary sheet yourself.";
  }
  return merged ? "Undo (Ctrl+Z) puts the colours back in one step, or run Apply colours again." : "To put the colours back, run Apply colours again.";
}
