// One ribbon click, start to finish, with Office passed in so tests can drive it with a stub loader.
// Order matters on desktop Excel: wait for Office to be ready, then check Office.context exists (a
// missing context is a failed start, not an old Excel), then the requirement set, then the work; all
// under one deadline from the click. event.completed() is always called, last.
import { applyColoursCommand, buildSummaryCommand, removeColoursCommand } from "../excel/commands";
import type { ExcelRun, IsSetSupported } from "../excel/api";
import { checkRequirements } from "../excel/requirements";
import { errorMessage } from "../taskpane/components/settings";
import type { Deadline } from "./deadline";
import { startDeadline } from "./deadline";
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
  excelRun: ExcelRun;
  today(): string;
}

type Work = (run: ExcelRun, today: string) => Promise<{ message: string }>;

export const COMMANDS = {
  applyColours: { done: "Colours applied", failed: "Could not apply colours", work: ((run, today) => applyColoursCommand(run, {}, today)) as Work },
  buildSummary: { done: "Summary built", failed: "Could not build the summary", work: ((run, today) => buildSummaryCommand(run, {}, today)) as Work },
  removeColours: { done: "Colours removed", failed: "Could not remove colours", work: ((run) => removeColoursCommand(run)) as Work },
};
export type CommandId = keyof typeof COMMANDS;

export const NOT_STARTED_MESSAGE =
  "Office did not finish starting RAG Scorecard, so nothing was changed. Close and reopen the workbook, then try again.";
export const OUT_OF_TIME_MESSAGE =
  "RAG Scorecard ran out of the five minutes Excel gives a ribbon button. Open the pane (Scorecard > Open pane) and try there.";

async function attempt(id: CommandId, host: CommandHost): Promise<Notice> {
  const command = COMMANDS[id];
  try {
    await host.onReady();
    const isSetSupported = host.isSetSupported();
    if (!isSetSupported) throw new Error(NOT_STARTED_MESSAGE);
    const tooOld = checkRequirements(isSetSupported);
    if (tooOld) throw new Error(tooOld);
    const result = await command.work(host.excelRun, host.today());
    return { ok: true, title: command.done, message: result.message };
  } catch (e) {
    return { ok: false, title: command.failed, message: errorMessage(e) };
  }
}

/** Runs a command for one click. The deadline starts here, at the click, unless a test passes its own. */
export async function runCommand(id: CommandId, event: Pick<Office.AddinCommands.Event, "completed">, host: CommandHost, deadline: Deadline = startDeadline()): Promise<void> {
  try {
    const outcome = await deadline.race(attempt(id, host));
    const notice = outcome.done ? outcome.value : { ok: false, title: COMMANDS[id].failed, message: OUT_OF_TIME_MESSAGE };
    if (deadline.isExpired()) {
      // No time left to show a dialog; say it where a developer can see it.
      console.error(`RAG Scorecard: ${notice.title}: ${notice.message}`);
      return;
    }
    let ui: DialogUi | undefined;
    try {
      ui = host.ui();
    } catch {
      ui = undefined;
    }
    await showNotice(ui, notice, deadline);
  } finally {
    deadline.clear();
    event.completed();
  }
}
