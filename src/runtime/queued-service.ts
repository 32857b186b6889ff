// The pane's ScorecardService with every call made a job of the runtime's queue: the pane's actions are
// commands (live colours wait, then follow them), its reads wait behind any command the ribbon started.
import type { ActionResult, ScorecardService } from "../taskpane/service";
import type { AddinRuntime, CommandEffect } from "./runtime";

export function queuedService(inner: ScorecardService, runtime: AddinRuntime): ScorecardService {
  const action = (label: string, work: () => Promise<ActionResult>, effect: CommandEffect = "rewrote") =>
    runtime.command(label, work, { effect, from: "pane" }).then((result) => {
      runtime.noteProblems(result.state.problems);
      return result;
    });
  return {
    detect: (settings) =>
      runtime.read("Reading the workbook", async () => {
        const state = await inner.detect(settings);
        runtime.noteProblems(state.problems);
        return state;
      }),
    applyColours: (settings, progress) => action("Apply colours", () => inner.applyColours(settings, progress)),
    buildSummary: (settings, progress) => action("Build summary", () => inner.buildSummary(settings, progress)),
    removeColours: (progress) => action("Remove colours", () => inner.removeColours(progress), "removed"),
    selectCell: (sheet, cell) => runtime.read("Selecting a cell", () => inner.selectCell(sheet, cell)),
    saveSettings: (settings) => runtime.command("Saving the rules", () => inner.saveSettings(settings), { from: "pane" }),
  };
}
