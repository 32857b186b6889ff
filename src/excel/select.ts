// "Click a problem to see its cell": show its sheet, then select the cell. Excel selects only on the
// active sheet and cannot show a hidden one, so a hidden sheet gets a sentence for the pane instead.
import type { ExcelRun } from "./api";
import { runAs } from "./run-options";

/** Selects the cell; returns undefined when it is shown, else one sentence saying why it cannot be. */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<string | undefined> {
  return runAs(run, "read", async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet).load("name,visibility");
    await context.sync();
    if (ws.isNullObject) return `There is no sheet '${sheet}' now: it may have been renamed or deleted. Read the workbook again.`;
    if (ws.visibility === "VeryHidden") return `'${ws.name}' is very hidden, so Excel cannot show ${address}.`;
    if (ws.visibility !== "Visible") return `'${ws.name}' is hidden: unhide it (right-click a sheet tab, Unhide) to see ${address}.`;
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
    return undefined;
  });
}

/** The selected cell or range as "Sheet!A1" parts, e.g. for "use the selection as the header row". */
export async function selectedRange(run: ExcelRun): Promise<{ sheet: string; address: string }> {
  return runAs(run, "read", async (context) => {
    const range = context.workbook.getSelectedRange().load("address");
    await context.sync();
    const bang = range.address.lastIndexOf("!");
    const sheet = range.address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    return { sheet, address: range.address.slice(bang + 1) };
  });
}
