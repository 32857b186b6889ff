// Registering and removing the event handlers. One handler on the worksheet collection's onChanged
// (ExcelApi 1.9, the manifest's set) hears every sheet, trackers added later included, so no handler has to
// be added per sheet; the tracker zones (session.ts) decide what is acted on. Its onFormatChanged (1.9 too)
// hears a number format set on a figure ("0.95" shown as "95%" rates differently), which raises no onChanged.
// Sheet add and delete (ExcelApi 1.7) always; rename only where ExcelApi 1.17 has onNameChanged.
import type { ExcelRun, IsSetSupported, XlRequestContext } from "../api";
import { runAs } from "../run-options";
import type { RunInContext, XlAddedEventArgs, XlChangedEventArgs, XlDeletedEventArgs, XlEventHandlerResult, XlFormatChangedEventArgs, XlNameChangedEventArgs } from "./api";
import { live } from "./api";

export interface LiveHandlers {
  changed(args: XlChangedEventArgs): Promise<void>;
  formatChanged(args: XlFormatChangedEventArgs): Promise<void>;
  added(args: XlAddedEventArgs): Promise<void>;
  deleted(args: XlDeletedEventArgs): Promise<void>;
  renamed(args: XlNameChangedEventArgs): Promise<void>;
}

export interface Registration {
  /** The request context the handlers were added in: they can be removed only there. */
  context: XlRequestContext;
  results: XlEventHandlerResult[];
  /** Whether sheet renames are heard (ExcelApi 1.17). */
  hearsRenames: boolean;
}

/** Whether this Excel says which changes this add-in made (WorksheetChangedEventArgs.triggerSource, ExcelApi 1.14). */
export function ownChange(args: Pick<XlChangedEventArgs, "triggerSource">, isSetSupported: IsSetSupported | undefined): boolean {
  try {
    return isSetSupported?.("ExcelApi", "1.14") === true && args.triggerSource === "ThisLocalAddin";
  } catch {
    return false;
  }
}

/** Whether inserted or deleted cells shifted the others down or up (changeDirectionState, ExcelApi 1.14). */
export function shiftsVertically(args: Pick<XlChangedEventArgs, "changeDirectionState">, isSetSupported: IsSetSupported | undefined): boolean {
  try {
    if (isSetSupported?.("ExcelApi", "1.14") !== true) return false;
    const d = args.changeDirectionState;
    return d?.insertShiftDirection === "Down" || d?.deleteShiftDirection === "Up";
  } catch {
    return false;
  }
}

/** Add the handlers; one request. */
export async function register(run: ExcelRun, handlers: LiveHandlers): Promise<Registration> {
  let renames = false;
  try {
    renames = run.isSetSupported?.("ExcelApi", "1.17") === true;
  } catch {
    renames = false;
  }
  return runAs(run, "read", async (context) => {
    const sheets = live(context).workbook.worksheets;
    const results = [sheets.onChanged.add(handlers.changed), sheets.onFormatChanged.add(handlers.formatChanged), sheets.onAdded.add(handlers.added), sheets.onDeleted.add(handlers.deleted)];
    if (renames && run.isSetSupported?.("ExcelApi", "1.17")) results.push(sheets.onNameChanged.add(handlers.renamed));
    await context.sync();
    return { context, results, hearsRenames: renames };
  });
}

/** Remove them, in the context they were added in; one request. */
export async function unregister(runIn: RunInContext, reg: Registration): Promise<void> {
  await runIn(reg.context, async (context) => {
    for (const r of reg.results) r.remove();
    await context.sync();
  });
}
