// The real Office.js entry points, for the pane's bootstrap and the ribbon commands.
// Everything else in src/excel takes `run` and `isSetSupported` as parameters, so tests
// and the browser preview pass the fake's instead. Referenced lazily: `Excel` and
// `Office` only exist inside Office.
import type { ExcelRun, IsSetSupported, XlRequestContext, XlRunOptions } from "./api";

export const officeIsSetSupported: IsSetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version);

function run<T>(a: XlRunOptions | ((context: XlRequestContext) => Promise<T>), b?: (context: XlRequestContext) => Promise<T>): Promise<T> {
  return typeof a === "function" ? Excel.run(a) : Excel.run(a, b!);
}

/** Excel.run, with the requirement check the host uses to decide its run options. */
export const excelRun: ExcelRun = Object.assign(run, { isSetSupported: officeIsSetSupported });
