// The page's one runtime, made on first use. The ribbon's functions (commands.ts) and the pane
// (taskpane/index.tsx) are two chunks of one page sharing webpack's module registry, so both get this
// same object.
import { excelRun } from "../excel/office";
import { localToday } from "../taskpane/excel-service";
import { excelLivePort } from "./live-adapter";
import { officeAddinHost } from "./office-addin";
import type { AddinRuntime } from "./runtime";
import { createAddinRuntime } from "./runtime";

let runtime: AddinRuntime | undefined;

export function addinRuntime(): AddinRuntime {
  runtime ??= createAddinRuntime({ run: excelRun, live: excelLivePort(), office: officeAddinHost, today: () => localToday() });
  return runtime;
}
