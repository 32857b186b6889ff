/*
 * The ribbon's function file (manifest FunctionFile -> commands.html). The manifest's ExecuteFunction
 * buttons call these ids; keep them exactly: applyColours, buildSummary, removeColours (`npm run
 * validate` and test/commands/function-file.test.ts check every FunctionName is associated here).
 *
 * Desktop Excel (Windows and Mac) dispatches a button click only after this page has called
 * Office.onReady() (Microsoft's "Initialize your Office Add-in"); Excel on the web does not wait. So
 * onReady is called at load, and every command awaits it again before touching Office.context.
 * The work itself is in run-command.ts (one five-minute deadline from the click, dialog included; a
 * click Office held back while the page started counts from the page's start: timeLeftForClick).
 */
import { excelRun } from "../excel/office";
import { localToday } from "../taskpane/excel-service";
import { startDeadline, timeLeftForClick } from "./deadline";
import { noticeFromSearch, renderNotice } from "./notice";
import type { CommandHost, CommandId } from "./run-command";
import { runCommand } from "./run-command";

/** The real Office, read lazily: Office.context only exists once office.js has initialised. */
const officeHost = (): CommandHost => ({
  onReady: () => Office.onReady(),
  isSetSupported: () => {
    const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
    return requirements ? (name, version) => requirements.isSetSupported(name, version) : undefined;
  },
  ui: () => (typeof Office === "undefined" ? undefined : Office.context?.ui),
  excelRun,
  today: () => localToday(),
});

/** When Office finished starting this page (performance.now()); a click held back until then is older. */
let readyAt: number | undefined;

const click = (id: CommandId) => (event: Office.AddinCommands.Event) =>
  void runCommand(id, event, officeHost(), startDeadline(timeLeftForClick(performance.now(), readyAt)));

// At load, before anything else: desktop Excel holds ribbon clicks until this has been called.
const ready = Office.onReady();
void ready.then(() => {
  readyAt = performance.now();
});
const shown = noticeFromSearch(location.search);
if (shown) {
  void ready.then(() => renderNotice(shown, (message) => Office.context.ui.messageParent(message)));
} else {
  Office.actions.associate("applyColours", click("applyColours"));
  Office.actions.associate("buildSummary", click("buildSummary"));
  Office.actions.associate("removeColours", click("removeColours"));
}
