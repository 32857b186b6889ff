// Live colours in the browser preview: the add-in's own runtime and listener (src/runtime, src/excel/live)
// over the page's fake workbook, so typing in the grid recolours as it would in Excel. The fake has no
// ribbon and no startup behaviour: the runtime says so, as it would on a client without them.
import type { FakeExcel } from "../fake-excel";
import { resyncLive, runInWith, startLive, stopLive } from "../excel/live";
import type { AddinRuntime } from "../runtime/runtime";
import { createAddinRuntime } from "../runtime/runtime";
import { localToday } from "../taskpane/excel-service";
import type { CellValue } from "../engine/vocab/types";

export function previewRuntime(fake: FakeExcel): AddinRuntime {
  return createAddinRuntime({
    run: fake.run,
    live: {
      start: (run, settings, hooks) => startLive(run, settings, hooks, runInWith(fake.runWith)),
      stop: () => stopLive(),
      resync: () => resyncLive(),
    },
    office: () => ({ isSetSupported: () => false }),
    today: () => localToday(),
  });
}

/** Stops the listener of a preview session being left (a new sample, Start again). */
export const stopPreviewLive = (): Promise<void> => stopLive();

/** What a person typed, as Excel would store it: a number where it reads as one, else the text. */
export function typedValue(text: string): CellValue {
  const t = text.trim();
  if (t === "") return "";
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  if (/^[-+]?(\d+\.?\d*|\.\d+)%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  return text;
}
