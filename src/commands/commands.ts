/*
 * The ribbon's functions, in the shared runtime: the manifest's FunctionFile is the task pane's page
 * (taskpane.html), and this chunk is loaded there before the pane's own. The manifest's ExecuteFunction
 * buttons call these ids; keep them exactly (`npm run validate` and test/commands/function-file.test.ts
 * check every FunctionName is associated here).
 *
 * At load, before anything else: Office.onReady() (desktop Excel dispatches a click only once it has been
 * called), then every function associated, synchronously, so a click that makes Office start the runtime
 * finds its function waiting (office-js 5176); the function then awaits Office and the runtime itself.
 * Then the runtime starts: it reads the saved live-colour setting and, when on, starts listening.
 */
import { checkRequirements } from "../excel/requirements";
import { addinRuntime } from "../runtime/instance";
import { canUpdateRibbon, officeAddinHost } from "../runtime/office-addin";
import { localToday } from "../taskpane/excel-service";
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
  runtime: addinRuntime,
  ribbonShowsLive: () => canUpdateRibbon(officeAddinHost()),
  today: () => localToday(),
});

const click = (id: CommandId) => (event: Office.AddinCommands.Event) => void runCommand(id, event, officeHost());

const ready = Office.onReady();
const shown = noticeFromSearch(location.search);
if (shown) {
  // This page opened as a command's message dialog: show the message, run nothing.
  void ready.then(() => renderNotice(shown, (message) => Office.context.ui.messageParent(message)));
} else {
  Office.actions.associate("applyColours", click("applyColours"));
  Office.actions.associate("buildSummary", click("buildSummary"));
  Office.actions.associate("removeColours", click("removeColours"));
  Office.actions.associate("liveColoursOn", click("liveColoursOn"));
  Office.actions.associate("liveColoursOff", click("liveColoursOff"));
  void ready.then((info) => {
    const requirements = Office.context?.requirements;
    if (info?.host !== Office.HostType.Excel || !requirements) return;
    if (checkRequirements((name, version) => requirements.isSetSupported(name, version))) return;
    return addinRuntime().start();
  });
}
