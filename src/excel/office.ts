// The real Office.js entry points, for the pane's bootstrap and the ribbon commands.
// Everything else in src/excel takes `run` and `isSetSupported` as parameters, so tests
// and the browser preview pass the fake's instead. Referenced lazily: `Excel` and
// `Office` only exist inside Office.
import type { ExcelRun, IsSetSupported } from "./api";

export const excelRun: ExcelRun = (batch) => Excel.run(batch);

export const officeIsSetSupported: IsSetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version);
