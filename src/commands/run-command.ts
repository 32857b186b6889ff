// One ribbon click, start to finish, with Office passed in so tests can drive it with a stub loader.
// In the shared runtime the click's work is a job of the add-in's one queue (src/runtime), so it never
// overlaps the pane's work or a live recolour. Order matters on desktop Excel: wait for Office to be
// ready, then check Office.context exists (a missing context is a failed start, not an old Excel), then the
// requirement set, then the work. event.completed() is called as soon as the work ends, every time; the
// outcome is then shown in a dialog, which stays until the user closes it (the runtime lives on).
import { applyColoursCommand, buildSummaryCommand, removeColoursCommand } from "../excel/commands";
import type { ExcelRun, IsSetSupported } from "../excel/api";
import { checkRequirements } from "../excel/requirements";
import type { AddinRuntime, CommandEffect } from "../runtime/runtime";
import { LIVE_REMOVED_NOTE } from "../runtime/runtime";
import { errorMessage } from "../taskpane/components/settings";
import type { DialogUi, Notice } from "./notice";
import { showNotice } from "./notice";

/** What a command needs of Office; `officeHost()` in commands.ts gives the real one. */
export interface CommandHost {
  /** Office.onReady(): resolves once Office has initialised this page. */
  onReady(): Promise<unknown>;
  /** Office.context.requirements.isSetSupported, or undefined when Office.context is missing. */
  isSetSupported(): IsSetSupported | undefined;
  /** Office.context.ui, or undefined when there is none. */
  ui(): DialogUi | undefined;
  /** The page's one runtime (queue, state, live colours). */
  runtime(): AddinRuntime;
  /** True where the ribbon itself shows whether live colours are on (RibbonApi 1.1), so success needs no dialog. */
  ribbonShowsLive(): boolean;
  today(): string;
}

type Work = (run: ExcelRun, today: string) => Promise<{ message: string }>;

interface WorkbookCommand {
  done: string;
  failed: string;
  effect: CommandEffect;
  work: Work;
}

interface LiveCommand {
  done: string;
  failed: string;
  live: boolean;
}

export const COMMANDS = {
  applyColours: { done: "Colours applied", failed: "Could not apply colours", effect: "rewrote", work: (run, today) => applyColoursCommand(run, {}, today) } as WorkbookCommand,
  buildSummary: { done: "Summary built", failed: "Could not build the summary", effect: "rewrote", work: (run, today) => buildSummaryCommand(run, {}, today) } as WorkbookCommand,
  removeColours: { done: "Colours removed", failed: "Could not remove colours", effect: "removed", work: (run) => removeColoursCommand(run) } as WorkbookCommand,
  liveColoursOn: { done: "Live colours on", failed: "Could not turn live colours on", live: true } as LiveCommand,
  liveColoursOff: { done: "Live colours off", failed: "Could not turn live colours off", live: false } as LiveCommand,
};
export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export const NOT_STARTED_MESSAGE =
  "Office did not finish starting RAG Scorecard, so nothing was changed. Close and reopen the workbook, then try again.";

async function attempt(id: CommandId, host: CommandHost): Promise<Notice & { quiet?: boolean }> {
  const command = COMMANDS[id];
  try {
    await host.onReady();
    const isSetSupported = host.isSetSupported();
    if (!isSetSupported) throw new Error(NOT_STARTED_MESSAGE);
    const tooOld = checkRequirements(isSetSupported);
    if (tooOld) throw new Error(tooOld);
    const runtime = host.runtime();
    if ("live" in command) {
      const message = await runtime.setLiveColours(command.live);
      const note = command.live ? runtime.store.get().liveNote : undefined;
      // The buttons themselves now show the state: no dialog to close after every switch.
      return { ok: true, title: command.done, message: note ? `${message} ${note}` : message, quiet: host.ribbonShowsLive() && !note };
    }
    const today = host.today();
    const wasLive = runtime.store.get().live === "on";
    const result = await runtime.command(command.done, (run) => command.work(run, today), { effect: command.effect, from: "ribbon" });
    const stopped = wasLive && runtime.store.get().live === "off" ? ` ${LIVE_REMOVED_NOTE}` : "";
    return { ok: true, title: command.done, message: result.message + stopped };
  } catch (e) {
    return { ok: false, title: command.failed, message: errorMessage(e) };
  }
}

/**
 * Runs a command for one click. Office may start the runtime for this very click (the workbook opened
 * with the pane closed): the function is associated at load and waits here for Office and the runtime,
 * so the click that starts the runtime still runs its command (office-js issue 5176).
 */
export async function runCommand(id: CommandId, event: Pick<Office.AddinCommands.Event, "completed">, host: CommandHost): Promise<void> {
  let notice: (Notice & { quiet?: boolean }) | undefined;
  try {
    notice = await attempt(id, host);
  } finally {
    event.completed();
  }
  if (notice.quiet) return;
  let ui: DialogUi | undefined;
  try {
    ui = host.ui();
  } catch {
    ui = undefined;
  }
  const { quiet: _quiet, ...shown } = notice;
  await showNotice(ui, shown);
}
