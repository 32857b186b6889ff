// The first request of every write command: which sheets exist, which are protected,
// and what the add-in remembered. Everything is checked from these facts before any write.
import type { XlRequestContext } from "./api";
import type { SheetMemory } from "./saved";
import { decodeSaved } from "./saved";
import { OWNED_SHEETS_KEY, parseOwnedSheets, queueSetting, SAVED_FORMATS_KEY } from "./settings";

export interface SheetFacts {
  name: string;
  position: number;
  protected: boolean;
}

export interface WorkbookFacts {
  sheets: SheetFacts[];
  workbookProtected: boolean;
  /** Names of sheets the add-in created, that still exist. */
  owned: string[];
  /** Formats and cells saved by earlier runs, per sheet name. */
  saved: Record<string, SheetMemory>;
}

export function queueFacts(context: XlRequestContext): () => WorkbookFacts {
  const sheets = context.workbook.worksheets.load("items/name,items/position,items/protection/protected");
  const wbProtection = context.workbook.protection.load("protected");
  const owned = queueSetting(context, OWNED_SHEETS_KEY);
  const saved = queueSetting(context, SAVED_FORMATS_KEY);
  return () => {
    const list = sheets.items.map((s) => ({ name: s.name, position: s.position, protected: s.protection.protected }));
    const names = new Set(list.map((s) => s.name.toLowerCase()));
    return {
      sheets: list,
      workbookProtected: wbProtection.protected,
      owned: parseOwnedSheets(owned()).filter((n) => names.has(n.toLowerCase())),
      saved: decodeSaved(saved()),
    };
  };
}

/** Sheet names are case-insensitive in Excel. */
export function findSheet(facts: WorkbookFacts, name: string): SheetFacts | undefined {
  const lower = name.toLowerCase();
  return facts.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function isOwned(facts: WorkbookFacts, name: string): boolean {
  const lower = name.toLowerCase();
  return facts.owned.some((n) => n.toLowerCase() === lower);
}
