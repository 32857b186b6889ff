// Live colours in Excel (issue 13): statuses re-rated and recoloured as officers type.
//
//   startLive(run, settings, hooks, runIn?)  read the workbook, start the incremental engine, put rating help
//                                            on when asked, listen; one listener per runtime (a second start
//                                            stops the first). `run` may be the runtime's queued Excel.run.
//   stopLive()                               remove the handlers (in the context they were added in).
//   resyncLive()                             read the workbook again after a command rewrote it.
//   LiveColours                              the listener itself, for tests and the browser preview.
//   measureLiveEdit(workbook, edit, today)   for the bench: starts a listener on a fake workbook, types one
//                                            edit as a local user, waits for the burst and returns
//                                            { live_syncs, live_ms, report }: the requests the burst made
//                                            (budget 2) and the engine's milliseconds to re-rate (a burst's
//                                            read and write are not in live_ms). Colour the workbook first
//                                            (applyColoursCommand) so the edit recolours what Apply coloured.
// How events are chosen, batched and written: session.ts, burst.ts, edit.ts; the record kept true: record.ts;
// rating help: rating-help.ts.
import type { ExcelRun } from "../api";
import type { RunInContext, RunInEarlier } from "./api";
import type { BurstReport, LiveHooks, LiveSettings } from "./session";
import { LiveColours } from "./session";

export { LiveColours, ENGINE } from "./session";
export type { BurstReport, LiveEngine, LiveHooks, LiveSettings } from "./session";
export type { RunInContext } from "./api";
export { applyRatingHelp, helpTargets, removeRatingHelp, HELP_PROMPT } from "./rating-help";

/**
 * A batch in the request context the handlers were added in (they can be removed only there), waiting for
 * someone typing in a cell to finish as every other run does. `Excel.run(context, batch)` would send no
 * options, and fail while a cell is being edited: clicking the pane does not end the edit (office-js#3388).
 */
export const runInWith =
  (run: RunInEarlier): RunInContext =>
  (context, batch) =>
    run({ previousObjects: context, delayForCellEdit: true }, batch);

/** Office's Excel.run, given the earlier context as Office.js types it. */
const officeRunInEarlier: RunInEarlier = (options, batch) => Excel.run({ ...options, previousObjects: options.previousObjects as unknown as OfficeExtension.ClientRequestContext }, batch);

/** runInWith over Office's Excel.run. */
export const officeRunIn: RunInContext = runInWith(officeRunInEarlier);

let current: LiveColours | undefined;

export async function startLive(run: ExcelRun, settings: LiveSettings, hooks: LiveHooks, runIn: RunInContext = officeRunIn): Promise<void> {
  await stopLive();
  const next = new LiveColours(run, runIn, settings, hooks);
  await next.start();
  current = next;
}

/**
 * Stops the listener. Where Excel refuses to remove its handlers (someone typing in a cell, on an Excel
 * that cannot wait for them), it stays the current one, doing nothing, so the next stop or start removes
 * them rather than adding a second set beside them.
 */
export async function stopLive(): Promise<void> {
  const was = current;
  if (!was) return;
  await was.stop();
  if (current === was) current = undefined;
}

export async function resyncLive(): Promise<void> {
  await current?.resync();
}

/** Whether live colours are listening in this runtime. */
export function liveListening(): boolean {
  return current?.listening === true;
}

/** A workbook the bench can drive: the fake's run, the same as given an earlier context, user actions and request count. */
export interface LiveBenchWorkbook {
  run: ExcelRun;
  runWith: RunInEarlier;
  user: { type(sheet: string, address: string, values: (string | number | boolean | null)[][]): void; settled(): Promise<void> };
  stats: { syncs: number };
}

export interface LiveMeasure {
  /** Requests (context.sync calls) the burst made, start-up not counted. */
  live_syncs: number;
  /** Engine milliseconds to re-rate after the edit. */
  live_ms: number;
  report: BurstReport;
}

/** Start a listener, type one edit, wait for its burst, stop: what one live edit costs. */
export async function measureLiveEdit(workbook: LiveBenchWorkbook, edit: { sheet: string; address: string; value: string | number | boolean | null }, today: string): Promise<LiveMeasure> {
  const errors: string[] = [];
  const listener = new LiveColours(workbook.run, runInWith(workbook.runWith), { today, ratingHelp: false, debounceMs: 0 }, { onUpdate: () => undefined, onError: (m) => errors.push(m), commandPending: () => false });
  await listener.start();
  try {
    const before = workbook.stats.syncs;
    workbook.user.type(edit.sheet, edit.address, [[edit.value]]);
    await workbook.user.settled();
    await listener.idle();
    if (errors.length) throw new Error(errors[0]);
    const report = listener.last;
    if (!report) throw new Error(`The edit at ${edit.sheet}!${edit.address} raised no burst.`);
    return { live_syncs: workbook.stats.syncs - before, live_ms: report.engineMs, report };
  } finally {
    await listener.stop();
  }
}
