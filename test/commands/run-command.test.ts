// One ribbon click through runCommand with a stub host, without building the pages: the order desktop
// Excel needs (ready, then Office.context, then the requirement set, then the work), the work as a job of
// the runtime's queue, event.completed() as soon as the work ends and before the message is shown.
// The built page is tested in function-file.test.ts.
import type { DialogUi } from "../../src/commands/notice";
import type { ExcelRun } from "../../src/excel/api";
import type { CommandHost } from "../../src/commands/run-command";
import { NOT_STARTED_MESSAGE, runCommand } from "../../src/commands/run-command";
import { REQUIREMENTS_MESSAGE } from "../../src/excel/requirements";
import { createFakeExcel } from "../../src/fake-excel";
import type { LivePort } from "../../src/runtime/live-port";
import type { AddinHost } from "../../src/runtime/office-addin";
import type { AddinRuntime } from "../../src/runtime/runtime";
import { LIVE_REMOVED_NOTE, createAddinRuntime } from "../../src/runtime/runtime";
import { generatedTracker } from "../excel/trackers";

const officeGlobal = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
};
jest.setTimeout(120_000);
beforeAll(() => Object.assign(globalThis, { Office: officeGlobal, location: { origin: "https://host", pathname: "/taskpane.html" } }));

interface Seen {
  steps: string[];
  notices: { ok: boolean; title: string; message: string }[];
}

const quietLive: LivePort = { start: async () => undefined, stop: async () => undefined };

/** Office with the startup and ribbon APIs (SharedRuntime and RibbonApi 1.1). */
const sharedOffice = (): AddinHost => {
  let startup = "None" as Office.StartupBehavior;
  return {
    isSetSupported: () => true,
    addin: { getStartupBehavior: async () => startup, setStartupBehavior: async (b) => void (startup = b) },
    ribbon: { requestUpdate: async () => undefined },
  };
};

function makeRuntime(seen: Seen, live: LivePort = quietLive, saved = { liveColours: false, ratingHelp: false }, office: AddinHost = { isSetSupported: () => false }): AddinRuntime {
  const fake = createFakeExcel(generatedTracker(4));
  const run = ((...args: unknown[]) => {
    seen.steps.push("excel");
    return (fake.run as (...a: unknown[]) => Promise<unknown>)(...args);
  }) as unknown as ExcelRun;
  return createAddinRuntime({
    run,
    live,
    office: () => office,
    today: () => "2022-05-03",
    readSwitches: async () => ({ ...saved }),
    saveSwitch: async (_run, change) => {
      seen.steps.push(`save ${JSON.stringify(change)}`);
      Object.assign(saved, change);
    },
  });
}

/** A host that records what was asked of Office, in order; the dialog closes once the test says so. */
function host(seen: Seen, over: Partial<CommandHost> = {}, excelApi = "1.9", runtime = makeRuntime(seen)): CommandHost & { closeDialog(): void } {
  const handlers: (() => void)[] = [];
  const ui: DialogUi = {
    displayDialogAsync: ((url: string, _options: unknown, callback: (r: unknown) => void) => {
      seen.steps.push("dialog");
      seen.notices.push(JSON.parse(new URL(url).searchParams.get("notice")!));
      callback({ status: "succeeded", value: { close: () => undefined, addEventHandler: (_t: string, h: () => void) => handlers.push(h) } });
    }) as DialogUi["displayDialogAsync"],
  };
  return {
    onReady: async () => {
      seen.steps.push("onReady");
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen.steps.push("ready");
    },
    isSetSupported: () => {
      seen.steps.push("context");
      return (_name, version) => {
        seen.steps.push("requirements");
        return Number(version.split(".")[1]) <= Number(excelApi.split(".")[1]);
      };
    },
    ui: () => ui,
    runtime: () => runtime,
    ribbonShowsLive: () => true,
    today: () => "2022-05-03",
    closeDialog: () => handlers.forEach((h) => h()),
    ...over,
  };
}

const fresh = (): Seen => ({ steps: [], notices: [] });
const completed = (seen: Seen) => ({ completed: () => void seen.steps.push("completed") });

test("Office is ready before the context and requirement are read, the work runs, completed comes before the message", async () => {
  const s = fresh();
  const h = host(s);
  const clicked = runCommand("applyColours", completed(s), h);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(s.steps.filter((x) => x !== "excel")).toEqual(["onReady", "ready", "context", "requirements", "completed", "dialog"]);
  expect(s.steps.indexOf("excel")).toBeGreaterThan(s.steps.indexOf("requirements"));
  expect(s.steps.lastIndexOf("excel")).toBeLessThan(s.steps.indexOf("completed"));
  expect(s.notices[0]).toMatchObject({ ok: true, title: "Colours applied" });
  h.closeDialog();
  await clicked;
});

test("no Office.context: a failed start, not an old Excel, and nothing touched", async () => {
  const s = fresh();
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await runCommand("removeColours", completed(s), host(s, { isSetSupported: () => (s.steps.push("context"), undefined), ui: () => undefined }));
  const said = errors.mock.calls.join(" ");
  errors.mockRestore();
  expect(s.steps).toEqual(["onReady", "ready", "context", "completed"]);
  expect(said).toContain(NOT_STARTED_MESSAGE);
  expect(said).not.toContain(REQUIREMENTS_MESSAGE);
});

test("an Excel below ExcelApi 1.9 is told which versions work, and nothing is touched", async () => {
  const s = fresh();
  const h = host(s, {}, "1.7");
  const clicked = runCommand("applyColours", completed(s), h);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(s.steps).toEqual(["onReady", "ready", "context", "requirements", "completed", "dialog"]);
  expect(s.notices[0].message).toBe(REQUIREMENTS_MESSAGE);
  expect(REQUIREMENTS_MESSAGE).toMatch(/Excel 2021 or later, Microsoft 365 or Excel on the web/);
  h.closeDialog();
  await clicked;
});

test("a failing Office.context.ui still completes the command", async () => {
  const s = fresh();
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await runCommand("removeColours", completed(s), host(s, { ui: () => { throw new Error("no ui"); } }));
  expect(errors.mock.calls.join(" ")).toContain("Colours removed");
  errors.mockRestore();
  expect(s.steps).toContain("completed");
  expect(s.steps).not.toContain("dialog");
});

test("Live colours on from the ribbon saves the setting and completes without a dialog where the ribbon shows the state", async () => {
  const s = fresh();
  const h = host(s, {}, "1.9", makeRuntime(s, quietLive, undefined, sharedOffice()));
  await runCommand("liveColoursOn", completed(s), h);
  expect(s.steps.filter((x) => x !== "excel")).toEqual(["onReady", "ready", "context", "requirements", 'save {"liveColours":true}', "completed"]);
  expect(h.runtime().store.get().live).toBe("on");
});

test("where the ribbon cannot show the state, the switch says what it did; a failure always does", async () => {
  const s = fresh();
  const failing: LivePort = { start: () => Promise.reject(new Error("Sheet 'Housing' is protected.")), stop: async () => undefined };
  const h = host(s, { ribbonShowsLive: () => false }, "1.9", makeRuntime(s, failing));
  const clicked = runCommand("liveColoursOn", completed(s), h);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(s.notices).toEqual([{ ok: false, title: "Could not turn live colours on", message: "Live colours could not start: Sheet 'Housing' is protected." }]);
  h.closeDialog();
  await clicked;
  const t = fresh();
  const ok = host(t, { ribbonShowsLive: () => false });
  const clickedOff = runCommand("liveColoursOff", completed(t), ok);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(t.notices).toEqual([{ ok: true, title: "Live colours off", message: "Live colours are already off." }]);
  ok.closeDialog();
  await clickedOff;
});

test("Remove colours from the ribbon with live colours on turns them off and says so", async () => {
  const s = fresh();
  const runtime = makeRuntime(s, quietLive, { liveColours: true, ratingHelp: false });
  await runtime.start();
  const h = host(s, {}, "1.9", runtime);
  const clicked = runCommand("removeColours", completed(s), h);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(s.notices[0].message).toContain(LIVE_REMOVED_NOTE);
  expect(s.steps).toContain('save {"liveColours":false}');
  expect(runtime.store.get().live).toBe("off");
  h.closeDialog();
  await clicked;
});

test("a ribbon click waits for work the pane started, and never runs Excel work beside it", async () => {
  const s = fresh();
  const h = host(s);
  const runtime = h.runtime();
  let release!: () => void;
  const paneWork = runtime.command("Apply colours", () => new Promise<void>((resolve) => (release = resolve)), { from: "pane", effect: "none" });
  const clicked = runCommand("buildSummary", completed(s), h);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(s.steps).not.toContain("excel");
  expect(runtime.store.get().work).toEqual({ kind: "command", label: "Apply colours" });
  release();
  await paneWork;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(s.steps).toContain("excel");
  expect(s.notices[0]).toMatchObject({ ok: true, title: "Summary built" });
  h.closeDialog();
  await clicked;
});
