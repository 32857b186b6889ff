// The outcome of a ribbon command, shown in a small Office dialog: the pane may be closed, so the ribbon
// has no page of its own to show text on. The dialog opens this same page (taskpane.html) with
// `?notice=…` (it already loads office.js, which the dialog needs for messageParent); the page then
// renders the notice in plain DOM instead of the pane.

export interface Notice {
  ok: boolean;
  title: string;
  message: string;
}

/** What the command needs of Office.context.ui. */
export type DialogUi = Pick<typeof Office.context.ui, "displayDialogAsync">;

export const NOTICE_PARAM = "notice";
const CLOSE_MESSAGE = "close";
/** Dialog URLs carry the message; keep them well under URL length limits. */
const MAX_MESSAGE = 1500;
const APP = "RAG Scorecard";

export function noticeUrl(notice: Notice, page: { origin: string; pathname: string } = location): string {
  const message = notice.message.length > MAX_MESSAGE ? notice.message.slice(0, MAX_MESSAGE - 1) + "…" : notice.message;
  return `${page.origin}${page.pathname}?${NOTICE_PARAM}=${encodeURIComponent(JSON.stringify({ ...notice, message }))}`;
}

export function noticeFromSearch(search: string): Notice | undefined {
  const raw = new URLSearchParams(search).get(NOTICE_PARAM);
  if (!raw) return undefined;
  try {
    const n = JSON.parse(raw) as Partial<Notice>;
    return { ok: n.ok === true, title: String(n.title ?? APP), message: String(n.message ?? "") };
  } catch {
    return { ok: false, title: APP, message: "The add-in could not show its message." };
  }
}

/** Office's code for a dialog asked for while one is open from the same window: one at a time. */
export const DIALOG_ALREADY_OPEN = 12007;

/** Closes the notice open now, if any: the next command's notice takes its place. */
let closeCurrent: (() => void) | undefined;

/**
 * Office closes a dialog asynchronously: one opened at once after close() may still get 12007 ("Opening
 * another dialog immediately after closing one", Microsoft's dialog best practices). Asked again after a pause.
 */
const REOPEN_WAIT_MS = 250;
const REOPEN_TRIES = 8;

/**
 * Opens the notice dialog. Resolves once the user closes it or it could not open. The shared runtime
 * outlives the click, so the dialog may stay as long as the user likes; a later command's notice
 * replaces it (Office opens one dialog at a time, and refused the second with 12007, so its outcome was lost).
 */
export function showNotice(ui: DialogUi | undefined, notice: Notice): Promise<void> {
  if (!ui) {
    console.error(`${APP}: no dialog support; ${notice.title}: ${notice.message}`);
    return Promise.resolve();
  }
  closeCurrent?.();
  return new Promise((resolve) => {
    let dialog: Office.Dialog | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (closeCurrent === finish) closeCurrent = undefined;
      try {
        dialog?.close();
      } catch {
        // Already closed by the user.
      }
      resolve();
    };
    const open = (tries: number): void => {
      ui.displayDialogAsync(noticeUrl(notice), { height: 30, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          // The one just closed still closing, or one still open: closed if it is ours, then asked again shortly.
          if (tries > 1 && result.error?.code === DIALOG_ALREADY_OPEN) {
            closeCurrent?.();
            setTimeout(() => open(tries - 1), REOPEN_WAIT_MS);
            return;
          }
          console.error(`${APP}: could not open the message dialog (${result.error?.code}): ${notice.message}`);
          finish();
          return;
        }
        dialog = result.value;
        closeCurrent = finish;
        // A message from the Close button, or any dialog event (12006: closed with the X).
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    };
    try {
      open(REOPEN_TRIES);
    } catch (e) {
      console.error(`${APP}: no dialog support`, e);
      finish();
    }
  });
}

/** The dialog view: the outcome in plain text and a Close button. DOM only, no innerHTML. */
export function renderNotice(notice: Notice, messageParent: (message: string) => void): void {
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
  close.addEventListener("click", () => messageParent(CLOSE_MESSAGE));
  main.append(h1, p, close);
  document.body.replaceChildren(main);
  close.focus();
}
