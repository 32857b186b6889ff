// "Click a problem to see its cell": select it, which also shows its sheet.
import type { ExcelRun } from "./api";

export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).select();
    await context.sync();
  });
}

/** The selected cell or range as "Sheet!A1" parts, e.g. for "use the selection as the header row". */
export async function selectedRange(run: ExcelRun): Promise<{ sheet: string; address: string }> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange().load("address");
    await context.sync();
    const bang = range.address.lastIndexOf("!");
    const sheet = range.address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    return { sheet, address: range.address.slice(bang + 1) };
  });
}
