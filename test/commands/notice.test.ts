// The ribbon's notices, against a dialog host that behaves as Office's does: one dialog open at a time
// from a window, a second refused with 12007 (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
import { DIALOG_ALREADY_OPEN, showNotice, type DialogUi } from "../../src/commands/notice";

Object.assign(globalThis, {
  Office: {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  },
  location: { origin: "https://host", pathname: "/taskpane.html" },
});

interface Opened {
  title: string;
  closed: boolean;
}

/** Office's dialog API as the add-in meets it: `strict` refuses a dialog while another is open, as Office does. */
function officeDialogs() {
  const opened: Opened[] = [];
  let open: Opened | undefined;
  const ui: DialogUi = {
    displayDialogAsync: ((url: string, _options: unknown, callback: (r: unknown) => void) => {
      const title = (JSON.parse(new URL(url).searchParams.get("notice")!) as { title: string }).title;
      if (open && !open.closed) {
        queueMicrotask(() => callback({ status: "failed", error: { code: DIALOG_ALREADY_OPEN, message: "A dialog box is already opened from this host window." } }));
        return;
      }
      const shown: Opened = { title, closed: false };
      opened.push(shown);
      open = shown;
      // Office closes a dialog a moment after close() (helper-71): one asked for at once still gets 12007.
      queueMicrotask(() => callback({ status: "succeeded", value: { close: () => setTimeout(() => (shown.closed = true), 5), addEventHandler: () => undefined } }));
    }) as DialogUi["displayDialogAsync"],
  };
  return { ui, opened };
}

// helper-68: the user left "Colours applied" open and clicked Remove colours: Office refused the second
// dialog, the add-in only logged it, and the user never saw what Remove colours did.
test("a second command's notice replaces the one still open: the first is closed, the second shown", async () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const { ui, opened } = officeDialogs();
  let firstDone = false;
  void showNotice(ui, { ok: true, title: "Colours applied", message: "Applied." }).then(() => (firstDone = true));
  await new Promise((r) => setTimeout(r, 10));
  void showNotice(ui, { ok: false, title: "Colours not removed", message: "The sheet is protected." });
  await new Promise((r) => setTimeout(r, 600));
  expect({ opened, firstDone, errors: errors.mock.calls.length }).toEqual({
    opened: [
      { title: "Colours applied", closed: true },
      { title: "Colours not removed", closed: false },
    ],
    firstDone: true,
    errors: 0,
  });
  errors.mockRestore();
});
