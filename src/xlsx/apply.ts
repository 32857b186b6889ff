// Executes sheet plans on an ExcelJS workbook. Plans decide everything; this file only writes.
import type { Workbook, Worksheet } from "exceljs";
import type { Problem } from "../engine/types";
import type { SheetPlan } from "../engine/plan";
import { freeSheetName, findSheet, isOwned, ownedSheetFor, readOwned, STATE_SHEET, writeOwned, type OwnedSheet } from "./ownership";
import { deferSheet, materialize } from "./plan-rows";
import { writeSheet } from "./write-sheet";

export interface AppliedSheet {
  /** The sheet name the plan asked for. */
  plan: string;
  /** The sheet actually written (differs when a user's sheet already had the plan's name). */
  sheet: string;
  action: SheetPlan["action"];
  /** True when a sheet we made earlier was replaced. */
  replaced: boolean;
  cellsWritten: number;
  cellsStyled: number;
}

export interface ApplyOptions {
  /**
   * Leave the cells of sheets made for create plans to writeXlsx, which writes them straight from the
   * plans: the saved file is the same, and a 100,000-row summary never exists as ExcelJS cells (about
   * 250 MB). Those worksheets then hold their layout but no cells in memory. For callers that save.
   */
  deferNewSheetCells?: boolean;
}

export interface ApplyReport {
  sheets: AppliedSheet[];
  problems: Problem[];
}

const FORBIDDEN = /[\\/?*[\]:]/g;

/** Excel refuses names with \ / ? * [ ] :, names over 31 characters and names starting or ending with '. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, "-").replace(/^'+|'+$/g, "").trim().slice(0, 31);
  return cleaned || "Sheet";
}

/** Adds a sheet for a create plan: replaces the one we made before, never a user's sheet. */
function sheetForCreate(workbook: Workbook, owned: OwnedSheet[], plan: SheetPlan): { ws: Worksheet; replaced: boolean } {
  const wanted = safeSheetName(plan.sheet);
  const byName = findSheet(workbook, wanted);
  const previous = ownedSheetFor(workbook, owned, plan.sheet) ?? (byName && isOwned(owned, byName.name) ? byName : undefined);
  if (previous && previous.name !== STATE_SHEET) {
    const name = previous.name;
    const orderNo = (previous as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(previous.id);
    const ws = workbook.addWorksheet(name);
    // Keep the tab where it was, so rebuilding does not shuffle the workbook.
    (ws as unknown as { orderNo: number }).orderNo = orderNo;
    return { ws, replaced: true };
  }
  return { ws: workbook.addWorksheet(freeSheetName(workbook, wanted)), replaced: false };
}

function recordOwned(owned: OwnedSheet[], planName: string, sheetName: string): OwnedSheet[] {
  const lower = (s: string): string => s.toLowerCase();
  const rest = owned.filter((o) => lower(o.plan) !== lower(planName) && lower(o.sheet) !== lower(sheetName));
  return [...rest, { sheet: sheetName, plan: planName }];
}

/**
 * Runs each plan in order. `create` plans get a sheet the add-in owns (recorded in the workbook,
 * see ownership.ts); `edit` plans write only the cells and formats they list on an existing sheet.
 * Problems (a missing sheet, a merge that overlaps another) are reported and the rest goes on.
 */
export function applyPlans(workbook: Workbook, plans: SheetPlan[], options: ApplyOptions = {}): ApplyReport {
  let owned = readOwned(workbook);
  const report: ApplyReport = { sheets: [], problems: [] };

  for (const plan of plans) {
    let ws: Worksheet | undefined;
    let replaced = false;
    if (plan.action === "create") {
      const made = sheetForCreate(workbook, owned, plan);
      ws = made.ws;
      replaced = made.replaced;
      owned = recordOwned(owned, plan.sheet, ws.name);
    } else {
      ws = findSheet(workbook, plan.sheet);
      if (!ws || ws.name === STATE_SHEET) {
        report.problems.push({ sheet: plan.sheet, cell: "", message: `The sheet "${plan.sheet}" was not found, so nothing was written to it.`, severity: "error" });
        continue;
      }
    }
    const defer = plan.action === "create" && options.deferNewSheetCells === true;
    if (!defer) materialize(ws); // an edit of a sheet whose cells are still a plan: build them first
    const counts = defer ? deferSheet(ws, plan, report.problems) : writeSheet(ws, plan, plan.action === "create", report.problems);
    report.sheets.push({ plan: plan.sheet, sheet: ws.name, action: plan.action, replaced, ...counts });
  }

  writeOwned(workbook, owned);
  return report;
}
