/*
 * Ribbon commands. The manifest's ExecuteFunction buttons call these ids; `npm run validate` checks
 * every FunctionName is registered here, so keep them exactly: applyColours, buildSummary, removeColours.
 *
 * Each command runs the same host functions as the task pane, using the settings saved in the
 * workbook's Scorecard Rules sheet, then tells the user what happened. A UI-less function file has no
 * page to show text on, so the outcome opens in a small Office dialog (Office.context.ui.displayDialogAsync,
 * which Microsoft documents for add-in commands). The dialog is this same page with `?notice=…`: it
 * already loads office.js, which the dialog needs for messageParent. The command stays "running" until
 * the dialog is closed, because completing it may unload this page and the dialog with it; event.completed()
 * is always called in a finally, also when the dialog cannot open (e.g. the user ignored the pop-up prompt).
 */
import { applyColoursCommand, buildSummaryCommand, removeColoursCommand } from "../excel";
import type { ExcelRun } from "../excel";
import { excelRun, officeIsSetSupported } from "../excel/office";
import { checkRequirements } from "../excel/requirements";
import { errorMessage } from "../taskpane/components/settings";
import { localToday } from "../taskpane/excel-service";

interface Notice {
  ok: boolean;
  title: string;
  message: string;
}

const NOTICE_PARAM = "notice";
const CLOSE_MESSAGE = "close";
/** Give up waiting for the dialog after this long, so the ribbon command always finishes. */
const NOTICE_TIMEOUT_MS = 5 * 60 * 1000;
/** Dialog URLs carry the message; keep them well under URL length limits. */
const MAX_MESSAGE = 1500;

type Work = (run: ExcelRun, today: string) => Promise<{ message: string }>;

const COMMANDS: Record<string, { done: string; failed: string; work: Work }> = {
  applyColours: {
    done: "Colours applied",
    failed: "Could not apply colours",
    work: (run, today) => applyColoursCommand(run, {}, today),
  },
  buildSummary: {
    done: "Summary built",
    failed: "Could not build the summary",
    work: (run, today) => buildSummaryCommand(run, {}, today),
  },
  removeColours: {
    done: "Colours removed",
    failed: "Could not remove colours",
    work: (run) => removeColoursCommand(run),
  },
};

function noticeUrl(notice: Notice): string {
  const short = { ...notice, message: notice.message.length > MAX_MESSAGE ? notice.message.slice(0, MAX_MESSAGE - 1) + "…" : notice.message };
  return `${location.origin}${location.pathname}?${NOTICE_PARAM}=${encodeURIComponent(JSON.stringify(short))}`;
}

function noticeFromUrl(): Notice | undefined {
  const raw = new URLSearchParams(location.search).get(NOTICE_PARAM);
  if (!raw) return undefined;
  try {
    const n = JSON.parse(raw) as Partial<Notice>;
    return { ok: n.ok === true, title: String(n.title ?? "RAG Scorecard"), message: String(n.message ?? "") };
  } catch {
    return { ok: false, title: "RAG Scorecard", message: "The add-in could not show its message." };
  }
}

/** Opens the notice dialog; resolves once it is closed, could not open, or the wait ran out. */
function showNotice(notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    let dialog: Office.Dialog | undefined;
    const finish = () => {
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // Already closed by the user.
      }
      resolve();
    };
    const timer = setTimeout(finish, NOTICE_TIMEOUT_MS);
    try {
      Office.context.ui.displayDialogAsync(noticeUrl(notice), { height: 30, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.error(`RAG Scorecard: could not open the message dialog (${result.error.code}): ${notice.message}`);
          finish();
          return;
        }
        dialog = result.value;
        // A message from the Close button, or any dialog event (12006: closed with the X).
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch (e) {
      console.error("RAG Scorecard: no dialog support", e);
      finish();
    }
  });
}

async function runCommand(id: string, event: Office.AddinCommands.Event): Promise<void> {
  const command = COMMANDS[id];
  try {
    let notice: Notice;
    try {
      const tooOld = checkRequirements(officeIsSetSupported);
      if (tooOld) throw new Error(tooOld);
      const result = await command.work(excelRun, localToday());
      notice = { ok: true, title: command.done, message: result.message };
    } catch (e) {
      notice = { ok: false, title: command.failed, message: errorMessage(e) };
    }
    await showNotice(notice);
  } finally {
    event.completed();
  }
}

/** The dialog view: the outcome in plain text and a Close button. DOM only, no innerHTML. */
function renderNotice(notice: Notice): void {
  document.title = notice.title;
  const main = document.createElement("main");
  main.setAttribute("role", notice.ok ? "status" : "alert");
  main.style.cssText = "font-family: 'Segoe UI', Arial, sans-serif; padding: 16px; display: flex; flex-direction: column; gap: 12px;";
  const h1 = document.createElement("h1");
  h1.textContent = `${notice.ok ? "✓" : "✕"} ${notice.title}`;
  h1.style.cssText = `margin: 0; font-size: 18px; color: ${notice.ok ? "#0E700E" : "#B10E1C"};`;
  const p = document.createElement("p");
  p.textContent = notice.message;
  p.style.cssText = "margin: 0; font-size: 14px; line-height: 1.4; white-space: pre-wrap;";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.style.cssText = "align-self: flex-start; padding: 6px 20px; font-size: 14px;";
  close.addEventListener("click", () => Office.context.ui.messageParent(CLOSE_MESSAGE));
  main.append(h1, p, close);
  document.body.replaceChildren(main);
  close.focus();
}

const shown = noticeFromUrl();
if (shown) {
  void Office.onReady(() => renderNotice(shown));
} else {
  // Registered at load, as Microsoft's templates do, so a click that arrives before onReady resolves still finds its function.
  Office.actions.associate("applyColours", (event: Office.AddinCommands.Event) => void runCommand("applyColours", event));
  Office.actions.associate("buildSummary", (event: Office.AddinCommands.Event) => void runCommand("buildSummary", event));
  Office.actions.associate("removeColours", (event: Office.AddinCommands.Event) => void runCommand("removeColours", event));
}
