// The first request of every command: which sheets exist (hidden ones too), which are protected,
// and the workbook's Excel tables. Everything a command refuses to do is decided from these facts,
// before any write. Sheet names come back here, so nothing can be read by name before this sync.
import type { XlRequestContext, XlTableCollection } from "./api";
import type { ReadHint } from "./hint";
import { queueHint } from "./hint";
import { STATE_SHEET } from "./state";
import { sameSheetName } from "../engine/sheets/ownership";

export interface SheetFacts {
  name: string;
  position: number;
  protected: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** "#RRGGBB", "" for automatic, or null: Office.js gives no tab colour for a hidden sheet. */
  tabColor: string | null;
}

export interface WorkbookFacts {
  sheets: SheetFacts[];
  workbookProtected: boolean;
  /** Excel tables with the sheet each is on; `index` is its place in `tableItems`. */
  tables: { name: string; sheet: string; index: number; totalsRows: number }[];
  /** The loaded table collection: its items' ranges are read in the next request. */
  tableItems: XlTableCollection;
  /**
   * Our record sheet, when an earlier run (or the command line) left one: known after the read
   * (read.ts), which checks its mark (src/engine/sheets/ownership.ts); never a user's sheet of the same name.
   */
  state?: SheetFacts;
  /** Where our record goes: the record sheet's name, else a name no user's sheet has. */
  stateName: string;
  /** Whether the record sheet carries our mark (one made before marks gets it on the next write). */
  stateMarked: boolean;
  /** Sheet sizes when last read (hint.ts). */
  hint: ReadHint;
  /**
   * The workbook counts dates from 1904 (Excel for Mac's old default): its date serials are 1,462 days lower
   * than the engine's 1900 count, and are moved to it as they are read (values.ts). Office.js names no date
   * system, so Excel is asked YEAR(1): 1904 in such a workbook, 1900 otherwise.
   */
  date1904: boolean;
}

export function queueFacts(context: XlRequestContext): () => WorkbookFacts {
  const sheets = context.workbook.worksheets.load("items/name,items/position,items/visibility,items/tabColor,items/protection/protected");
  const wbProtection = context.workbook.protection.load("protected");
  const tables = context.workbook.tables.load("items/name,items/showTotals,items/worksheet/name");
  const hint = queueHint(context);
  const epoch = context.workbook.functions.year(1).load("value,error");
  return () => {
    const list: SheetFacts[] = sheets.items.map((s) => ({
      name: s.name,
      position: s.position,
      protected: s.protection.protected,
      visibility: s.visibility as SheetFacts["visibility"],
      // Typed string, but documented null for an invisible sheet.
      tabColor: (s.tabColor as string | null) ?? null,
    }));
    return {
      sheets: list,
      workbookProtected: wbProtection.protected,
      tables: tables.items.map((t, index) => ({ name: t.name, sheet: t.worksheet.name, index, totalsRows: t.showTotals ? 1 : 0 })),
      tableItems: tables,
      state: undefined,
      stateName: STATE_SHEET,
      stateMarked: false,
      hint: hint(),
      date1904: !epoch.error && epoch.value === 1904,
    };
  };
}

/** Excel compares sheet names without regard to case: the engine's rule, shared with the file host. */
export const same = sameSheetName;

/** Sheet names are case-insensitive in Excel. */
export function findSheet(facts: WorkbookFacts, name: string): SheetFacts | undefined {
  return facts.sheets.find((s) => same(s.name, name));
}
