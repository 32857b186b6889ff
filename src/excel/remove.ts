// Remove colours: put back every format Apply colours replaced, clear the add-in's own
// cells, and optionally delete the sheets it created. Two syncs (facts, then writes)
// plus one per further 4 MB of restores.
import type { ExcelRun } from "./api";
import { Batcher, DEFAULT_BUDGET, OP_OVERHEAD, utf8Bytes } from "./chunk";
import { protectedSheet, protectedWorkbook } from "./errors";
import { findSheet, queueFacts } from "./facts";
import { queueRestore } from "./formats";
import { encodeSaved } from "./saved";
import { OWNED_SHEETS_KEY, SAVED_FORMATS_KEY, writeSetting } from "./settings";

export interface RemoveOptions {
  /** Also delete the summary sheets the add-in created (default: keep them). */
  deleteOwnedSheets?: boolean;
  budgetBytes?: number;
}

export interface RemoveResult {
  /** Sheets whose formats were restored. */
  restored: string[];
  /** Cells whose formats were put back. */
  cellsRestored: number;
  /** Owned sheets deleted. */
  deleted: string[];
  /** Sheets with saved formats that no longer exist (renamed or deleted): nothing to restore. */
  missing: string[];
  syncs: number;
}

export async function removeColours(run: ExcelRun, opts: RemoveOptions = {}): Promise<RemoveResult> {
  return run(async (context) => {
    const readFacts = queueFacts(context);
    await context.sync();
    const facts = readFacts();
    const restore = Object.entries(facts.saved).filter(([name]) => findSheet(facts, name));
    const missing = Object.keys(facts.saved).filter((name) => !findSheet(facts, name));
    for (const [name] of restore) if (findSheet(facts, name)!.protected) throw protectedSheet(name);
    // Keep at least one sheet: Excel cannot delete the last one.
    const deleting = opts.deleteOwnedSheets ? facts.owned.slice(0, Math.max(0, Math.min(facts.owned.length, facts.sheets.length - 1))) : [];
    if (deleting.length && facts.workbookProtected) throw protectedWorkbook();

    const writes = new Batcher(context, opts.budgetBytes ?? DEFAULT_BUDGET);
    const sheets = context.workbook.worksheets;
    let cellsRestored = 0;
    for (const [name, mem] of restore) {
      await queueRestore(writes, sheets.getItem(name), mem);
      cellsRestored += mem.cells.size;
    }
    if (deleting.length) {
      await writes.add(OP_OVERHEAD * deleting.length, () => deleting.forEach((n) => sheets.getItem(n).delete()));
      const left = JSON.stringify(facts.owned.filter((n) => !deleting.includes(n)));
      await writes.add(OP_OVERHEAD + utf8Bytes(left), () => writeSetting(context, OWNED_SHEETS_KEY, left));
    }
    // Forget the saved formats last, once everything they describe has been put back.
    if (restore.length || missing.length) {
      const json = encodeSaved({});
      await writes.add(OP_OVERHEAD + utf8Bytes(json), () => writeSetting(context, SAVED_FORMATS_KEY, json));
    }
    await writes.flush();
    return { restored: restore.map(([n]) => n), cellsRestored, deleted: deleting, missing, syncs: 1 + writes.syncs };
  });
}
