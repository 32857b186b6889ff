// What the add-in remembers inside the workbook, shared with the command line (src/xlsx/ownership.ts):
// a very hidden sheet "RagScorecardState".
//   A1      {"version":1,"owned":[{"sheet":"Summary (2)","plan":"Summary"}]}  (the file host writes A1, and A2 on only to add the cells of ours it wrote)
//   A2, A3… the formats Apply colours replaced, one JSON text cut into pieces under Excel's 32,767 characters a cell.
// Why a sheet and not workbook.settings: a sheet travels with the file to every host (the command line
// reads it with ExcelJS), has no size cap (settings are limited to about 2 MB altogether), and the user
// cannot unhide a very hidden sheet from Excel's menus by accident.
import { markFormula, OWNER_MARK, STATE_SHEET } from "../engine/sheets/ownership";
import type { XlRequestContext, XlWorksheet } from "./api";
import type { WorkbookFacts } from "./facts";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD, utf8Bytes } from "./chunk";
import type { SheetMemory } from "./saved";
import { encodeSaved, parseJson, pieces, readRecordColumn, savedFromColumn } from "./saved";

export { STATE_SHEET };

/** Where the record is written: the record sheet found (marked or not), or a new very hidden one. */
export interface StatePlace {
  name: string;
  exists: boolean;
  marked: boolean;
  /** Found not very hidden (LibreOffice saves it hidden, Gnumeric visible): made very hidden again. */
  shown?: boolean;
}

export function statePlace(facts: WorkbookFacts): StatePlace {
  return { name: facts.state?.name ?? facts.stateName, exists: !!facts.state, marked: facts.stateMarked, ...(facts.state && facts.state.visibility !== "VeryHidden" ? { shown: true } : {}) };
}

/** Our hidden mark on a sheet we make: a sheet-scoped name naming its plan, which follows the sheet if renamed. */
export function queueMark(ws: XlWorksheet, plan: string): void {
  ws.names.add(OWNER_MARK, `=${markFormula(plan)}`).visible = false;
}
export interface OwnedSheet {
  /** The sheet we made. */
  sheet: string;
  /** The sheet name the plan asked for (they differ when a user already had a sheet of that name). */
  plan: string;
}

export interface StateRecord {
  /** Sheets the record lists that carry our mark for the same plan: only these are replaced or deleted. */
  owned: OwnedSheet[];
  /** Sheets never read as trackers: ours by their mark, or listed by a well-formed record. */
  notTrackers: string[];
  /** What was not trusted, one line each. */
  notes: string[];
  saved: Record<string, SheetMemory>;
  /** Cells used in column A (A1 included), so a shorter record clears what is left below. */
  rows: number;
}

export const EMPTY_STATE: StateRecord = Object.freeze({ owned: [], notTrackers: [], notes: [], saved: {}, rows: 0 }) as StateRecord;

export function parseOwned(a1: unknown): OwnedSheet[] {
  const parsed = parseJson(a1) as { owned?: unknown } | undefined;
  if (!parsed || !Array.isArray(parsed.owned)) return [];
  return parsed.owned.filter(
    (o): o is OwnedSheet => typeof o === "object" && o !== null && typeof (o as OwnedSheet).sheet === "string" && typeof (o as OwnedSheet).plan === "string",
  );
}

/** Column A of the state sheet, from its used range as read (values with the range's top-left at `origin`). */
export function parseState(values: unknown[][], origin: { row: number; col: number }): StateRecord {
  const { column, rows } = readRecordColumn(values, origin);
  return { owned: parseOwned(column[0]), notTrackers: [], notes: [], saved: savedFromColumn(column), rows };
}

/** The cells of column A for a record. */
export function stateCells(owned: OwnedSheet[], saved: Record<string, SheetMemory>): string[] {
  const record = JSON.stringify({ version: 1, owned });
  const json = encodeSaved(saved);
  return [record, ...(json ? pieces(json) : [])];
}

/**
 * Queue writing the record: the sheet is added (very hidden) when missing, column A is written as
 * text ("@" first, so no piece can become a number or formula) and older, longer records are cleared.
 */
export async function queueStateWrite(batcher: Batcher, context: XlRequestContext, place: StatePlace, previousRows: number, cells: string[]): Promise<void> {
  await queueStateSheet(batcher, context, place);
  await queueStateCells(batcher, context, place, previousRows, cells);
}

/** The record sheet, added (very hidden, marked) when the workbook has none: the backups are copied into it. */
export async function queueStateSheet(batcher: Batcher, context: XlRequestContext, place: StatePlace): Promise<void> {
  const sheets = context.workbook.worksheets;
  await batcher.add(OP_OVERHEAD * 5, () => {
    const ws = place.exists ? sheets.getItem(place.name) : sheets.add(place.name);
    if (!place.exists || place.shown) ws.visibility = "VeryHidden";
    if (!place.exists || !place.marked) queueMark(ws, STATE_SHEET);
    // LibreOffice and Gnumeric keep the mark but not its hiddenness: out of the Name Manager again.
    else if (place.shown) ws.names.getItemOrNullObject(OWNER_MARK).visible = false;
  });
}

/** The record itself, in column A of the record sheet (queued after queueStateSheet). */
export async function queueStateCells(batcher: Batcher, context: XlRequestContext, place: StatePlace, previousRows: number, cells: string[]): Promise<void> {
  // Fetched inside each queued step: the sheet may only be added by queueStateSheet's step.
  const ws = () => context.workbook.worksheets.getItem(place.name);
  for (let i = 0; i < cells.length; i++) {
    await batcher.add(OP_OVERHEAD * 2 + utf8Bytes(cells[i]) + 8, () => {
      const cell = ws().getRangeByIndexes(i, 0, 1, 1);
      cell.numberFormat = [["@"]];
      cell.values = [[cells[i]]];
    });
  }
  if (previousRows > cells.length) {
    await batcher.add(OP_OVERHEAD, () => ws().getRangeByIndexes(cells.length, 0, previousRows - cells.length, 1).clear("Contents"));
  }
}
