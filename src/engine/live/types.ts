// Live colours (issue 13): the contract between the incremental engine (src/engine/live) and the
// Office.js host's listener (src/excel/live). The engine stays pure: the host hands it the changed
// cells, it returns the writes for those rows only.
import type { SheetPlan } from "../vocab/plan";
import type { CellRange, CellValue, Problem, RecordKind } from "../vocab/types";

/** One cell as it now is, in zero-based sheet coordinates. */
export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  numberFormat?: string;
}

/** A structural change the host saw (row/column inserted or deleted, sheet added, deleted or renamed). */
export interface StructureChange {
  sheet: string;
  kind: "rowsInserted" | "rowsDeleted" | "columnsInserted" | "columnsDeleted" | "sheetAdded" | "sheetDeleted" | "sheetRenamed";
  /** The rows or columns affected, where known. */
  range?: CellRange;
}

/** What the host must do after a burst of edits. */
export type LiveUpdate =
  /** The edits touch no tracker record, header or period title: nothing to write. */
  | { kind: "none" }
  /**
   * Only records changed: `plans` are edit plans covering the changed rows' status cells and owned
   * column only (values and formats), `coloured` the cells newly given a colour (their formats must be
   * saved before writing, so Remove colours restores them).
   */
  | {
      kind: "records";
      plans: SheetPlan[];
      coloured: { sheet: string; ranges: CellRange[] }[];
      counts: Record<RecordKind, Record<string, number>>;
      /** The whole current problem list, the edits' new problems included. */
      problems: Problem[];
      /** Records re-rated, as "Sheet!row" (1-based rows). */
      rerated: string[];
      /**
       * Cells of ours that a full Apply would now leave alone (a row that stopped being a record, a rating
       * typed away from the officer's cell, a check resolved): before writing `plans`, the host puts their
       * saved formats back and clears any value of ours there, as Remove colours does for them. Absent when none.
       */
      cleared?: { sheet: string; ranges: CellRange[] }[];
    }
  /** A header, a period title or the structure changed: the host re-runs a full Apply colours. */
  | { kind: "rescan"; reason: "header" | "period" | "structure" | "rules" };
